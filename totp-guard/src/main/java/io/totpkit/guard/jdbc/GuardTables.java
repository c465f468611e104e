package io.totpkit.guard.jdbc;

import java.util.List;

/**
 * The guards' tables, schema component {@code guard}: what {@code JdbcReplayGuard} and {@code JdbcAttemptLimiter}
 * need, and nothing of a vault's. Here rather than beside them so that the vault's {@code JdbcSchema} can migrate
 * this component too, reporting failures as its own exceptions.
 *
 * <table>
 *   <caption>Versions of component {@code guard}</caption>
 *   <tr><th>version</th><th>adds</th></tr>
 *   <tr><td>1</td><td>{@code totpkit_replay} (last accepted step per account) and {@code totpkit_attempts}
 *       (consecutive failures and lockouts per account); version 2 of the one-row {@code totpkit_schema}</td></tr>
 * </table>
 *
 * <p>Thread-safety: immutable.
 */
public final class GuardTables {
  /** The guard component. */
  public static final SchemaComponent COMPONENT = new SchemaComponent("guard", 2, List.of(
      List.of(
          "CREATE TABLE totpkit_replay (account text PRIMARY KEY, step bigint NOT NULL, "
              + "forget_after_ms bigint NOT NULL)",
          "CREATE TABLE totpkit_attempts (account text PRIMARY KEY, failures integer NOT NULL, "
              + "lockouts integer NOT NULL, locked_until_ms bigint NOT NULL, last_attempt_ms bigint NOT NULL, "
              + "admitted boolean NOT NULL)")));

  private GuardTables() {}
}
