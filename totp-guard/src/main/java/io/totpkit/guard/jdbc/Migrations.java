package io.totpkit.guard.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Brings one {@link SchemaComponent} of a database up to date. The versions live in
 * {@code totpkit_schema_versions (component, version)}, one row per component; each step runs in its own transaction
 * under one advisory lock shared by every component, so that servers starting together migrate exactly once, a failed
 * step leaves the previous version intact, and a re-run changes nothing.
 *
 * <p>Databases created before components were versioned apart hold a one-row {@code totpkit_schema (version)}:
 * version 1 made the vault's tables, version 2 the guards'. A component finds its version 1 there
 * ({@link SchemaComponent#legacySince}), records it in its own row without creating anything, and when it creates
 * its tables itself it raises that row to match, so that servers still running the older totpkit during a rolling
 * upgrade find the database as they expect. The old table is otherwise left alone, and never created.
 *
 * <p>Thread-safety: stateless.
 */
public final class Migrations {
  /** The last version the one-row {@code totpkit_schema} table ever had. */
  public static final int LAST_LEGACY_VERSION = 2;
  /** The advisory lock of every migration, the same the one-row schema was migrated under. */
  private static final long LOCK = 0x746f74706b697401L; // "totpkit" 01
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final Duration NETWORK_SLACK = Duration.ofSeconds(5);

  private Migrations() {}

  /**
   * Brings {@code component} to its current version.
   *
   * @param dataSource where the tables live (the connection's default schema)
   * @param component the component
   * @param sql the calling module's plumbing, which reports failures as its exceptions
   * @return the version before migrating (0 if it had none)
   */
  public static int migrate(DataSource dataSource, SchemaComponent component, Sql<?> sql) {
    return migrate(dataSource, component, component.currentVersion(), sql);
  }

  /** Brings {@code component} to {@code target}; tests use it to start from an older version. */
  static int migrate(DataSource dataSource, SchemaComponent component, int target, Sql<?> sql) {
    Objects.requireNonNull(dataSource, "dataSource");
    int before = -1;
    for (int step = 1; step <= target; step++) {
      int found = apply(dataSource, component, step, sql);
      if (before < 0) {
        before = found;
      }
    }
    return Math.max(before, 0);
  }

  /**
   * Returns the version of {@code component} in the database.
   *
   * @param dataSource the database
   * @param component the component
   * @param sql the calling module's plumbing, which reports failures as its exceptions
   * @return the version, 0 if none
   */
  public static int version(DataSource dataSource, SchemaComponent component, Sql<?> sql) {
    try (Connection connection = Sql.connect(dataSource, TIMEOUT, NETWORK_SLACK)) {
      return read(connection, component, sql).version();
    } catch (SQLException e) {
      throw sql.failure("reading the totpkit " + component.name() + " schema version", e, TIMEOUT);
    }
  }

  /** Applies step {@code step} if the component is below it; returns the version found. */
  private static int apply(DataSource dataSource, SchemaComponent component, int step, Sql<?> sql) {
    try (Connection connection = Sql.connect(dataSource, TIMEOUT, NETWORK_SLACK)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL statement_timeout = " + TIMEOUT.toMillis());
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        statement.execute("CREATE TABLE IF NOT EXISTS totpkit_schema_versions (component text PRIMARY KEY, "
            + "version integer NOT NULL)");
        Found found = read(connection, component, sql);
        if (found.version() > component.currentVersion()) {
          throw sql.refused("the database's totpkit " + component.name() + " schema is version " + found.version()
              + ", newer than this totpkit's " + component.currentVersion() + ": upgrade totpkit");
        }
        if (found.version() < step) {
          for (String ddl : component.steps().get(step - 1)) {
            statement.execute(ddl);
          }
          recordVersion(connection, component, step);
          if (step == 1 && component.legacySince() > 0 && found.legacy() > 0) {
            raiseLegacy(connection, component.legacySince());
          }
        } else if (!found.recorded()) {
          recordVersion(connection, component, found.version());
        }
        connection.commit();
        return found.version();
      } catch (SQLException | RuntimeException e) {
        Sql.rollbackQuietly(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw sql.failure("migrating the totpkit " + component.name() + " schema to version " + step, e, TIMEOUT);
    }
  }

  /** A component's version, whether it has a row of its own, and the one-row table's version (0 if none). */
  private record Found(int version, boolean recorded, int legacy) {}

  private static Found read(Connection connection, SchemaComponent component, Sql<?> sql) throws SQLException {
    int legacy = exists(connection, "totpkit_schema") ? legacyVersion(connection) : 0;
    if (exists(connection, "totpkit_schema_versions")) {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT version FROM totpkit_schema_versions WHERE component = ?")) {
        query.setString(1, component.name());
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            return new Found(row.getInt(1), true, legacy);
          }
        }
      }
    }
    if (legacy > LAST_LEGACY_VERSION) {
      throw sql.refused("the database's totpkit schema is version " + legacy + ", newer than this totpkit's "
          + LAST_LEGACY_VERSION + ": upgrade totpkit");
    }
    boolean adopted = component.legacySince() > 0 && legacy >= component.legacySince();
    return new Found(adopted ? 1 : 0, false, legacy);
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  private static int legacyVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM totpkit_schema")) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  private static void recordVersion(Connection connection, SchemaComponent component, int version)
      throws SQLException {
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO totpkit_schema_versions "
        + "(component, version) VALUES (?, ?) ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version")) {
      upsert.setString(1, component.name());
      upsert.setInt(2, version);
      upsert.executeUpdate();
    }
  }

  /**
   * Raises the one-row table to {@code version} after a component created the tables the older totpkit expects at
   * that version (every lower version's tables exist: the old table was only ever created with version 1's).
   */
  private static void raiseLegacy(Connection connection, int version) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE totpkit_schema SET version = ? WHERE version < ?")) {
      update.setInt(1, version);
      update.setInt(2, version);
      update.executeUpdate();
    }
  }
}
