package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.Verification.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpVerifierTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");
  private static final Duration PERIOD = Duration.ofSeconds(30);

  private final Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
  private final InMemoryReplayGuard guard = new InMemoryReplayGuard();
  private final AttemptLimiter limiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));

  private TotpVerifier verifier(int behind, int ahead) {
    return TotpVerifier.builder(totp).window(behind, ahead).replayGuard(guard).attemptLimiter(limiter).build();
  }

  private String codeAt(int stepsFromNow) {
    return totp.generate(NOW.plus(PERIOD.multipliedBy(stepsFromNow)));
  }

  @Test
  void verify_currentCode_acceptedAtOffsetZero() {
    Verification v = verifier(1, 1).verify("alice", codeAt(0), NOW);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.isAccepted()).isTrue();
    assertThat(v.offset()).hasValue(0);
    assertThat(v.matchedStep()).hasValue(totp.step(NOW));
    assertThat(v.retryAfter()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1})
  void verify_codeOneStepAway_acceptedWithItsOffset(int offset) {
    Verification v = verifier(1, 1).verify("alice", codeAt(offset), NOW);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.offset()).hasValue(offset);
  }

  @ParameterizedTest
  @ValueSource(ints = {-3, -2, 2, 3})
  void verify_codeOutsideWindow_rejected(int offset) {
    Verification v = verifier(1, 1).verify("alice", codeAt(offset), NOW);
    assertThat(v.status()).isEqualTo(Status.REJECTED);
    assertThat(v.offset()).isEmpty();
    assertThat(v.matchedStep()).isEmpty();
  }

  @Test
  void verify_asymmetricWindow_acceptsExactlyItsEdges() {
    TotpVerifier verifier = verifier(2, 5);
    assertThat(verifier.verify("a", codeAt(-2), NOW).offset()).hasValue(-2);
    assertThat(verifier.verify("b", codeAt(5), NOW).offset()).hasValue(5);
    assertThat(verifier.verify("c", codeAt(-3), NOW).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier.verify("d", codeAt(6), NOW).status()).isEqualTo(Status.REJECTED);
  }

  @Test
  void verify_zeroWindow_acceptsOnlyTheCurrentStep() {
    TotpVerifier verifier = verifier(0, 0);
    assertThat(verifier.verify("a", codeAt(-1), NOW).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier.verify("a", codeAt(1), NOW).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier.verify("a", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_stepBoundaries_useTheStepOfTheInstant() {
    Instant lastSecond = Instant.parse("2026-11-23T10:00:29Z");
    Instant nextStep = Instant.parse("2026-11-23T10:00:30Z");
    TotpVerifier verifier = verifier(0, 0);
    assertThat(verifier.verify("a", totp.generate(lastSecond), lastSecond.plusMillis(999)).status())
        .isEqualTo(Status.ACCEPTED);
    assertThat(verifier.verify("b", totp.generate(lastSecond), nextStep).status()).isEqualTo(Status.REJECTED);
  }

  @Test
  void verify_sameCodeTwice_secondIsReplayed() {
    TotpVerifier verifier = verifier(1, 1);
    String code = codeAt(0);
    assertThat(verifier.verify("alice", code, NOW).status()).isEqualTo(Status.ACCEPTED);
    Verification again = verifier.verify("alice", code, NOW.plusSeconds(5));
    assertThat(again.status()).isEqualTo(Status.REPLAYED);
    assertThat(again.offset()).hasValue(0);
  }

  @Test
  void verify_olderCodeAfterNewerOne_isReplayed() {
    TotpVerifier verifier = verifier(1, 1);
    assertThat(verifier.verify("alice", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
    assertThat(verifier.verify("alice", codeAt(-1), NOW).status()).isEqualTo(Status.REPLAYED);
    assertThat(verifier.verify("alice", codeAt(1), NOW).status()).isEqualTo(Status.ACCEPTED);
    assertThat(verifier.verify("alice", codeAt(0), NOW).status()).isEqualTo(Status.REPLAYED);
  }

  @Test
  void verify_sameCodeForAnotherAccount_isIndependent() {
    TotpVerifier verifier = verifier(1, 1);
    assertThat(verifier.verify("alice", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
    assertThat(verifier.verify("bob", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12 345", " 123456", "123456 ", "12345a", "+12345", "-12345",
      "１２３４５６", "١٢٣٤٥٦", "१२३४५६", "123\u00a0456", "12345\n"})
  void verify_notExactlySixAsciiDigits_malformedAndNotCounted(String typed) {
    TotpVerifier verifier = verifier(1, 1);
    for (int i = 0; i < 10; i++) {
      assertThat(verifier.verify("alice", typed, NOW).status()).isEqualTo(Status.MALFORMED);
    }
    // Ten malformed inputs cost no attempts: the right code still goes through.
    assertThat(verifier.verify("alice", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_codeWithoutLeadingZero_isMalformedNotCoerced() {
    // RFC 4226 key: counter 7 gives 162583 with 6 digits; search for a step whose code starts with 0.
    Instant time = NOW;
    while (!totp.generate(time).startsWith("0")) {
      time = time.plus(PERIOD);
    }
    String code = totp.generate(time);
    TotpVerifier verifier = verifier(0, 0);
    assertThat(verifier.verify("alice", code.substring(1), time).status()).isEqualTo(Status.MALFORMED);
    assertThat(verifier.verify("alice", code, time).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_fiveFailures_throttlesEvenTheRightCodeUntilLockoutEnds() {
    TotpVerifier verifier = verifier(1, 1);
    String wrong = wrongCode();
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.verify("alice", wrong, NOW).status()).isEqualTo(Status.REJECTED);
    }
    Verification throttled = verifier.verify("alice", codeAt(0), NOW.plusSeconds(10));
    assertThat(throttled.status()).isEqualTo(Status.THROTTLED);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(50));
    assertThat(throttled.offset()).isEmpty();
    // Another account is not affected.
    assertThat(verifier.verify("bob", codeAt(0), NOW).status()).isEqualTo(Status.ACCEPTED);
    // After the lockout the right code is accepted and the count starts again.
    Instant later = NOW.plusSeconds(61);
    assertThat(verifier.verify("alice", totp.generate(later), later).status()).isEqualTo(Status.ACCEPTED);
    for (int i = 0; i < 4; i++) {
      assertThat(verifier.verify("alice", wrong, later).status()).isEqualTo(Status.REJECTED);
    }
    assertThat(verifier.verify("alice", totp.generate(later.plusSeconds(30)), later.plusSeconds(30)).status())
        .isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_replayedCodes_countAsFailures() {
    TotpVerifier verifier = verifier(1, 1);
    String code = codeAt(0);
    verifier.verify("alice", code, NOW);
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.verify("alice", code, NOW).status()).isEqualTo(Status.REPLAYED);
    }
    assertThat(verifier.verify("alice", codeAt(1), NOW).status()).isEqualTo(Status.THROTTLED);
  }

  @Test
  void verify_nearStartTime_skipsStepsBeforeT0() {
    Totp fresh = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).startTime(NOW).build();
    TotpVerifier verifier = TotpVerifier.builder(fresh).window(3, 0).replayGuard(guard).attemptLimiter(limiter)
        .build();
    assertThat(verifier.verify("alice", fresh.generate(NOW), NOW).offset()).hasValue(0);
    assertThatThrownBy(() -> verifier.verify("alice", "123456", NOW.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verify_withoutInstant_usesTheGeneratorsClock() {
    Totp fixed = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP"))
        .clock(Clock.fixed(Instant.parse("2009-11-10T23:00:00Z"), ZoneOffset.UTC)).build();
    TotpVerifier verifier = TotpVerifier.builder(fixed).replayGuard(guard).attemptLimiter(limiter).build();
    assertThat(verifier.verify("alice", "528064").status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_steamCodes_acceptedExactlyAsShown() {
    Totp steam = Totp.builder(Secret.fromBase32("63BEDWCQZKTQWPESARIERL5DTTQFCJTK")).steam().build();
    TotpVerifier verifier = TotpVerifier.builder(steam).replayGuard(guard).attemptLimiter(limiter).build();
    Instant at = Instant.ofEpochSecond(1511200518);
    assertThat(verifier.verify("gamer", "fr8rv", at).status()).isEqualTo(Status.MALFORMED);
    assertThat(verifier.verify("gamer", "FR8RA", at).status()).isEqualTo(Status.MALFORMED);
    assertThat(verifier.verify("gamer", "FR8RW", at).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier.verify("gamer", "FR8RV", at).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_tenDigits_comparesTheFullValue() {
    Totp ten = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).digits(10).build();
    TotpVerifier verifier = TotpVerifier.builder(ten).replayGuard(guard).attemptLimiter(limiter).build();
    String code = ten.generate(NOW);
    String altered = (code.charAt(0) == '9' ? "8" : "9") + code.substring(1);
    assertThat(verifier.verify("alice", altered, NOW).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier.verify("alice", code, NOW).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void verify_accepted_letsTheGuardForgetOnceTheStepLeavesTheWindow() {
    Instant[] forgetAfter = new Instant[1];
    long[] accepted = new long[1];
    ReplayGuard recording = (account, step, now, forget) -> {
      accepted[0] = step;
      forgetAfter[0] = forget;
      return true;
    };
    TotpVerifier verifier = TotpVerifier.builder(totp).window(2, 1).replayGuard(recording).attemptLimiter(limiter)
        .build();
    assertThat(verifier.verify("alice", codeAt(-1), NOW).offset()).hasValue(-1);
    // Matched step s = current - 1 is acceptable while the current step is at most s + 2: until the end of s + 2.
    long step = totp.step(NOW) - 1;
    assertThat(accepted[0]).isEqualTo(step);
    assertThat(forgetAfter[0]).isEqualTo(Instant.ofEpochSecond((step + 3) * 30));
    assertThat(verifier.verify("bob", totp.generate(forgetAfter[0].minusSeconds(1)), forgetAfter[0].minusSeconds(1))
        .isAccepted()).isTrue();
  }

  @Test
  void builder_withoutGuardOrLimiter_refusesToBuild() {
    assertThatThrownBy(() -> TotpVerifier.builder(totp).attemptLimiter(limiter).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("replayGuard is required");
    assertThatThrownBy(() -> TotpVerifier.builder(totp).replayGuard(guard).build())
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("attemptLimiter is required");
  }

  @Test
  void builder_windowOutOfRange_throws() {
    TotpVerifier.Builder builder = TotpVerifier.builder(totp);
    assertThatThrownBy(() -> builder.window(-1, 1)).hasMessage("window behind must be from 0 to 10 steps, was -1");
    assertThatThrownBy(() -> builder.window(1, 11)).hasMessage("window ahead must be from 0 to 10 steps, was 11");
    TotpVerifier verifier = builder.window(10, 10).replayGuard(guard).attemptLimiter(limiter).build();
    assertThat(verifier.behind()).isEqualTo(10);
    assertThat(verifier.ahead()).isEqualTo(10);
  }

  @Test
  void verificationToString_showsStatusAndOffsetOnly() {
    TotpVerifier verifier = verifier(1, 1);
    assertThat(verifier.verify("alice", codeAt(-1), NOW)).hasToString("Verification[ACCEPTED, offset -1]");
    assertThat(verifier.verify("alice", "12", NOW)).hasToString("Verification[MALFORMED]");
    assertThat(verifier.toString()).doesNotContain("JBSW");
  }

  /** A six-digit code that matches no step in a ±1 window around NOW. */
  private String wrongCode() {
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!code.equals(codeAt(-1)) && !code.equals(codeAt(0)) && !code.equals(codeAt(1))) {
        return code;
      }
    }
  }
}
