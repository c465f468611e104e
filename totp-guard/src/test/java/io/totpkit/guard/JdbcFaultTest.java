package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database freezing or holding a row: every guard call fails closed within its timeout, then resumes. */
class JdbcFaultTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  private final PostgresCluster cluster = PostgresCluster.get();
  private String url;
  private HikariDataSource pool;

  @BeforeEach
  void database() {
    url = cluster.newDatabase();
    pool = PostgresCluster.pool(url, 4);
    JdbcGuardSchema.migrate(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  @Test
  void frozenDatabase_failsWithinTheTimeout_andResumesWhenItAnswers() {
    assumeTrue(cluster.local(), "needs a server this test may freeze");
    pool.close();
    pool = PostgresCluster.pool(url, 4, Duration.ofMillis(1000));
    JdbcReplayGuard guard = JdbcReplayGuard.of(pool).withTimeout(Duration.ofMillis(500));
    JdbcAttemptLimiter limiter = JdbcAttemptLimiter.of(pool, 5, Duration.ofMinutes(1))
        .withTimeout(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire("u", NOW)).isZero();
    cluster.freeze(true);
    try {
      // Each call is bounded by its own timeout (plus a second of network slack) or the pool's wait of one second
      // for a working connection, whichever comes first.
      assertFailsWithin(() -> guard.tryAccept("u", 1, NOW, NOW));
      assertFailsWithin(() -> limiter.tryAcquire("u", NOW));
    } finally {
      cluster.freeze(false);
    }
    assertThat(guard.tryAccept("u", 1, NOW, NOW)).isTrue();
    assertThat(limiter.tryAcquire("u", NOW)).isZero();
  }

  private static void assertFailsWithin(ThrowingCallable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call).isInstanceOf(GuardUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
  }

  @Test
  void rowLockedByAnotherServer_guardTimesOut_thenResumes() throws Exception {
    try (Connection other = pool.getConnection(); Statement statement = other.createStatement()) {
      other.setAutoCommit(false);
      statement.execute("INSERT INTO totpkit_replay VALUES ('busy', 0, 0)");
      JdbcReplayGuard guard = JdbcReplayGuard.of(pool).withTimeout(Duration.ofSeconds(1));
      assertThatThrownBy(() -> guard.tryAccept("busy", 1, NOW, NOW))
          .isInstanceOf(GuardUnavailableException.class).hasMessageContaining("did not answer within 1000 ms");
      other.rollback();
      assertThat(guard.tryAccept("busy", 1, NOW, NOW)).isTrue();
    }
  }
}
