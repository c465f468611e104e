package io.totpkit.guard.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What the JDBC classes of every totpkit module share: taking a connection with a client-side timeout, running a
 * call as a transaction, and reporting a {@link SQLException} as the module's own typed exception
 * ({@link DatabaseFailure} tells the failures apart once; an instance made by {@link #reporting} maps them to one
 * module's exception types).
 *
 * <p>Thread-safety: immutable; the static methods are stateless.
 *
 * @param <X> the base type of the exceptions the module reports
 */
public final class Sql<X extends RuntimeException> {
  /** PostgreSQL's SQLSTATE for {@code lock_timeout} expiring. */
  public static final String LOCK_NOT_AVAILABLE = "55P03";
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
   * @param <X> the base type of the module's exceptions
   * @return the plumbing
   */
  public static <X extends RuntimeException> Sql<X> reporting(String schemaAdvice,
      Function<DatabaseFailure, X> exceptions) {
    return new Sql<>(Objects.requireNonNull(schemaAdvice, "schemaAdvice"),
        Objects.requireNonNull(exceptions, "exceptions"));
  }

  /**
   * Takes a connection whose socket gives up {@code networkSlack} after the server's own {@code serverTimeout}, so
   * that the server's cancellation normally arrives first and a silent database still cannot hang the caller.
   *
   * @param dataSource where to take the connection from
   * @param serverTimeout how long the server itself may take
   * @param networkSlack how much longer the socket waits
   * @return the connection, for the caller to close
   * @throws SQLException if no connection could be taken
   */
  public static Connection connect(DataSource dataSource, Duration serverTimeout, Duration networkSlack)
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

  /**
   * Reads a value from the current row.
   *
   * @param <T> the value's type
   */
  public interface Column<T> {
    /**
     * Reads the value.
     *
     * @param row the result, positioned on the row
     * @return the value
     * @throws SQLException if the driver fails
     */
    T read(java.sql.ResultSet row) throws SQLException;
  }

  /**
   * Makes the connection's socket give up after {@code timeout} (the driver then closes the connection).
   *
   * @param connection the connection
   * @param timeout how long a call may wait for the server
   * @throws SQLException if the driver refuses
   */
  public static void networkTimeout(Connection connection, Duration timeout) throws SQLException {
    connection.setNetworkTimeout(DIRECT, Math.toIntExact(timeout.toMillis()));
  }

  /**
   * One database call, given a connection.
   *
   * @param <T> its result's type
   */
  public interface Call<T> {
    /**
     * Makes the call.
     *
     * @param connection the transaction's connection
     * @return the result
     * @throws SQLException if the driver or the database fails
     */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs one call as a transaction on a connection whose socket gives up a second after {@code timeout}, so a frozen
   * database cannot hang the caller. The call's statement is prepared with {@link #withSettings}, so that the server
   * itself cancels it after {@code timeout} and rolls it back, rather than letting it finish after the caller gave
   * up. The driver's own query timeout is not used: its cancel needs a new connection to the server, which hangs just
   * as long when the server does not answer.
   *
   * @param dataSource where to take the connection from
   * @param timeout how long the server may take
   * @param what the operation, for a failure's message
   * @param call the call
   * @param <T> its result's type
   * @return the call's result, committed
   * @throws X if the call failed; nothing was committed
   */
  public <T> T transaction(DataSource dataSource, Duration timeout, String what, Call<T> call) {
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
   *
   * @param sql the statement
   * @param timeout how long the server may take
   * @param synchronousCommit whether the commit waits for the WAL flush
   * @return the statements to prepare
   */
  public static String withSettings(String sql, Duration timeout, boolean synchronousCommit) {
    return "SET LOCAL statement_timeout = " + timeout.toMillis() + "; SET LOCAL synchronous_commit = "
        + (synchronousCommit ? "on" : "off") + "; " + sql;
  }

  /**
   * Executes a statement made by {@link #withSettings} and positions it on the last statement's result.
   *
   * @param statement the prepared statement, its parameters set
   * @throws SQLException if the driver or the database fails
   */
  public static void executeSettled(PreparedStatement statement) throws SQLException {
    statement.execute();
    statement.getMoreResults();
    statement.getMoreResults();
  }

  /**
   * Returns the module's exception for a failed database call.
   *
   * @param what the operation ("checking a code for replay")
   * @param e what the driver threw
   * @param timeout the operation's timeout
   * @return the exception, for the caller to throw
   */
  public X failure(String what, SQLException e, Duration timeout) {
    return exceptions.apply(DatabaseFailure.classify(what, e, timeout, schemaAdvice));
  }

  /**
   * Returns the module's exception for a call totpkit itself refuses (a schema newer than this totpkit).
   *
   * @param message what was refused and what to do
   * @return the exception, for the caller to throw
   */
  public X refused(String message) {
    return exceptions.apply(new DatabaseFailure(DatabaseFailure.Kind.REFUSED, message, null));
  }

  /**
   * Rolls back, ignoring a broken connection.
   *
   * @param connection the connection
   */
  public static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // A broken connection has nothing to roll back: the server discards the transaction with the session.
    }
  }

  /**
   * Closes, ignoring a failure.
   *
   * @param resource the connection or statement
   */
  public static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // Returning a broken connection to its pool can fail; the pool discards it.
    }
  }

  /**
   * Checks a store's timeout: positive, at least a millisecond, at most 10 minutes.
   *
   * @param timeout the timeout
   * @return {@code timeout}
   * @throws IllegalArgumentException if it is out of range
   */
  public static Duration checkTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("timeout must be positive and at most 10 minutes, was " + timeout);
    }
    if (timeout.toMillis() == 0) {
      throw new IllegalArgumentException("timeout must be at least one millisecond, was " + timeout);
    }
    return timeout;
  }
}
