package io.totpkit.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What the JDBC classes share: taking a connection with a client-side timeout, running a call as a transaction, and
 * reporting a {@link SQLException} as the module's own typed exception ({@link DatabaseFailure} tells the failures
 * apart once; an instance made by {@link #reporting} maps them to one module's exception types).
 *
 * <p>Thread-safety: immutable; the static methods are stateless.
 *
 * @param <X> the base type of the exceptions the module reports
 */
final class Sql<X extends RuntimeException> {
  /** PostgreSQL's SQLSTATE for lock_timeout expiring. */
  static final String LOCK_NOT_AVAILABLE = "55P03";
  /** Runs the driver's network-timeout aborts on the calling thread: they only close a socket. */
  private static final Executor DIRECT = Runnable::run;

  private final String schemaAdvice;
  private final Function<DatabaseFailure, X> exceptions;

  private Sql(String schemaAdvice, Function<DatabaseFailure, X> exceptions) {
    this.schemaAdvice = schemaAdvice;
    this.exceptions = exceptions;
  }

  /**
   * Returns the plumbing of one module.
   *
   * @param schemaAdvice how to create missing tables, for the message ("run JdbcSchema.migrate(dataSource) once
   *     before use")
   * @param exceptions makes the module's exception for a failure
   */
  static <X extends RuntimeException> Sql<X> reporting(String schemaAdvice,
      Function<DatabaseFailure, X> exceptions) {
    return new Sql<>(Objects.requireNonNull(schemaAdvice, "schemaAdvice"),
        Objects.requireNonNull(exceptions, "exceptions"));
  }

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
  <T> T transaction(DataSource dataSource, Duration timeout, String what, Call<T> call) {
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

  /** The module's exception for a failed database call during {@code what}. */
  X failure(String what, SQLException e, Duration timeout) {
    return exceptions.apply(DatabaseFailure.classify(what, e, timeout, schemaAdvice));
  }

  /** The module's exception for a call totpkit itself refuses (a schema newer than this totpkit). */
  X refused(String message) {
    return exceptions.apply(new DatabaseFailure(DatabaseFailure.Kind.REFUSED, message, null));
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
