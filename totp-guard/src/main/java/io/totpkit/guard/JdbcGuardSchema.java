package io.totpkit.guard;

import io.totpkit.guard.jdbc.GuardTables;
import io.totpkit.guard.jdbc.Migrations;
import javax.sql.DataSource;

/**
 * Creates and migrates the PostgreSQL tables of {@link JdbcReplayGuard} and {@link JdbcAttemptLimiter}, and only
 * those: schema component {@code guard}, versioned on its own in {@code totpkit_schema_versions (component, version)}
 * beside whatever other totpkit components the database holds. {@link #migrate} applies the missing steps, each in
 * its own transaction under an advisory lock, so that several servers starting at once migrate exactly once and a
 * failed step leaves the previous version intact. Running it again does nothing. A vault deployment need not call it:
 * the vault's {@code JdbcSchema.migrate} migrates this component too.
 *
 * <pre>{@code
 * JdbcGuardSchema.migrate(dataSource);                  // at start-up, from every server
 * TotpVerifier verifier = TotpVerifier.builder(totp)
 *     .replayGuard(JdbcReplayGuard.of(dataSource))
 *     .attemptLimiter(JdbcAttemptLimiter.of(dataSource, 5, Duration.ofMinutes(1)))
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Versions of component {@code guard}</caption>
 *   <tr><th>version</th><th>adds</th></tr>
 *   <tr><td>1</td><td>{@code totpkit_replay} (last accepted step per account) and {@code totpkit_attempts}
 *       (consecutive failures and lockouts per account)</td></tr>
 * </table>
 *
 * <p>A database created by an older totpkit, whose one-row {@code totpkit_schema} table says version 2, already holds
 * these tables: they are taken over as version 1 without being created again, and every row stays. At version 1 (the
 * vault's tables only) the guard tables are created, and that row is raised to 2 so that servers still running the
 * older totpkit find what they expect.
 *
 * <p>Thread-safety: stateless.
 */
public final class JdbcGuardSchema {
  /** The version of component {@code guard} this totpkit writes and reads. */
  public static final int CURRENT_VERSION = 1;

  private JdbcGuardSchema() {}

  /**
   * Brings the guard tables to {@link #CURRENT_VERSION}, creating them in an empty database.
   *
   * @param dataSource where the tables live (the connection's default schema)
   * @return the version before migrating (0 if the guard tables were missing)
   * @throws GuardStoreException if the database refuses a step, or its schema is newer than this totpkit
   * @throws GuardUnavailableException if the database cannot be reached
   */
  public static int migrate(DataSource dataSource) {
    return Migrations.migrate(dataSource, GuardTables.COMPONENT, GuardSql.SQL);
  }

  /**
   * Returns the version of the guard tables in the database.
   *
   * @param dataSource the database
   * @return the version, 0 if none
   * @throws GuardStoreException if the database cannot be reached or refuses the query
   */
  public static int version(DataSource dataSource) {
    return Migrations.version(dataSource, GuardTables.COMPONENT, GuardSql.SQL);
  }
}
