package io.totpkit.vault;

/**
 * The vault file (or its audit journal) is damaged: a changed, missing or extra byte, found by the unkeyed
 * whole-file checksum before any passphrase is tried, or a structure that does not parse. The file is never loaded in
 * part. Restore the previous generation ({@code <name>.bak}) or a backup.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultCorruptedException extends VaultException {
  private static final long serialVersionUID = 1L;

  VaultCorruptedException(String message) {
    super(message);
  }

  VaultCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
