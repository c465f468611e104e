package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.guard.testing.FreshDatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account-id contract over PostgreSQL (io.totpkit.core.AccountId): spellings of one account share one record,
 * and an id with a control character is a caller's error, never a "database refused" that reads as an outage.
 */
class JdbcAccountIdTest extends FreshDatabaseTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  private static final List<String> SPELLINGS = List.of("alice", "Alice", "ALICE", "alice ", "ａｌｉｃｅ");
  @BeforeEach
  void migrate() {
    JdbcGuardSchema.migrate(db);
  }

  @Test
  void tryAcquire_fiveSpellingsOfOneAccount_shareOneFailureCount() {
    JdbcAttemptLimiter limiter = JdbcAttemptLimiter.of(db, 5, Duration.ofMinutes(1));
    for (String spelling : SPELLINGS) {
      assertThat(limiter.tryAcquire(spelling, NOW)).as(spelling).isZero();
    }
    // Five guesses were counted against one account: the sixth, in any spelling, waits.
    assertThat(limiter.tryAcquire("aLiCe", NOW)).isPositive();
  }

  @Test
  void tryAccept_sameStepUnderAnotherSpelling_refused() {
    JdbcReplayGuard guard = JdbcReplayGuard.of(db);
    assertThat(guard.tryAccept("alice", 100, NOW, NOW.plusSeconds(90))).isTrue();
    for (String spelling : SPELLINGS) {
      assertThat(guard.tryAccept(spelling, 100, NOW, NOW.plusSeconds(90))).as(spelling).isFalse();
    }
  }

  @Test
  void everyCall_idWithNulOrEscape_illegalArgumentBeforeTheDatabase() {
    JdbcReplayGuard guard = JdbcReplayGuard.of(db);
    JdbcAttemptLimiter limiter = JdbcAttemptLimiter.of(db, 5, Duration.ofMinutes(1));
    for (String id : List.of("ali\u0000ce", "alice\u001b[2J", "\u202eecila")) {
      assertThatThrownBy(() -> guard.tryAccept(id, 1, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> limiter.tryAcquire(id, NOW)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> limiter.reset(id)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
