package io.totpkit.vault;

import io.totpkit.guard.jdbc.GuardTables;
import io.totpkit.guard.jdbc.Migrations;
import io.totpkit.guard.jdbc.SchemaComponent;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates and migrates the PostgreSQL tables of a vault deployment: those of {@link JdbcVaultStore}, and those of
 * the replay guard and attempt limiter its servers verify logins with. Each part of the schema is versioned on its own
 * in {@code totpkit_schema_versions (component, version)}: {@link #migrate} brings component {@code guard} and then
 * component {@code vault} up to date, each step in its own transaction under an advisory lock, so that several
 * servers starting at once migrate exactly once and a failed step leaves the previous version intact. Running it
 * again does nothing.
 *
 * <table>
 *   <caption>Versions of component {@code vault}</caption>
 *   <tr><th>version</th><th>adds</th></tr>
 *   <tr><td>1</td><td>{@code totpkit_vault} (one sealed image per vault) and {@code totpkit_vault_journal} (its
 *       sealed, chained audit records)</td></tr>
 * </table>
 *
 * <p>Component {@code guard} adds {@code totpkit_replay} and {@code totpkit_attempts} at its version 1. A database
 * created by an older totpkit, whose one-row {@code totpkit_schema} says version 1 (vault tables) or 2 (guard tables
 * too), is taken over where it stands: its existing tables count as version 1 of their component, nothing is
 * created twice and no row is touched.
 *
 * <p>Thread-safety: stateless.
 */
public final class JdbcSchema {
  /** The version of component {@code vault} this totpkit writes and reads. */
  public static final int CURRENT_VERSION = 1;

  private static final SchemaComponent VAULT = new SchemaComponent("vault", 1, List.of(
      List.of(
          "CREATE TABLE totpkit_vault (name text PRIMARY KEY, generation bigint NOT NULL, image bytea NOT NULL, "
              + "saved_at timestamptz NOT NULL DEFAULT now())",
          "CREATE TABLE totpkit_vault_journal (vault text NOT NULL, position bigint NOT NULL, "
              + "end_position bigint NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (vault, position), "
              + "CHECK (end_position = position + octet_length(bytes)))",
          "CREATE UNIQUE INDEX totpkit_vault_journal_end ON totpkit_vault_journal (vault, end_position)")));

  private JdbcSchema() {}

  /**
   * Brings the guard's and the vault's tables to their current versions, creating them in an empty database.
   *
   * @param dataSource where the tables live (the connection's default schema)
   * @return the version of component {@code vault} before migrating (0 for an empty database)
   * @throws VaultIoException if the database refuses a step, or its schema is newer than this totpkit
   * @throws StoreUnavailableException if the database cannot be reached
   */
  public static int migrate(DataSource dataSource) {
    Migrations.migrate(dataSource, GuardTables.COMPONENT, VaultSql.SQL);
    return Migrations.migrate(dataSource, VAULT, VaultSql.SQL);
  }

  /**
   * Returns the version of component {@code vault} in the database (0 if none).
   *
   * @param dataSource the database
   * @return the version
   */
  public static int version(DataSource dataSource) {
    return Migrations.version(dataSource, VAULT, VaultSql.SQL);
  }
}
