package io.totpkit.vault;

/**
 * An import's input cannot be read at all: not JSON, not an Aegis vault, encrypted without a password, parameters
 * out of range. Single unusable items do not throw; they are listed in the {@link ImportReport}.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultImportException extends VaultException {
  private static final long serialVersionUID = 1L;

  VaultImportException(String message) {
    super(message);
  }

  VaultImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
