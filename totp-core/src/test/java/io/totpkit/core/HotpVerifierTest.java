package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.Verification.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HotpVerifierTest {
  /** RFC 4226 Appendix D codes for counters 0 to 9. */
  private static final String[] RFC4226 = {
    "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
  };

  private final Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
  private final InMemoryReplayGuard guard = new InMemoryReplayGuard();
  private final AttemptLimiter limiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private HotpVerifier verifier(int lookAhead) {
    return HotpVerifier.builder(hotp).lookAhead(lookAhead).replayGuard(guard).attemptLimiter(limiter).clock(clock)
        .build();
  }

  @Test
  void verify_expectedCounter_acceptedAndCallerAdvances() {
    HotpVerifier verifier = verifier(3);
    long counter = 0;
    for (int i = 0; i < RFC4226.length; i++) {
      Verification v = verifier.verify("alice", RFC4226[i], counter);
      assertThat(v.status()).isEqualTo(Status.ACCEPTED);
      assertThat(v.offset()).hasValue(0);
      counter = v.matchedStep().getAsLong() + 1;
    }
    assertThat(counter).isEqualTo(10);
  }

  @Test
  void verify_withinLookAhead_acceptedWithOffset() {
    Verification v = verifier(3).verify("alice", RFC4226[3], 0);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.offset()).hasValue(3);
    assertThat(v.matchedStep()).hasValue(3);
  }

  @Test
  void verify_beyondLookAhead_rejected() {
    assertThat(verifier(3).verify("alice", RFC4226[4], 0).status()).isEqualTo(Status.REJECTED);
    assertThat(verifier(0).verify("alice", RFC4226[1], 0).status()).isEqualTo(Status.REJECTED);
  }

  @Test
  void verify_usedCounterAgain_replayedEvenBeforeCallerStoresTheCounter() {
    HotpVerifier verifier = verifier(5);
    assertThat(verifier.verify("alice", RFC4226[2], 0).status()).isEqualTo(Status.ACCEPTED);
    // The caller has not stored counter 3 yet and asks again with 0: the guard still refuses.
    assertThat(verifier.verify("alice", RFC4226[2], 0).status()).isEqualTo(Status.REPLAYED);
    assertThat(verifier.verify("alice", RFC4226[1], 0).status()).isEqualTo(Status.REPLAYED);
    assertThat(verifier.verify("alice", RFC4226[3], 3).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void resynchronize_twoConsecutiveCodesFarAhead_acceptsTheSecond() {
    Hotp eight = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).build();
    HotpVerifier verifier = verifier(10);
    String first = eight.generate(57);
    String second = eight.generate(58);
    assertThat(verifier.verify("alice", first, 0).status()).isEqualTo(Status.REJECTED);
    Verification v = verifier.resynchronize("alice", first, second, 0);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.matchedStep()).hasValue(58);
    assertThat(v.offset()).hasValue(58);
    // The same pair cannot resynchronise twice.
    assertThat(verifier.resynchronize("alice", first, second, 0).status()).isEqualTo(Status.REPLAYED);
  }

  @Test
  void resynchronize_codesNotConsecutive_rejected() {
    HotpVerifier verifier = verifier(10);
    assertThat(verifier.resynchronize("alice", hotp.generate(57), hotp.generate(59), 0).status())
        .isEqualTo(Status.REJECTED);
    assertThat(verifier.resynchronize("alice", hotp.generate(58), hotp.generate(57), 0).status())
        .isEqualTo(Status.REJECTED);
  }

  @Test
  void resynchronize_beyondWindow_rejected() {
    HotpVerifier verifier = HotpVerifier.builder(hotp).resyncWindow(20).replayGuard(guard).attemptLimiter(limiter)
        .clock(clock).build();
    assertThat(verifier.resynchronize("alice", hotp.generate(20), hotp.generate(21), 0).status())
        .isEqualTo(Status.ACCEPTED);
    assertThat(verifier.resynchronize("bob", hotp.generate(21), hotp.generate(22), 0).status())
        .isEqualTo(Status.REJECTED);
  }

  @Test
  void resynchronize_malformedCode_malformed() {
    assertThat(verifier(1).resynchronize("alice", "75522", RFC4226[1], 0).status()).isEqualTo(Status.MALFORMED);
    assertThat(verifier(1).resynchronize("alice", RFC4226[0], "28708x", 0).status()).isEqualTo(Status.MALFORMED);
  }

  @Test
  void verify_failures_throttleOnTheInjectedClock() {
    HotpVerifier verifier = verifier(1);
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.verify("alice", "000000", 0).status()).isEqualTo(Status.REJECTED);
    }
    Verification throttled = verifier.verify("alice", RFC4226[0], 0);
    assertThat(throttled.status()).isEqualTo(Status.THROTTLED);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void verify_negativeCounter_throws() {
    assertThatThrownBy(() -> verifier(1).verify("alice", "755224", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected counter must not be negative, was -1");
  }

  @Test
  void verify_nearLongMaxValue_doesNotWrapAround() {
    long last = Long.MAX_VALUE;
    Verification v = verifier(10).verify("alice", hotp.generate(last), last - 2);
    assertThat(v.status()).isEqualTo(Status.ACCEPTED);
    assertThat(v.matchedStep()).hasValue(last);
    assertThat(verifier(10).verify("bob", hotp.generate(0), last - 2).status()).isEqualTo(Status.REJECTED);
  }

  @Test
  void builder_invalidValues_throw() {
    HotpVerifier.Builder builder = HotpVerifier.builder(hotp);
    assertThatThrownBy(() -> builder.lookAhead(-1)).hasMessage("look-ahead must be from 0 to 100 counters, was -1");
    assertThatThrownBy(() -> builder.lookAhead(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.resyncWindow(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.resyncWindow(1001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }
}
