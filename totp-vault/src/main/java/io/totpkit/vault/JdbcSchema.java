package io.totpkit.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates and migrates the PostgreSQL tables of {@link JdbcVaultStore}, {@link JdbcReplayGuard} and
 * {@link JdbcAttemptLimiter}. The schema is versioned in a one-row table {@code totpkit_schema}; {@link #migrate}
 * applies the missing steps, each in its own transaction under an advisory lock, so that several servers starting
 * at once migrate exactly once and a failed step leaves the previous version intact. Running it again does nothing.
 *
 * <table>
 *   <caption>Versions</caption>
 *   <tr><th>version</th><th>adds</th></tr>
 *   <tr><td>1</td><td>{@code totpkit_vault} (one sealed image per vault) and {@code totpkit_vault_journal} (its
 *       sealed, chained audit records)</td></tr>
 *   <tr><td>2</td><td>{@code totpkit_replay} (last accepted step per account) and {@code totpkit_attempts}
 *       (consecutive failures and lockouts per account)</td></tr>
 * </table>
 *
 * <p>Thread-safety: stateless.
 */
public final class JdbcSchema {
  /** The schema version this totpkit writes and reads. */
  public static final int CURRENT_VERSION = 2;
  private static final long MIGRATION_LOCK = 0x746f74706b697401L; // "totpkit" 01
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private static final List<List<String>> STEPS = List.of(
      List.of(
          "CREATE TABLE totpkit_vault (name text PRIMARY KEY, generation bigint NOT NULL, image bytea NOT NULL, "
              + "saved_at timestamptz NOT NULL DEFAULT now())",
          "CREATE TABLE totpkit_vault_journal (vault text NOT NULL, position bigint NOT NULL, "
              + "end_position bigint NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (vault, position), "
              + "CHECK (end_position = position + octet_length(bytes)))",
          "CREATE UNIQUE INDEX totpkit_vault_journal_end ON totpkit_vault_journal (vault, end_position)"),
      List.of(
          "CREATE TABLE totpkit_replay (account text PRIMARY KEY, step bigint NOT NULL, "
              + "forget_after_ms bigint NOT NULL)",
          "CREATE TABLE totpkit_attempts (account text PRIMARY KEY, failures integer NOT NULL, "
              + "lockouts integer NOT NULL, locked_until_ms bigint NOT NULL, last_attempt_ms bigint NOT NULL, "
              + "admitted boolean NOT NULL)"));

  private JdbcSchema() {}

  /**
   * Brings the schema to {@link #CURRENT_VERSION}, creating it in an empty database.
   *
   * @param dataSource where the tables live (the connection's default schema)
   * @return the version before migrating (0 for an empty database)
   * @throws VaultIoException if the database refuses a step, or its schema is newer than this totpkit
   * @throws StoreUnavailableException if the database cannot be reached
   */
  public static int migrate(DataSource dataSource) {
    return migrate(dataSource, CURRENT_VERSION);
  }

  /** Migrates up to {@code target}; tests use it to start from an older version. */
  static int migrate(DataSource dataSource, int target) {
    Objects.requireNonNull(dataSource, "dataSource");
    int before = -1;
    for (int step = 1; step <= target; step++) {
      int found = apply(dataSource, step);
      if (before < 0) {
        before = found;
      }
      if (found > CURRENT_VERSION) {
        throw new VaultIoException("the database's totpkit schema is version " + found + ", newer than this "
            + "totpkit's " + CURRENT_VERSION + ": upgrade totpkit");
      }
    }
    return Math.max(before, 0);
  }

  /**
   * Returns the schema version the database holds (0 if none).
   *
   * @param dataSource the database
   * @return the version
   */
  public static int version(DataSource dataSource) {
    try (Connection connection = Sql.connect(dataSource, TIMEOUT, Duration.ofSeconds(5))) {
      return version(connection);
    } catch (SQLException e) {
      throw VaultSql.SQL.failure("reading the totpkit schema version", e, TIMEOUT);
    }
  }

  /** Applies step {@code step} if the database is below it; returns the version found. */
  private static int apply(DataSource dataSource, int step) {
    try (Connection connection = Sql.connect(dataSource, TIMEOUT, Duration.ofSeconds(5))) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL statement_timeout = " + TIMEOUT.toMillis());
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        statement.execute("CREATE TABLE IF NOT EXISTS totpkit_schema (singleton boolean PRIMARY KEY DEFAULT true "
            + "CHECK (singleton), version integer NOT NULL)");
        int found = version(connection);
        if (found < step) {
          for (String ddl : STEPS.get(step - 1)) {
            statement.execute(ddl);
          }
          statement.execute("INSERT INTO totpkit_schema (singleton, version) VALUES (true, " + step + ") "
              + "ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version");
        }
        connection.commit();
        return found;
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw VaultSql.SQL.failure("migrating the totpkit schema to version " + step, e, TIMEOUT);
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet exists = statement.executeQuery("SELECT to_regclass('totpkit_schema') IS NOT NULL")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return 0;
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM totpkit_schema")) {
      return row.next() ? row.getInt(1) : 0;
    }
  }
}
