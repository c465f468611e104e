package io.totpkit.vault;

/**
 * The database behind a {@link JdbcVaultStore} (or {@link JdbcSchema}) could not be reached, went away mid-operation,
 * or did not answer within the configured timeout. Nothing was changed: the operation's transaction was rolled back
 * (or never started). Retry once the database is back; a code reveal or verification that ends with this exception
 * did not happen. (The replay guard and attempt limiter of module totp-guard throw their own
 * {@code GuardUnavailableException}.)
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class StoreUnavailableException extends VaultIoException {
  private static final long serialVersionUID = 1L;

  StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
