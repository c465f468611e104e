package io.totpkit.guard;

import io.totpkit.core.OtpException;

/**
 * The database behind a {@link JdbcReplayGuard} or {@link JdbcAttemptLimiter} failed an operation: its totpkit
 * tables are missing (run {@link JdbcGuardSchema#migrate} first), its schema is newer than this totpkit, or it
 * refused a statement (permissions, for one); the message says which, and the cause holds the driver's exception.
 * Nothing was changed: the operation's transaction was rolled back or never started. A verification that ends with
 * this exception must be treated as failed. The subtype {@link GuardUnavailableException} says that the database could
 * not be reached or did not answer, which a retry may cure.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class GuardStoreException extends OtpException {
  private static final long serialVersionUID = 1L;

  GuardStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
