package io.totpkit.guard.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The PostgreSQL schema as totpkit created it before each component was versioned on its own: a one-row table
 * {@code totpkit_schema}, whose version 1 added the vault's tables and version 2 the guards'. Frozen here, statement
 * for statement as that totpkit ran them, so that upgrades are tested against what its deployments really hold.
 *
 * <p>Thread-safety: stateless.
 */
public final class LegacySchema {
  private static final String SCHEMA_TABLE = """
      CREATE TABLE IF NOT EXISTS totpkit_schema (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version integer NOT NULL
      )""";
  private static final List<String> VERSIONS = List.of("""
      CREATE TABLE totpkit_vault (
        name text PRIMARY KEY,
        generation bigint NOT NULL,
        image bytea NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE totpkit_vault_journal (
        vault text NOT NULL,
        position bigint NOT NULL,
        end_position bigint NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (vault, position),
        CHECK (end_position = position + octet_length(bytes))
      );
      CREATE UNIQUE INDEX totpkit_vault_journal_end ON totpkit_vault_journal (vault, end_position)""", """
      CREATE TABLE totpkit_replay (
        account text PRIMARY KEY,
        step bigint NOT NULL,
        forget_after_ms bigint NOT NULL
      );
      CREATE TABLE totpkit_attempts (
        account text PRIMARY KEY,
        failures integer NOT NULL,
        lockouts integer NOT NULL,
        locked_until_ms bigint NOT NULL,
        last_attempt_ms bigint NOT NULL,
        admitted boolean NOT NULL
      )""");

  private LegacySchema() {}

  /**
   * Creates the old schema at {@code version} (1 or 2) in an empty database, one transaction per version as the old
   * migration did.
   */
  public static void create(DataSource dataSource, int version) throws SQLException {
    for (int step = 1; step <= version; step++) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        statement.execute(SCHEMA_TABLE);
        statement.execute(VERSIONS.get(step - 1));
        statement.execute("INSERT INTO totpkit_schema (singleton, version) VALUES (true, " + step + ") "
            + "ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version");
        connection.commit();
      }
    }
  }

  /** The version the one-row table holds. */
  public static int version(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT version FROM totpkit_schema")) {
      return row.next() ? row.getInt(1) : 0;
    }
  }
}
