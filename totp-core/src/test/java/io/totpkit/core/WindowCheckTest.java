package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Totp#check} and {@link Hotp#check}: the stateless window check the verifiers share. RFC 6238 Appendix B and
 * RFC 4226 Appendix D vectors (RFC 6238 erratum 2866 applied: a key per hash), typed at every position of a window.
 */
class WindowCheckTest {
  private static final Duration PERIOD = Duration.ofSeconds(30);

  private static Totp rfc6238(HmacAlgorithm algorithm) {
    return Totp.builder(RfcVectorsTest.rfc6238Key(algorithm)).algorithm(algorithm).digits(8).build();
  }

  /**
   * RFC 6238 Appendix B: the vector's code, typed one step before, at and one step after its own time, matches at
   * offset +1, 0 and -1 of a ±1 window, always at the vector's step.
   */
  @ParameterizedTest(name = "{1} at {0}: {2}, typed {3} step(s) later")
  @CsvSource({
    "59, SHA1, 94287082, -1", "59, SHA1, 94287082, 0", "59, SHA1, 94287082, 1",
    "1111111109, SHA256, 68084774, -1", "1111111109, SHA256, 68084774, 0", "1111111109, SHA256, 68084774, 1",
    "1234567890, SHA512, 93441116, -1", "1234567890, SHA512, 93441116, 0", "1234567890, SHA512, 93441116, 1",
    "20000000000, SHA1, 65353130, -1", "20000000000, SHA1, 65353130, 0", "20000000000, SHA1, 65353130, 1",
  })
  void totpCheck_rfc6238VectorOneStepAway_matchesWithOffset(long epochSecond, HmacAlgorithm algorithm,
      String code, int stepsLater) {
    Totp totp = rfc6238(algorithm);
    Instant vectorTime = Instant.ofEpochSecond(epochSecond);
    Instant now = vectorTime.plus(PERIOD.multipliedBy(stepsLater));
    Verification v = totp.check(code, now, 1, 1);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.matchedStep()).hasValue(totp.step(vectorTime));
    assertThat(v.offset()).hasValue(-stepsLater);
  }

  @ParameterizedTest(name = "typed {0} step(s) later")
  @ValueSource(ints = {-3, -2, 2, 3})
  void totpCheck_rfc6238VectorOutsideTheWindow_rejected(int stepsLater) {
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    Instant now = Instant.ofEpochSecond(1111111109).plus(PERIOD.multipliedBy(stepsLater));
    Verification v = totp.check("07081804", now, 1, 1);
    assertThat(v.status()).isEqualTo(Status.REJECTED);
    assertThat(v.offset()).isEmpty();
    assertThat(v.matchedStep()).isEmpty();
  }

  @Test
  void totpCheck_asymmetricWindow_acceptsExactlyItsEdges() {
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    for (int offset = -4; offset <= 7; offset++) {
      String code = totp.generate(now.plus(PERIOD.multipliedBy(offset)));
      Verification v = totp.check(code, now, 2, 5);
      boolean inside = offset >= -2 && offset <= 5;
      assertThat(v.status()).as("offset %d", offset).isEqualTo(inside ? Status.ACCEPTED : Status.REJECTED);
      if (inside) {
        assertThat(v.offset()).hasValue(offset);
      }
    }
    String code = totp.generate(now);
    assertThat(totp.check(code, now, 0, 0).offset()).hasValue(0);
  }

  @Test
  void totpCheck_rememberingNothing_acceptsTheSameCodeAgain() {
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    Instant now = Instant.ofEpochSecond(59);
    assertThat(totp.check("94287082", now, 1, 1).isAccepted()).isTrue();
    assertThat(totp.check("94287082", now, 1, 1).isAccepted()).isTrue();
    for (int i = 0; i < 200; i++) {
      assertThat(totp.check("00000000", now, 1, 1).status()).isEqualTo(Status.REJECTED);
    }
    assertThat(totp.check("94287082", now, 1, 1).isAccepted()).isTrue();
  }

  /** What CVE-2025-6014/6015 and OpenBao's whitespace bug got wrong: exactly N ASCII digits, nothing trimmed. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "9428708", "942870820", " 94287082", "94287082 ", "9428 7082", "9428-7082",
      "+4287082", "-4287082", "9428708a", "\u0669\u0664\u0662\u0668\u0667\u0660\u0668\u0662", "９４２８７０８２",
      "94287082\n", "4287082"})
  void totpCheck_notExactlyEightAsciiDigits_malformed(String typed) {
    Verification v = rfc6238(HmacAlgorithm.SHA1).check(typed, Instant.ofEpochSecond(59), 1, 1);
    assertThat(v.status()).isEqualTo(Status.MALFORMED);
    assertThat(v.matchedStep()).isEmpty();
  }

  @Test
  void totpCheck_leadingZeroDropped_malformedNotCoerced() {
    // 07081804 at 1111111109: "7081804" is seven digits, not the same number.
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    Instant now = Instant.ofEpochSecond(1111111109);
    assertThat(totp.check("07081804", now, 1, 1).isAccepted()).isTrue();
    assertThat(totp.check("7081804", now, 1, 1).status()).isEqualTo(Status.MALFORMED);
  }

  /** Steam Guard known answers (DESIGN.md): five upper-case characters of Steam's alphabet, nothing else. */
  @Test
  void totpCheck_steam_matchesItsAlphabetOnly() {
    Totp steam = Totp.builder(Secret.fromBase32("63BEDWCQZKTQWPESARIERL5DTTQFCJTK")).steam().build();
    assertThat(steam.isSteam()).isTrue();
    Instant at = Instant.ofEpochSecond(1511200518);
    assertThat(steam.check("FR8RV", at, 1, 1).offset()).hasValue(0);
    assertThat(steam.check("FR8RV", at.plus(PERIOD), 1, 1).offset()).hasValue(-1);
    assertThat(steam.check("9P3VP", Instant.ofEpochSecond(1511200714), 0, 0).isAccepted()).isTrue();
    assertThat(steam.check("9P3VP", at, 1, 1).status()).isEqualTo(Status.REJECTED);
    for (String typed : new String[] {"fr8rv", "FR8R", "FR8RVV", "FR8RA", "FR8R1", " FR8RV", "12345"}) {
      assertThat(steam.check(typed, at, 1, 1).status()).as(typed).isEqualTo(Status.MALFORMED);
    }
  }

  @Test
  void totpCheck_startTimeNotEpoch_countsStepsFromT0() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Totp shifted = Totp.builder(RfcVectorsTest.rfc6238Key(HmacAlgorithm.SHA1)).digits(8).startTime(t0).build();
    // RFC 6238's vector at 59 s is step 1; with T0 moved, the same step begins 30 s after T0.
    Instant now = t0.plusSeconds(59);
    Verification v = shifted.check("94287082", now, 1, 1);
    assertThat(v.matchedStep()).hasValue(1);
    assertThat(v.offset()).hasValue(0);
    assertThat(shifted.check("94287082", t0.plus(Duration.ofDays(365)).plusSeconds(59), 1, 1).status())
        .isEqualTo(Status.REJECTED);
    assertThatThrownBy(() -> shifted.check("94287082", t0.minusSeconds(1), 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the start time T0");
  }

  @Test
  void totpCheck_windowStartingBeforeStepZero_startsAtStepZero() {
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    String stepZero = totp.generate(Instant.EPOCH);
    Verification v = totp.check(stepZero, Instant.EPOCH.plusSeconds(10), 3, 0);
    assertThat(v.matchedStep()).hasValue(0);
    assertThat(v.offset()).hasValue(0);
  }

  @Test
  void totpCheck_windowOutOfRange_throwsWithTheVerifiersMessages() {
    Totp totp = rfc6238(HmacAlgorithm.SHA1);
    Instant now = Instant.ofEpochSecond(59);
    assertThatThrownBy(() -> totp.check("94287082", now, -1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("window behind must be from 0 to 10 steps, was -1");
    assertThatThrownBy(() -> totp.check("94287082", now, 1, 11))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("window ahead must be from 0 to 10 steps, was 11");
    assertThat(totp.check("94287082", now, 10, 10).isAccepted()).isTrue();
    assertThatThrownBy(() -> totp.check(null, now, 1, 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void totpCheck_sameAnswersAsTheVerifier() {
    Totp totp = rfc6238(HmacAlgorithm.SHA256);
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    for (int offset = -3; offset <= 3; offset++) {
      String code = totp.generate(now.plus(PERIOD.multipliedBy(offset)));
      TotpVerifier verifier = TotpVerifier.builder(totp).window(2, 1).replayGuard(new InMemoryReplayGuard())
          .attemptLimiter(AttemptLimiter.inMemory(5, Duration.ofMinutes(1))).build();
      Verification stateless = totp.check(code, now, 2, 1);
      Verification verified = verifier.verify("alice", code, now);
      assertThat(stateless.status()).as("offset %d", offset).isEqualTo(verified.status());
      assertThat(stateless.offset()).isEqualTo(verified.offset());
      assertThat(stateless.matchedStep()).isEqualTo(verified.matchedStep());
    }
  }

  // ------------------------------------------------------------------------------------------------------ HOTP

  /** RFC 4226 Appendix D, counters 0 to 9. */
  private static final String[] RFC4226 = {
    "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};

  @ParameterizedTest(name = "counter {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
  void hotpCheck_rfc4226CodeWithinLookAhead_matchesItsCounter(int counter) {
    Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
    Verification v = hotp.check(RFC4226[counter], 0, 9);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.matchedStep()).hasValue(counter);
    assertThat(v.offset()).hasValue(counter);
    assertThat(hotp.check(RFC4226[counter], counter, 0).offset()).hasValue(0);
  }

  @Test
  void hotpCheck_codeBehindOrBeyondLookAhead_rejected() {
    Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
    assertThat(hotp.check(RFC4226[2], 3, 5).status()).isEqualTo(Status.REJECTED);
    assertThat(hotp.check(RFC4226[9], 0, 8).status()).isEqualTo(Status.REJECTED);
    assertThat(hotp.check(RFC4226[9], 0, 9).isAccepted()).isTrue();
  }

  @Test
  void hotpCheck_malformedOrOutOfRange_refused() {
    Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
    for (String typed : new String[] {"75522", "7552244", " 755224", "755224 ", "755 224", "75522a", ""}) {
      assertThat(hotp.check(typed, 0, 10).status()).as(typed).isEqualTo(Status.MALFORMED);
    }
    // All zeros is a code like any other (its value is 0), not a malformed one.
    assertThat(hotp.check("000000", 0, 0).status()).isEqualTo(Status.REJECTED);
    assertThat(rfc6238(HmacAlgorithm.SHA1).check("00000000", Instant.ofEpochSecond(59), 0, 0).status())
        .isEqualTo(Status.REJECTED);
    assertThatThrownBy(() -> hotp.check(RFC4226[0], -1, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counter must not be negative, was -1");
    assertThatThrownBy(() -> hotp.check(RFC4226[0], 0, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("look-ahead must be from 0 to 100 counters, was -1");
    assertThatThrownBy(() -> hotp.check(RFC4226[0], 0, 101)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("look-ahead must be from 0 to 100 counters, was 101");
  }

  @Test
  void hotpCheck_nearLongMaxValue_stopsThereRatherThanWrapping() {
    Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
    long last = Long.MAX_VALUE;
    assertThat(hotp.check(hotp.generate(last), last - 2, 100).matchedStep()).hasValue(last);
    assertThat(hotp.check(hotp.generate(0), last - 2, 100).status()).isEqualTo(Status.REJECTED);
  }
}
