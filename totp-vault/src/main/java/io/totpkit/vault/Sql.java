package io.totpkit.vault;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * What the JDBC classes share: taking a connection with a client-side timeout, and turning a {@link SQLException}
 * into the vault's typed exceptions with a message a user can act on. Messages name tables, vaults and timeouts,
 * never data: the database only ever sees sealed bytes and account identifiers.
 *
 * <p>Thread-safety: stateless.
 */
final class Sql {
  /** PostgreSQL's SQLSTATE for lock_timeout expiring. */
  static final String LOCK_NOT_AVAILABLE = "55P03";
  /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
  static final String QUERY_CANCELED = "57014";
  /** PostgreSQL's SQLSTATE for a missing table. */
  static final String UNDEFINED_TABLE = "42P01";
  /** Runs the driver's network-timeout aborts on the calling thread: they only close a socket. */
  private static final Executor DIRECT = Runnable::run;

  private Sql() {}

  /**
   * Takes a connection whose socket gives up {@code networkSlack} after the server's own {@code serverTimeout}, so
   * that the server's cancellation normally arrives first and a silent database still cannot hang the caller.
   */
  static Connection connect(DataSource dataSource, Duration serverTimeout, Duration networkSlack)
      throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      networkTimeout(connection, serverTimeout.plus(networkSlack));
      return connection;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** Reads a value from the current row. */
  interface Column<T> {
    T read(java.sql.ResultSet row) throws SQLException;
  }

  /** Makes the connection's socket give up after {@code timeout} (the driver then closes the connection). */
  static void networkTimeout(Connection connection, Duration timeout) throws SQLException {
    connection.setNetworkTimeout(DIRECT, Math.toIntExact(timeout.toMillis()));
  }

  /** One database call, given a connection. */
  interface Call<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs one call as a transaction on a connection whose socket gives up a second after {@code timeout}, so a frozen
   * database cannot hang the caller. The call's statement is prepared with {@link #withSettings}, so that the server
   * itself cancels it after {@code timeout} and rolls it back, rather than letting it finish after the caller gave
   * up. The driver's own query timeout is not used: its cancel needs a new connection to the server, which hangs just
   * as long when the server does not answer.
   */
  static <T> T transaction(DataSource dataSource, Duration timeout, String what, Call<T> call) {
    try (Connection connection = connect(dataSource, timeout, Duration.ofSeconds(1))) {
      connection.setAutoCommit(false);
      try {
        T result = call.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e, timeout);
    }
  }

  /**
   * Prefixes one statement with its transaction's settings, sent in the same round trip: the server cancels it after
   * {@code timeout}, and with {@code synchronousCommit} off its commit returns before the WAL record is flushed
   * (PostgreSQL stays consistent, but a crash of the database host's operating system can lose the last few hundred
   * milliseconds of commits). Run the result with {@link #executeSettled}.
   */
  static String withSettings(String sql, Duration timeout, boolean synchronousCommit) {
    return "SET LOCAL statement_timeout = " + timeout.toMillis() + "; SET LOCAL synchronous_commit = "
        + (synchronousCommit ? "on" : "off") + "; " + sql;
  }

  /** Executes a statement made by {@link #withSettings} and positions it on the last statement's result. */
  static void executeSettled(PreparedStatement statement) throws SQLException {
    statement.execute();
    statement.getMoreResults();
    statement.getMoreResults();
  }

  /** The typed exception for a failed database call during {@code what}. */
  static VaultIoException failure(String what, SQLException e, Duration timeout) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(QUERY_CANCELED) || e instanceof SQLTimeoutException || timedOut(e)) {
      return new StoreUnavailableException("the database did not answer within " + timeout.toMillis() + " ms while "
          + what + "; nothing was changed", e);
    }
    if (state.equals(UNDEFINED_TABLE)) {
      return new VaultIoException("the totpkit tables are missing from the database while " + what
          + ": run JdbcSchema.migrate(dataSource) once before use", e);
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.isEmpty()) {
      // 08: connection exceptions; 57P01-03: the server is shutting down or not accepting connections; no state: a
      // broken socket or the client-side network timeout.
      return new StoreUnavailableException("the database went away or could not be reached while " + what
          + "; nothing was changed, retry when it is back (" + e.getMessage() + ")", e);
    }
    return new VaultIoException("the database refused " + what + ": " + e.getMessage(), e);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // A broken connection has nothing to roll back: the server discards the transaction with the session.
    }
  }

  static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Returning a broken connection to its pool can fail; the pool discards it.
    }
  }

  static Duration checkTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most 10 minutes, was " + timeout);
    }
    if (timeout.toMillis() == 0) {
      throw new IllegalArgumentException("timeout must be at least one millisecond, was " + timeout);
    }
    return timeout;
  }
}
