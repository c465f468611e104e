package io.totpkit.vault;

/**
 * The file is an intact totpkit vault in a format version newer than this library reads: upgrade totpkit.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class UnsupportedVaultVersionException extends VaultException {
  private static final long serialVersionUID = 1L;

  UnsupportedVaultVersionException(String message) {
    super(message);
  }

  UnsupportedVaultVersionException(String message, Throwable cause) {
    super(message, cause);
  }
}
