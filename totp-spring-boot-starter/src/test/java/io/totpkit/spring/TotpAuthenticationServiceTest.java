package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.guard.GuardUnavailableException;
import io.totpkit.guard.JdbcAttemptLimiter;
import io.totpkit.guard.JdbcReplayGuard;
import io.totpkit.guard.testing.FreshDatabaseTest;
import io.totpkit.guard.testing.UnreachableDatabase;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TotpAuthenticationServiceTest extends FreshDatabaseTest {
  static final byte[] KEY = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T05:00:10Z"));
  final List<TotpVerificationResult> observed = new ArrayList<>();
  JdbcTotpKeyRepository repository;

  @BeforeEach
  void tables() {
    StarterSchema.create(db);
    repository = JdbcTotpKeyRepository.of(db);
  }

  TotpAuthenticationService service(KeyRing ring) {
    return new TotpAuthenticationService(new EncryptedKeys(repository, new TotpKeyCipher(ring, new SecureRandom())),
        new InMemoryReplayGuard(), AttemptLimiter.inMemory(5, Duration.ofMinutes(1)),
        new TotpProperties.Window(1, 1), clock, List.of(observed::add));
  }

  Totp totp() {
    return Totp.builder(Secret.fromBytes(KEY)).algorithm(HmacAlgorithm.SHA1).digits(6).build();
  }

  void enroll(String username, KeyRing ring) {
    repository.save(new EncryptedKeys(repository, new TotpKeyCipher(ring, new SecureRandom()))
        .seal(username, KEY.clone(), true, clock.instant(), totp()));
  }

  String code(Duration shift) {
    return totp().generate(clock.instant().plus(shift));
  }

  @Test
  void verify_currentCode_acceptedAtOffsetZero() {
    enroll("alice", Keys.ring("k1"));
    TotpVerificationResult result = service(Keys.ring("k1")).verify("alice", code(Duration.ZERO));
    assertThat(result.outcome()).isEqualTo(TotpOutcome.ACCEPTED);
    assertThat(result.offset()).isEqualTo(OptionalInt.of(0));
    assertThat(observed).containsExactly(result);
  }

  @Test
  void verify_previousStepCode_acceptedAtOffsetMinusOne() {
    enroll("alice", Keys.ring("k1"));
    assertThat(service(Keys.ring("k1")).verify("alice", code(Duration.ofSeconds(-30))).offset())
        .isEqualTo(OptionalInt.of(-1));
  }

  @Test
  void verify_sameCodeTwice_replayed() {
    enroll("alice", Keys.ring("k1"));
    TotpAuthenticationService service = service(Keys.ring("k1"));
    String code = code(Duration.ZERO);
    assertThat(service.verify("alice", code).outcome()).isEqualTo(TotpOutcome.ACCEPTED);
    assertThat(service.verify("alice", code).outcome()).isEqualTo(TotpOutcome.REPLAYED);
  }

  @Test
  void verify_codeTwoStepsAhead_rejected() {
    enroll("alice", Keys.ring("k1"));
    assertThat(service(Keys.ring("k1")).verify("alice", code(Duration.ofSeconds(60))).outcome())
        .isEqualTo(TotpOutcome.REJECTED);
  }

  @Test
  void verify_letters_malformed() {
    enroll("alice", Keys.ring("k1"));
    assertThat(service(Keys.ring("k1")).verify("alice", "12a456").outcome()).isEqualTo(TotpOutcome.MALFORMED);
  }

  @Test
  void verify_fiveWrongCodes_thenThrottledEvenForTheRightOne() {
    enroll("alice", Keys.ring("k1"));
    TotpAuthenticationService service = service(Keys.ring("k1"));
    String right = code(Duration.ZERO);
    String wrong = right.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      assertThat(service.verify("alice", wrong).outcome()).isEqualTo(TotpOutcome.REJECTED);
    }
    TotpVerificationResult locked = service.verify("alice", right);
    assertThat(locked.outcome()).isEqualTo(TotpOutcome.THROTTLED);
    assertThat(locked.retryAfter()).isPositive();
  }

  @Test
  void verify_noKey_notEnrolled() {
    assertThat(service(Keys.ring("k1")).verify("bob", "123456").outcome()).isEqualTo(TotpOutcome.NOT_ENROLLED);
    assertThat(service(Keys.ring("k1")).isEnrolled("bob")).isFalse();
  }

  @Test
  void verify_pendingKeyOnly_notEnrolled() {
    repository.save(new EncryptedKeys(repository, new TotpKeyCipher(Keys.ring("k1"), new SecureRandom()))
        .seal("alice", KEY.clone(), false, clock.instant(), totp()));
    assertThat(service(Keys.ring("k1")).verify("alice", code(Duration.ZERO)).outcome())
        .isEqualTo(TotpOutcome.NOT_ENROLLED);
  }

  @Test
  void verify_recordUnderOldKey_acceptedAndReEncrypted() {
    enroll("alice", Keys.ring("k1"));
    assertThat(service(Keys.ring("k2", "k1")).verify("alice", code(Duration.ZERO)).isAccepted()).isTrue();
    assertThat(repository.findActive("alice").orElseThrow().keyId()).isEqualTo("k2");
  }

  @Test
  void verify_wrongCodeUnderOldKey_notReEncrypted() {
    enroll("alice", Keys.ring("k1"));
    service(Keys.ring("k2", "k1")).verify("alice", code(Duration.ofSeconds(300)));
    assertThat(repository.findActive("alice").orElseThrow().keyId()).isEqualTo("k1");
  }

  @Test
  void verify_keyStoreUnreachable_throwsTypedFailClosed() {
    TotpAuthenticationService unreachable = new TotpAuthenticationService(new EncryptedKeys(
        JdbcTotpKeyRepository.of(UnreachableDatabase.dataSource()),
        new TotpKeyCipher(Keys.ring("k1"), new SecureRandom())), new InMemoryReplayGuard(),
        AttemptLimiter.inMemory(5, Duration.ofMinutes(1)), new TotpProperties.Window(1, 1), clock, List.of());
    assertThatThrownBy(() -> unreachable.verify("alice", "123456"))
        .isInstanceOf(TotpKeyStoreException.class).hasMessageContaining("totpkit_user_keys")
        .hasMessageNotContaining("123456");
  }

  @Test
  void verify_guardsUnreachable_throwsTypedFailClosed() {
    enroll("alice", Keys.ring("k1"));
    var down = UnreachableDatabase.dataSource();
    TotpAuthenticationService service = new TotpAuthenticationService(
        new EncryptedKeys(repository, new TotpKeyCipher(Keys.ring("k1"), new SecureRandom())),
        JdbcReplayGuard.of(down), JdbcAttemptLimiter.of(down, 5,
        Duration.ofMinutes(1)), new TotpProperties.Window(1, 1), clock, List.of());
    assertThatThrownBy(() -> service.verify("alice", code(Duration.ZERO)))
        .isInstanceOf(GuardUnavailableException.class);
  }

  @Test
  void toString_result_noCode() {
    enroll("alice", Keys.ring("k1"));
    String code = code(Duration.ZERO);
    assertThat(service(Keys.ring("k1")).verify("alice", code).toString()).doesNotContain(code);
  }
}
