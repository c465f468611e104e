package io.totpkit.guard;

import io.totpkit.core.AccountId;
import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.LockoutPolicy;
import io.totpkit.guard.jdbc.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link AttemptLimiter} that every server of a service shares through PostgreSQL (table
 * {@code totpkit_attempts}, created by {@link JdbcGuardSchema#migrate}), with the rules of
 * {@link AttemptLimiter#inMemory}: after every {@code maxFailures} consecutive failures the account waits
 * {@code lockout}, doubled for each further lockout (capped at 24 hours, or at {@code lockout} if that is longer);
 * after {@value AttemptLimiter#MAX_CONSECUTIVE_FAILURES} it stays locked until {@link #reset}.
 *
 * <p>Each decision is one atomic upsert on the account's row: it decides from the row as it stands, counts the
 * attempt as a failure if it lets it through, and returns the outcome ({@code RETURNING}). PostgreSQL serializes the
 * statements on the row, so concurrent guesses from any number of servers are each counted exactly once and never
 * more than {@code maxFailures} slip through before a lockout. {@link #recordSuccess} deletes the row, without
 * waiting for the database's disk: should a crash of the database host forget the deletion, the account has one
 * failure too many counted, never one too few.
 *
 * <p>A database that is down or slower than the {@linkplain #withTimeout timeout} (2 s unless set) makes every
 * method throw {@link GuardUnavailableException}, so a login fails closed; missing tables or a statement the database
 * refuses throw its base type, {@link GuardStoreException}. Pass a pooled {@link DataSource}.
 *
 * <p>Account identifiers are keyed by {@link io.totpkit.core.AccountId#normalize}: {@code alice}, {@code Alice} and
 * full-width {@code ａｌｉｃｅ} are one record, and an identifier holding a control character is refused with
 * {@link IllegalArgumentException} before it reaches the database.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class JdbcAttemptLimiter implements AttemptLimiter {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration LOCKED_UNTIL_RESET = Duration.ofSeconds(Long.MAX_VALUE);
  private static final long GROWTH_CAP_MILLIS = LockoutPolicy.GROWTH_CAP.toMillis();
  private static final String OPEN = "(a.failures < " + MAX_CONSECUTIVE_FAILURES
      + " AND a.locked_until_ms <= EXCLUDED.last_attempt_ms)";
  private static final String LOCKS = OPEN + " AND (a.failures + 1) % CAST(? AS integer) = 0";
  private static final String ACQUIRE = "INSERT INTO totpkit_attempts AS a "
      + "(account, failures, lockouts, locked_until_ms, last_attempt_ms, admitted) VALUES (?, 1, ?, ?, ?, true) "
      + "ON CONFLICT (account) DO UPDATE SET admitted = " + OPEN + ", "
      + "failures = CASE WHEN " + OPEN + " THEN a.failures + 1 ELSE a.failures END, "
      + "lockouts = CASE WHEN " + LOCKS + " THEN a.lockouts + 1 ELSE a.lockouts END, "
      + "locked_until_ms = CASE WHEN " + LOCKS + " THEN LEAST(EXCLUDED.last_attempt_ms::numeric + "
      + "LEAST(CAST(? AS numeric) * power(2::numeric, a.lockouts), CAST(? AS numeric)), "
      + Long.MAX_VALUE + ")::bigint ELSE a.locked_until_ms END, "
      + "last_attempt_ms = CASE WHEN " + OPEN + " THEN EXCLUDED.last_attempt_ms ELSE a.last_attempt_ms END "
      + "RETURNING admitted, failures, locked_until_ms";

  private final DataSource dataSource;
  private final LockoutPolicy policy;
  private final Duration timeout;
  private final boolean synchronousCommit;
  private final String acquireSql;
  private final String resetSql;

  private JdbcAttemptLimiter(DataSource dataSource, LockoutPolicy policy, Duration timeout, boolean synchronousCommit) {
    this.dataSource = dataSource;
    this.policy = policy;
    this.timeout = timeout;
    this.synchronousCommit = synchronousCommit;
    this.acquireSql = Sql.withSettings(ACQUIRE, timeout, synchronousCommit);
    // Clearing never waits for the flush: a crash that forgets it leaves one failure too many, the safe side.
    this.resetSql = Sql.withSettings("DELETE FROM totpkit_attempts WHERE account = ?", timeout, false);
  }

  /**
   * Returns a limiter over the {@code totpkit_attempts} table.
   *
   * @param dataSource a pooled data source for the database holding the totpkit tables
   * @param maxFailures consecutive failures that trigger a lockout, 1 to
   *     {@value AttemptLimiter#MAX_CONSECUTIVE_FAILURES}
   * @param lockout the first lockout's length, positive and at most 365 days
   * @return the limiter, with a 2-second timeout
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static JdbcAttemptLimiter of(DataSource dataSource, int maxFailures, Duration lockout) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcAttemptLimiter(dataSource, LockoutPolicy.of(maxFailures, lockout), DEFAULT_TIMEOUT, true);
  }

  /**
   * Returns a copy whose database calls give up after {@code timeout}.
   *
   * @param timeout positive, at most 10 minutes
   * @return the new limiter
   */
  public JdbcAttemptLimiter withTimeout(Duration timeout) {
    return new JdbcAttemptLimiter(dataSource, policy,
        Sql.checkTimeout(Objects.requireNonNull(timeout, "timeout")), synchronousCommit);
  }

  /**
   * Returns a copy that waits ({@code true}, the default) or does not wait for each decision's WAL record to reach
   * the database's disk, as {@link JdbcReplayGuard#withSynchronousCommit} explains: off, a crash of the database
   * host's operating system can forget the failures counted in its last few hundred milliseconds.
   *
   * @param synchronousCommit whether to wait for the flush
   * @return the new limiter
   */
  public JdbcAttemptLimiter withSynchronousCommit(boolean synchronousCommit) {
    return new JdbcAttemptLimiter(dataSource, policy, timeout, synchronousCommit);
  }

  /**
   * {@inheritDoc}
   *
   * @throws GuardUnavailableException if the database cannot be reached or does not answer in time
   * @throws GuardStoreException if the database refuses the statement, or the tables are missing
   */
  @Override
  public Duration tryAcquire(String account, Instant now) {
    String key = AccountId.normalize(account);
    long nowMillis = Instants.millis(Objects.requireNonNull(now, "now"));
    int maxFailures = policy.maxFailures();
    long lockoutMillis = policy.lockoutMillis();
    boolean firstLocks = maxFailures == 1;
    return GuardSql.SQL.transaction(dataSource, timeout, "counting an attempt", connection -> {
      try (PreparedStatement acquire = connection.prepareStatement(acquireSql)) {
        acquire.setString(1, key);
        acquire.setInt(2, firstLocks ? 1 : 0);
        acquire.setLong(3, firstLocks ? saturatedAdd(nowMillis, lockoutMillis) : Long.MIN_VALUE);
        acquire.setLong(4, nowMillis);
        acquire.setInt(5, maxFailures);
        acquire.setInt(6, maxFailures);
        acquire.setLong(7, lockoutMillis);
        acquire.setLong(8, policy.longestLockoutMillis());
        Sql.executeSettled(acquire);
        try (ResultSet row = acquire.getResultSet()) {
          row.next();
          if (row.getBoolean(1)) {
            return Duration.ZERO;
          }
          if (row.getInt(2) >= MAX_CONSECUTIVE_FAILURES) {
            return LOCKED_UNTIL_RESET;
          }
          return Duration.ofMillis(Math.max(1, row.getLong(3) - nowMillis));
        }
      }
    });
  }

  /**
   * {@inheritDoc} Deletes the account's row, without waiting for the database's disk.
   *
   * @throws GuardUnavailableException if the database cannot be reached or does not answer in time
   * @throws GuardStoreException if the database refuses the statement, or the tables are missing
   */
  @Override
  public void recordSuccess(String account) {
    reset(account);
  }

  /**
   * {@inheritDoc} Deletes the account's row, without waiting for the database's disk.
   *
   * @throws GuardUnavailableException if the database cannot be reached or does not answer in time
   * @throws GuardStoreException if the database refuses the statement, or the tables are missing
   */
  @Override
  public void reset(String account) {
    String key = AccountId.normalize(account);
    GuardSql.SQL.transaction(dataSource, timeout, "clearing an account's failures", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(resetSql)) {
        delete.setString(1, key);
        Sql.executeSettled(delete);
        return delete.getUpdateCount();
      }
    });
  }

  /**
   * Deletes the records of accounts that were never locked out and made no attempt for 24 hours, as the in-memory
   * limiter forgets them; run it from a daily job.
   *
   * @param now the current time
   * @return how many records were deleted
   * @throws GuardStoreException if the database cannot be reached or refuses the statement
   */
  public int purge(Instant now) {
    long nowMillis = Instants.millis(Objects.requireNonNull(now, "now"));
    long cutoff = nowMillis < Long.MIN_VALUE + GROWTH_CAP_MILLIS ? Long.MIN_VALUE : nowMillis - GROWTH_CAP_MILLIS;
    return GuardSql.SQL.transaction(dataSource, timeout, "purging attempt records", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          Sql.withSettings("DELETE FROM totpkit_attempts WHERE lockouts = 0 AND last_attempt_ms < ?", timeout, true))) {
        delete.setLong(1, cutoff);
        Sql.executeSettled(delete);
        return delete.getUpdateCount();
      }
    });
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public String toString() {
    return "JdbcAttemptLimiter[maxFailures=" + policy.maxFailures() + ", lockout=" + policy.lockoutMillis()
        + " ms, timeout="
        + timeout.toMillis() + " ms, synchronousCommit=" + synchronousCommit + "]";
  }
}
