package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void tryAcquire_belowLimit_allowsAndCounts() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(3, Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire("a", T)).isZero();
    assertThat(limiter.tryAcquire("a", T)).isZero();
    // The third attempt is let through but starts the lockout, whatever its outcome.
    assertThat(limiter.tryAcquire("a", T)).isZero();
    assertThat(limiter.tryAcquire("a", T.plusSeconds(20))).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void tryAcquire_repeatedLockouts_doubleUpToTheCap() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(1, Duration.ofHours(5));
    Instant now = T;
    Duration[] expected = {
      Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(20), Duration.ofHours(24), Duration.ofHours(24)
    };
    for (Duration lockout : expected) {
      assertThat(limiter.tryAcquire("a", now)).isZero();
      assertThat(limiter.tryAcquire("a", now)).isEqualTo(lockout);
      now = now.plus(lockout);
    }
  }

  @Test
  void tryAcquire_afterHundredConsecutiveFailures_lockedUntilReset() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(100, Duration.ofSeconds(1));
    Instant now = T;
    for (int i = 0; i < AttemptLimiter.MAX_CONSECUTIVE_FAILURES; i++) {
      assertThat(limiter.tryAcquire("a", now)).isZero();
    }
    now = now.plus(Duration.ofDays(3650));
    assertThat(limiter.tryAcquire("a", now)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
    limiter.reset("a");
    assertThat(limiter.tryAcquire("a", now)).isZero();
  }

  @Test
  void tryAcquire_longLockoutsNeverExceedHundredFailuresInTotal() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(7, Duration.ofSeconds(1));
    Instant now = T;
    int allowed = 0;
    for (int i = 0; i < 10_000; i++) {
      Duration wait = limiter.tryAcquire("a", now);
      if (wait.isZero()) {
        allowed++;
      } else if (wait.getSeconds() < Long.MAX_VALUE) {
        now = now.plus(wait);
      }
    }
    assertThat(allowed).isEqualTo(AttemptLimiter.MAX_CONSECUTIVE_FAILURES);
  }

  @Test
  void recordSuccess_clearsTheCount() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(3, Duration.ofMinutes(1));
    limiter.tryAcquire("a", T);
    limiter.tryAcquire("a", T);
    limiter.recordSuccess("a");
    assertThat(limiter.tryAcquire("a", T)).isZero();
    assertThat(limiter.tryAcquire("a", T)).isZero();
    assertThat(limiter.tryAcquire("a", T)).isZero();
    assertThat(limiter.tryAcquire("a", T)).isPositive();
  }

  @Test
  void tryAcquire_accountsAreIndependent() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(1, Duration.ofMinutes(1));
    limiter.tryAcquire("a", T);
    assertThat(limiter.tryAcquire("a", T)).isPositive();
    assertThat(limiter.tryAcquire("b", T)).isZero();
  }

  @Test
  void tryAcquire_manyIdleAccounts_areForgottenAfterADay() {
    AttemptLimiter limiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));
    for (int i = 0; i < 5_000; i++) {
      limiter.tryAcquire("idle-" + i, T);
    }
    limiter.tryAcquire("locked", T);
    for (int i = 0; i < 5_000; i++) {
      limiter.tryAcquire("fresh-" + i, T.plus(Duration.ofHours(25)));
    }
    assertThat(((InMemoryAttemptLimiter) limiter).toString()).contains("accounts]");
    int remembered = Integer.parseInt(limiter.toString().replaceAll(".* (\\d+) accounts]", "$1"));
    assertThat(remembered).isLessThan(5_002);
  }

  @Test
  void inMemory_invalidArguments_throw() {
    assertThatThrownBy(() -> AttemptLimiter.inMemory(0, Duration.ofMinutes(1)))
        .hasMessage("maxFailures must be from 1 to 100, was 0");
    assertThatThrownBy(() -> AttemptLimiter.inMemory(101, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttemptLimiter.inMemory(5, Duration.ZERO))
        .hasMessage("lockout must be positive and at most 365 days, was PT0S");
    assertThatThrownBy(() -> AttemptLimiter.inMemory(5, Duration.ofDays(366)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
