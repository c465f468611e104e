package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.guard.testing.FreshDatabaseTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest extends FreshDatabaseTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T05:00:10Z"));
  RecoveryCodes codes;

  @BeforeEach
  void setUp() {
    StarterSchema.create(db);
    codes = new RecoveryCodes(JdbcRecoveryCodeRepository.of(db), AttemptLimiter.inMemory(5, Duration.ofMinutes(1)),
        new SecureRandom(), clock);
  }

  @Test
  void generate_tenDistinctGroupedCodes() {
    List<String> list = codes.generate("alice");
    assertThat(list).hasSize(10).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"));
    assertThat(codes.remaining("alice")).isEqualTo(10);
  }

  @Test
  void use_eachCodeOnce_thenRejected() {
    String code = codes.generate("alice").get(3);
    assertThat(codes.use("alice", code)).isEqualTo(TotpOutcome.ACCEPTED);
    assertThat(codes.use("alice", code)).isEqualTo(TotpOutcome.REJECTED);
    assertThat(codes.remaining("alice")).isEqualTo(9);
  }

  @Test
  void use_lowerCaseWithSpaces_accepted() {
    String code = codes.generate("alice").get(0);
    assertThat(codes.use("alice", code.toLowerCase(java.util.Locale.ROOT).replace("-", " ")))
        .isEqualTo(TotpOutcome.ACCEPTED);
  }

  @Test
  void use_anotherUsersCode_rejected() {
    String code = codes.generate("alice").get(0);
    codes.generate("bob");
    assertThat(codes.use("bob", code)).isEqualTo(TotpOutcome.REJECTED);
    assertThat(codes.remaining("alice")).isEqualTo(10);
  }

  @Test
  void generate_again_oldCodesGone() {
    String old = codes.generate("alice").get(0);
    codes.generate("alice");
    assertThat(codes.use("alice", old)).isEqualTo(TotpOutcome.REJECTED);
    assertThat(codes.remaining("alice")).isEqualTo(10);
  }

  @Test
  void use_sixCodeShape_malformed() {
    assertThat(codes.use("alice", "123456")).isEqualTo(TotpOutcome.MALFORMED);
  }

  @Test
  void use_fiveWrongGuesses_throttled() {
    String right = codes.generate("alice").get(0);
    for (int i = 0; i < 5; i++) {
      assertThat(codes.use("alice", "AAAA-AAAA-AAAA-AAAA")).isEqualTo(TotpOutcome.REJECTED);
    }
    assertThat(codes.use("alice", right)).isEqualTo(TotpOutcome.THROTTLED);
  }

  @RepeatedTest(5)
  void use_sameCodeFromTwoThreads_acceptedOnce() throws Exception {
    String code = codes.generate("alice").get(0);
    CountDownLatch start = new CountDownLatch(1);
    Callable<TotpOutcome> attempt = () -> {
      start.await();
      return codes.use("alice", code);
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<TotpOutcome> a = pool.submit(attempt);
      Future<TotpOutcome> b = pool.submit(attempt);
      start.countDown();
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(TotpOutcome.ACCEPTED, TotpOutcome.REJECTED);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hash_noCodeStored() throws Exception {
    List<String> list = codes.generate("alice");
    try (var c = db.getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT encode(code_hash, 'escape') FROM totpkit_recovery_codes")) {
      while (rs.next()) {
        String stored = rs.getString(1);
        assertThat(list).noneSatisfy(code -> assertThat(stored).contains(code.replace("-", "").substring(0, 8)));
      }
    }
  }
}
