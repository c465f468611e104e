package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.guard.testing.PostgresCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDBC replay guard and attempt limiter across two "servers" (separate pools) and many threads. */
class JdbcGuardsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  private HikariDataSource serverA;
  private HikariDataSource serverB;

  @BeforeEach
  void twoServers() {
    String url = PostgresCluster.get().newDatabase();
    serverA = PostgresCluster.pool(url, 8);
    serverB = PostgresCluster.pool(url, 8);
    JdbcGuardSchema.migrate(serverA);
  }

  @AfterEach
  void closePools() {
    serverA.close();
    serverB.close();
  }

  private TotpVerifier verifier(HikariDataSource server, Totp totp, int maxFailures) {
    return TotpVerifier.builder(totp).window(1, 1).replayGuard(JdbcReplayGuard.of(server))
        .attemptLimiter(JdbcAttemptLimiter.of(server, maxFailures, Duration.ofMinutes(1))).build();
  }

  @Test
  void sixteenThreadsOnTwoServers_sameValidCode_exactlyOneAccepted() throws Exception {
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    List<TotpVerifier> servers = List.of(verifier(serverA, totp, 100), verifier(serverB, totp, 100));
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 10; round++) {
        Instant at = NOW.plusSeconds(30L * round);
        String code = totp.generate(at);
        String account = "user-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Verification.Status>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          TotpVerifier server = servers.get(t % 2);
          results.add(threads.submit(() -> {
            go.await();
            return server.verify(account, code, at).status();
          }));
        }
        go.countDown();
        List<Verification.Status> statuses = new ArrayList<>();
        for (Future<Verification.Status> result : results) {
          statuses.add(result.get());
        }
        assertThat(statuses).as("round %d", round).filteredOn(s -> s == Verification.Status.ACCEPTED).hasSize(1);
        assertThat(statuses).as("round %d", round).filteredOn(s -> s == Verification.Status.REPLAYED).hasSize(15);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void replayGuard_onlyMovesForward_acrossServers() {
    JdbcReplayGuard a = JdbcReplayGuard.of(serverA);
    JdbcReplayGuard b = JdbcReplayGuard.of(serverB);
    assertThat(a.tryAccept("u", 10, NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(b.tryAccept("u", 10, NOW, NOW.plusSeconds(60))).isFalse();
    assertThat(b.tryAccept("u", 9, NOW, NOW.plusSeconds(60))).isFalse();
    assertThat(b.tryAccept("u", 11, NOW, NOW.plusSeconds(60))).isTrue();
    assertThat(a.tryAccept("v", 11, NOW, Instant.MAX)).isTrue();
    assertThat(a.tryAccept("u", Long.MAX_VALUE, NOW, Instant.MAX)).isTrue();
    assertThat(a.purge(NOW.plusSeconds(61))).isZero();
    assertThat(b.tryAccept("w", 1, NOW, NOW.plusSeconds(1))).isTrue();
    assertThat(a.purge(NOW.plusSeconds(2))).isEqualTo(1);
    assertThat(a.tryAccept("v", 11, NOW, Instant.MAX)).isFalse();
  }

  @Test
  void failureCounts_exactUnderContention_fromTwoServers() throws Exception {
    // 100 is the hard lock: of 16 x 20 concurrent attempts exactly 100 may pass, each counted once.
    List<JdbcAttemptLimiter> servers = List.of(JdbcAttemptLimiter.of(serverA, 100, Duration.ofHours(1)),
        JdbcAttemptLimiter.of(serverB, 100, Duration.ofHours(1)));
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> admitted = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        JdbcAttemptLimiter limiter = servers.get(t % 2);
        admitted.add(threads.submit(() -> {
          go.await();
          int passed = 0;
          for (int i = 0; i < 20; i++) {
            if (limiter.tryAcquire("target", NOW).isZero()) {
              passed++;
            }
          }
          return passed;
        }));
      }
      go.countDown();
      int total = 0;
      for (Future<Integer> f : admitted) {
        total += f.get();
      }
      assertThat(total).isEqualTo(100);
      assertThat(servers.get(0).tryAcquire("target", NOW.plus(Duration.ofDays(3650))))
          .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
      servers.get(1).reset("target");
      assertThat(servers.get(0).tryAcquire("target", NOW)).isZero();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void limiter_decidesExactlyAsTheInMemoryOne_overARandomHistory() {
    Random random = new Random(20261123);
    for (int maxFailures : new int[] {1, 3, 5}) {
      AttemptLimiter reference = AttemptLimiter.inMemory(maxFailures, Duration.ofSeconds(30));
      JdbcAttemptLimiter jdbc = JdbcAttemptLimiter.of(random.nextBoolean() ? serverA : serverB, maxFailures,
          Duration.ofSeconds(30));
      Instant now = NOW;
      String account = "acct-" + maxFailures;
      for (int step = 0; step < 400; step++) {
        now = now.plusMillis(random.nextInt(20_000));
        int action = random.nextInt(20);
        if (action == 0) {
          reference.recordSuccess(account);
          jdbc.recordSuccess(account);
        } else if (action == 1 && step % 7 == 0) {
          reference.reset(account);
          jdbc.reset(account);
        } else {
          assertThat(jdbc.tryAcquire(account, now)).as("max %d step %d", maxFailures, step)
              .isEqualTo(reference.tryAcquire(account, now));
        }
      }
    }
  }

  @Test
  void verifier_countsFailuresAcrossServers_andLocksOut() {
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    TotpVerifier a = verifier(serverA, totp, 5);
    TotpVerifier b = verifier(serverB, totp, 5);
    String wrong = totp.generate(NOW).equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      assertThat((i % 2 == 0 ? a : b).verify("eve", wrong, NOW).status()).isEqualTo(Verification.Status.REJECTED);
    }
    Verification locked = a.verify("eve", totp.generate(NOW), NOW);
    assertThat(locked.status()).isEqualTo(Verification.Status.THROTTLED);
    assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(1));
  }
}
