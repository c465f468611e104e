package io.totpkit.vault;

/**
 * The vault's checksum is intact but its authenticated contents are not: a key slot or the body failed to
 * verify after the passphrase was proven right. Only deliberate modification (someone who recomputed the unkeyed
 * checksum) leads here; treat the file as hostile and restore from a backup.
 *
 * <h2>Security</h2>
 * The message says which part failed, never how, so it does not help an attacker shape a forgery.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultTamperedException extends VaultCorruptedException {
  private static final long serialVersionUID = 1L;

  VaultTamperedException(String message) {
    super(message);
  }

  VaultTamperedException(String message, Throwable cause) {
    super(message, cause);
  }
}
