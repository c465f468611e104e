package io.totpkit.guard;

/**
 * The database behind a {@link JdbcReplayGuard} or {@link JdbcAttemptLimiter} could not be reached, went away
 * mid-operation, or did not answer within the configured timeout. Nothing was changed: the operation's transaction was
 * rolled back (or never started). Retry once the database is back; a verification that ends with this exception must
 * be treated as failed (fail closed).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class GuardUnavailableException extends GuardStoreException {
  private static final long serialVersionUID = 1L;

  GuardUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
