package io.totpkit.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The starter's own PostgreSQL tables: {@code totpkit_user_keys} (encrypted TOTP keys, one active and one pending per
 * user) and {@code totpkit_recovery_codes} (SHA-256 hashes of single-use codes). {@link #create} makes them if they are
 * missing, in one transaction under an advisory lock so that several instances starting at once do it once;
 * {@link #check} only verifies that they are there ({@code totpkit.keys.initialize-schema=false}).
 *
 * <p>Thread-safety: stateless.
 */
final class StarterSchema {
  /** Advisory lock key: "totpkitS" in ASCII, distinct from the guard module's. */
  private static final long LOCK = 0x746f74706b697453L;

  static final List<String> TABLES = List.of("totpkit_user_keys", "totpkit_recovery_codes");

  private static final List<String> DDL = List.of(
      "CREATE TABLE IF NOT EXISTS totpkit_user_keys ("
          + " username text NOT NULL,"
          + " active boolean NOT NULL,"
          + " key_id text NOT NULL,"
          + " ciphertext bytea NOT NULL,"
          + " created_at bigint NOT NULL,"
          + " algorithm text NOT NULL,"
          + " digits integer NOT NULL,"
          + " period_seconds integer NOT NULL,"
          + " PRIMARY KEY (username, active))",
      "CREATE TABLE IF NOT EXISTS totpkit_recovery_codes ("
          + " username text NOT NULL,"
          + " code_hash bytea NOT NULL,"
          + " PRIMARY KEY (username, code_hash))");

  private StarterSchema() {}

  /** {@link #create} or {@link #check}, as {@code totpkit.keys.initialize-schema} says. */
  static void prepare(DataSource dataSource, boolean initialize) {
    if (initialize) {
      create(dataSource);
    } else {
      check(dataSource);
    }
  }

  static void create(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        for (String ddl : DDL) {
          s.execute(ddl);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new TotpKeyStoreException("Could not create the tables " + TABLES + " (totpkit.keys.initialize-schema):"
          + " " + e.getMessage(), e);
    }
  }

  static void check(DataSource dataSource) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (var rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
          rs.next();
          if (!rs.getBoolean(1)) {
            throw new InvalidTotpPropertyException("totpkit.keys.initialize-schema", "is false, but table " + table
                + " is missing: set it to true once, or create the tables from StarterSchema's DDL");
          }
        }
      }
    } catch (SQLException e) {
      throw new TotpKeyStoreException("Could not check the tables " + TABLES + ": " + e.getMessage(), e);
    }
  }
}
