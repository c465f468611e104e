package io.totpkit.guard.jdbc;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * What went wrong in a database call, told apart once for every totpkit class that uses PostgreSQL, with a message a
 * user can act on; each module turns the {@link Kind} into its own exception type ({@link Sql#reporting}). Messages
 * name tables, stores and timeouts, never data: the database only ever sees sealed bytes and account identifiers.
 *
 * <p>Thread-safety: immutable.
 *
 * @param kind what the caller can do about it
 * @param message the message for the exception
 * @param cause the driver's exception, or {@code null} when the refusal is totpkit's own (a newer schema)
 */
public record DatabaseFailure(Kind kind, String message, SQLException cause) {
  /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
  public static final String QUERY_CANCELED = "57014";
  /** PostgreSQL's SQLSTATE for a missing table. */
  public static final String UNDEFINED_TABLE = "42P01";

  /** What the caller can do about a failure. */
  public enum Kind {
    /** The database could not be reached, went away or did not answer in time; nothing was changed: retry later. */
    UNAVAILABLE,
    /** The totpkit tables are missing: the schema was never migrated. */
    MISSING_TABLES,
    /** The database refused the call (permissions, a constraint, a schema newer than this totpkit). */
    REFUSED
  }

  /** Checks that the kind and message are present. */
  public DatabaseFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Tells a driver's exception apart.
   *
   * @param what the operation, for the message ("checking a code for replay")
   * @param e what the driver threw
   * @param timeout the operation's timeout, for the message
   * @param schemaAdvice how to create the missing tables ("run JdbcSchema.migrate(dataSource) once before use")
   * @return the failure
   */
  public static DatabaseFailure classify(String what, SQLException e, Duration timeout, String schemaAdvice) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(QUERY_CANCELED) || e instanceof SQLTimeoutException || timedOut(e)) {
      return new DatabaseFailure(Kind.UNAVAILABLE, "the database did not answer within " + timeout.toMillis()
          + " ms while " + what + "; nothing was changed", e);
    }
    if (state.equals(UNDEFINED_TABLE)) {
      return new DatabaseFailure(Kind.MISSING_TABLES, "the totpkit tables are missing from the database while "
          + what + ": " + schemaAdvice, e);
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.isEmpty()) {
      // 08: connection exceptions; 57P01-03: the server is shutting down or not accepting connections; no state: a
      // broken socket or the client-side network timeout.
      return new DatabaseFailure(Kind.UNAVAILABLE, "the database went away or could not be reached while " + what
          + "; nothing was changed, retry when it is back (" + e.getMessage() + ")", e);
    }
    return new DatabaseFailure(Kind.REFUSED, "the database refused " + what + ": " + e.getMessage(), e);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
