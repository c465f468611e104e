package io.totpkit.vault;

/**
 * The file is not a totpkit vault file: it does not start with the vault magic bytes. Either another file was
 * given or its first bytes were destroyed.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class NotAVaultFileException extends VaultCorruptedException {
  private static final long serialVersionUID = 1L;

  NotAVaultFileException(String message) {
    super(message);
  }

  NotAVaultFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
