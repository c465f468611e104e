package io.totpkit.vault;

/**
 * The vault file is older than its audit journal: the journal holds a change saved with a later vault image, or a
 * record written under one. Someone replaced the vault file with an older copy (its {@code .bak}, a backup) without
 * its journal. Restoring every file of the vault together cannot be detected on one machine; see the README's threat
 * model.
 *
 * <p>Thread-safety: immutable.
 */
public final class VaultRolledBackException extends VaultTamperedException {
  private static final long serialVersionUID = 1L;

  VaultRolledBackException(String message) {
    super(message);
  }
}
