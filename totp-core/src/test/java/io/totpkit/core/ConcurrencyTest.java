package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Backs every thread-safety claim of the generators, the verifier, the guard and the limiter with threads. */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void shutDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code task} on every thread at once and returns the results. */
  private <T> List<T> race(Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void verify_sixteenThreadsSameCode_exactlyOneAccepted() throws Exception {
    Totp totp = Totp.builder(Secret.generate(HmacAlgorithm.SHA1)).build();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    for (int round = 0; round < 200; round++) {
      TotpVerifier verifier = TotpVerifier.builder(totp).replayGuard(new InMemoryReplayGuard())
          .attemptLimiter(AttemptLimiter.inMemory(100, Duration.ofMinutes(1))).build();
      String code = totp.generate(now);
      List<Status> statuses = new ArrayList<>();
      for (Verification v : race(() -> verifier.verify("alice", code, now))) {
        statuses.add(v.status());
      }
      assertThat(statuses).filteredOn(s -> s == Status.ACCEPTED).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == Status.REPLAYED).hasSize(THREADS - 1);
    }
  }

  @Test
  void tryAcquire_manyThreadsOneAccount_noFailureCountIsLost() throws Exception {
    for (int round = 0; round < 50; round++) {
      AttemptLimiter limiter = AttemptLimiter.inMemory(37, Duration.ofHours(1));
      Instant now = Instant.parse("2026-11-23T10:00:00Z");
      AtomicInteger allowed = new AtomicInteger();
      race(() -> {
        for (int i = 0; i < 10; i++) {
          if (limiter.tryAcquire("alice", now).isZero()) {
            allowed.incrementAndGet();
          }
        }
        return null;
      });
      // 160 concurrent attempts: exactly 37 get through before the lockout, however they interleave.
      assertThat(allowed.get()).isEqualTo(37);
    }
  }

  @Test
  void generate_oneGeneratorSharedByManyThreads_matchesSingleThreadedResults() throws Exception {
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      Hotp hotp = Hotp.builder(Secret.generate(algorithm)).algorithm(algorithm).digits(8).build();
      int[] expected = new int[20_000];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = hotp.generateInt(i * 7919L);
      }
      List<Integer> mismatches = race(() -> {
        int wrong = 0;
        for (int i = 0; i < expected.length; i++) {
          wrong += hotp.generateInt(i * 7919L) == expected[i] ? 0 : 1;
        }
        return wrong;
      });
      assertThat(mismatches).containsOnly(0);
    }
  }

  @Test
  void verify_sharedVerifierManyAccounts_eachAcceptedOncePerStep() throws Exception {
    Totp totp = Totp.builder(Secret.generate(HmacAlgorithm.SHA256)).algorithm(HmacAlgorithm.SHA256).build();
    TotpVerifier verifier = TotpVerifier.builder(totp).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(AttemptLimiter.inMemory(5, Duration.ofMinutes(1))).build();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    String code = totp.generate(now);
    AtomicInteger next = new AtomicInteger();
    List<Integer> accepted = race(() -> {
      int count = 0;
      for (int i = 0; i < 500; i++) {
        String account = "user-" + (next.getAndIncrement() % 1000);
        count += verifier.verify(account, code, now).isAccepted() ? 1 : 0;
      }
      return count;
    });
    assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
  }

  @Test
  void verify_racingEveryStepOfTheWindow_eachStepAtMostOnceAndTheLatestOnce() throws Exception {
    // Guards RFC 6238 §5.2 under races: no step twice, and none accepted after a later one (so the latest wins).
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    long current = totp.step(now);
    for (int round = 0; round < 200; round++) {
      TotpVerifier verifier = TotpVerifier.builder(totp).window(1, 1).replayGuard(new InMemoryReplayGuard())
          .attemptLimiter(AttemptLimiter.inMemory(100, Duration.ofMinutes(1))).build();
      AtomicInteger next = new AtomicInteger();
      List<Verification> results = race(() -> {
        long offset = next.getAndIncrement() % 3 - 1;
        return verifier.verify("alice", totp.generate(now.plus(totp.period().multipliedBy(offset))), now);
      });
      List<Long> accepted = new ArrayList<>();
      for (Verification v : results) {
        assertThat(v.status()).isIn(Status.ACCEPTED, Status.REPLAYED);
        if (v.isAccepted()) {
          accepted.add(v.matchedStep().getAsLong());
        }
      }
      assertThat(accepted).doesNotHaveDuplicates().contains(current + 1);
    }
  }

  @Test
  void verify_manyThreadsWrongCodes_noFailureCountIsLost() throws Exception {
    // Guards the limiter as the verifier drives it: 160 concurrent wrong codes, exactly 37 checked, the rest throttled.
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    String wrong = String.format(java.util.Locale.ROOT, "%06d", (Integer.parseInt(totp.generate(now)) + 500_000)
        % 1_000_000);
    for (int round = 0; round < 50; round++) {
      TotpVerifier verifier = TotpVerifier.builder(totp).window(0, 0).replayGuard(new InMemoryReplayGuard())
          .attemptLimiter(AttemptLimiter.inMemory(37, Duration.ofHours(1))).build();
      List<Status> statuses = new ArrayList<>();
      for (List<Status> some : race(() -> {
        List<Status> mine = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          mine.add(verifier.verify("alice", wrong, now).status());
        }
        return mine;
      })) {
        statuses.addAll(some);
      }
      assertThat(statuses).filteredOn(s -> s == Status.REJECTED).hasSize(37);
      assertThat(statuses).filteredOn(s -> s == Status.THROTTLED).hasSize(THREADS * 10 - 37);
    }
  }

  @Test
  void hotpVerify_sixteenThreadsSameCode_exactlyOneAccepted() throws Exception {
    // Guards the HOTP path's atomic check-and-record: one counter, one acceptance.
    Hotp hotp = Hotp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
    for (int round = 0; round < 200; round++) {
      HotpVerifier verifier = HotpVerifier.builder(hotp).replayGuard(new InMemoryReplayGuard())
          .attemptLimiter(AttemptLimiter.inMemory(100, Duration.ofMinutes(1))).build();
      String code = hotp.generate(7);
      List<Status> statuses = new ArrayList<>();
      for (Verification v : race(() -> verifier.verify("alice", code, 5))) {
        statuses.add(v.status());
      }
      assertThat(statuses).filteredOn(s -> s == Status.ACCEPTED).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == Status.REPLAYED).hasSize(THREADS - 1);
    }
  }
}
