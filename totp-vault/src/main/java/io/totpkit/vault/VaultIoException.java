package io.totpkit.vault;

/**
 * Reading or writing the vault's files failed (disk full, permissions, a missing directory). A failed write leaves
 * the previous state on disk; the cause says what the operating system reported.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultIoException extends VaultException {
  private static final long serialVersionUID = 1L;

  VaultIoException(String message) {
    super(message);
  }

  VaultIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
