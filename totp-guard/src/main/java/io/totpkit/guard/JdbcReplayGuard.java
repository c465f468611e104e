package io.totpkit.guard;

import io.totpkit.core.AccountId;
import io.totpkit.core.ReplayGuard;
import io.totpkit.guard.jdbc.Sql;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link ReplayGuard} that every server of a service shares through PostgreSQL (table {@code totpkit_replay},
 * created by {@link JdbcGuardSchema#migrate}). Each decision is one atomic statement, an upsert that only moves an
 * account's accepted step forward:
 *
 * <pre>{@code
 * INSERT INTO totpkit_replay AS r (account, step, forget_after_ms) VALUES (?, ?, ?)
 * ON CONFLICT (account) DO UPDATE SET step = EXCLUDED.step, forget_after_ms = EXCLUDED.forget_after_ms
 * WHERE r.step < EXCLUDED.step
 * }</pre>
 *
 * PostgreSQL locks the account's row for the statement, so of any number of concurrent calls on any number of servers
 * exactly one changes the row for a given step: a code is accepted at most once per account.
 *
 * <p>A database that is down or slower than the {@linkplain #withTimeout timeout} (2 s unless set) makes
 * {@link #tryAccept} throw {@link GuardUnavailableException}; the verifier passes it on, so the login fails closed.
 * Missing tables or a statement the database refuses throw its base type, {@link GuardStoreException}. Pass a pooled
 * {@link DataSource}. {@link #purge} deletes the records no code could replay any more.
 *
 * <p>Account identifiers are keyed by {@link io.totpkit.core.AccountId#normalize}: {@code alice}, {@code Alice} and
 * full-width {@code ａｌｉｃｅ} are one record, and an identifier holding a control character is refused with
 * {@link IllegalArgumentException} before it reaches the database.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class JdbcReplayGuard implements ReplayGuard {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  private static final String ACCEPT = "INSERT INTO totpkit_replay AS r (account, step, forget_after_ms) "
      + "VALUES (?, ?, ?) ON CONFLICT (account) DO UPDATE SET step = EXCLUDED.step, "
      + "forget_after_ms = EXCLUDED.forget_after_ms WHERE r.step < EXCLUDED.step";

  private final DataSource dataSource;
  private final Duration timeout;
  private final boolean synchronousCommit;
  private final String acceptSql;

  private JdbcReplayGuard(DataSource dataSource, Duration timeout, boolean synchronousCommit) {
    this.dataSource = dataSource;
    this.timeout = timeout;
    this.synchronousCommit = synchronousCommit;
    this.acceptSql = Sql.withSettings(ACCEPT, timeout, synchronousCommit);
  }

  /**
   * Returns a guard over the {@code totpkit_replay} table.
   *
   * @param dataSource a pooled data source for the database holding the totpkit tables
   * @return the guard, with a 2-second timeout
   */
  public static JdbcReplayGuard of(DataSource dataSource) {
    return new JdbcReplayGuard(Objects.requireNonNull(dataSource, "dataSource"), DEFAULT_TIMEOUT, true);
  }

  /**
   * Returns a copy whose database calls give up after {@code timeout}.
   *
   * @param timeout positive, at most 10 minutes
   * @return the new guard
   */
  public JdbcReplayGuard withTimeout(Duration timeout) {
    return new JdbcReplayGuard(dataSource, Sql.checkTimeout(Objects.requireNonNull(timeout, "timeout")),
        synchronousCommit);
  }

  /**
   * Returns a copy that waits ({@code true}, the default) or does not wait for each decision's WAL record to reach
   * the database's disk. Off, a verification no longer pays for disk flushes (on the machine measured in
   * totp-bench/README.md its p99 drops from 2.8 ms to 0.85 ms, and 8 threads go from 1 600 to 2 800 a second):
   * decisions stay atomic and consistent, but a crash of the database host's operating system can forget the steps
   * accepted in its last few hundred milliseconds ({@code wal_writer_delay}), so a code used just then could be
   * accepted once more within its window. PostgreSQL's {@code synchronous_commit}, set for these transactions only.
   *
   * @param synchronousCommit whether to wait for the flush
   * @return the new guard
   */
  public JdbcReplayGuard withSynchronousCommit(boolean synchronousCommit) {
    return new JdbcReplayGuard(dataSource, timeout, synchronousCommit);
  }

  /**
   * {@inheritDoc}
   *
   * @throws GuardUnavailableException if the database cannot be reached or does not answer in time
   * @throws GuardStoreException if the database refuses the statement, or the tables are missing
   */
  @Override
  public boolean tryAccept(String account, long step, Instant now, Instant forgetAfter) {
    String key = AccountId.normalize(account);
    Objects.requireNonNull(now, "now");
    long forgetAfterMillis = Instants.millis(Objects.requireNonNull(forgetAfter, "forgetAfter"));
    return GuardSql.SQL.transaction(dataSource, timeout, "checking a code for replay", connection -> {
      try (PreparedStatement accept = connection.prepareStatement(acceptSql)) {
        accept.setString(1, key);
        accept.setLong(2, step);
        accept.setLong(3, forgetAfterMillis);
        Sql.executeSettled(accept);
        return accept.getUpdateCount() == 1;
      }
    });
  }

  /**
   * Deletes the records whose steps no code could pass verification for any more (HOTP counters are kept).
   *
   * @param now the current time
   * @return how many records were deleted
   * @throws GuardStoreException if the database cannot be reached or refuses the statement
   */
  public int purge(Instant now) {
    long nowMillis = Instants.millis(Objects.requireNonNull(now, "now"));
    return GuardSql.SQL.transaction(dataSource, timeout, "purging replay records", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          Sql.withSettings("DELETE FROM totpkit_replay WHERE forget_after_ms < ?", timeout, true))) {
        delete.setLong(1, nowMillis);
        Sql.executeSettled(delete);
        return delete.getUpdateCount();
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcReplayGuard[timeout=" + timeout.toMillis() + " ms, synchronousCommit=" + synchronousCommit + "]";
  }
}
