package io.totpkit.vault;

/**
 * Another process (or another {@link Vault} in this JVM) held the vault's lock for longer than
 * {@link VaultOptions#lockTimeout()}; nothing was changed. Retry later.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultLockedException extends VaultException {
  private static final long serialVersionUID = 1L;

  VaultLockedException(String message) {
    super(message);
  }

  VaultLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
