package io.totpkit.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The two shared stores every verifier consults, and the two steps it takes with them around the constant-time
 * window check: before the check, the {@link AttemptLimiter} decides whether the attempt may be made at all; after a
 * match, the {@link ReplayGuard} accepts the step or counter once. {@link TotpVerifier} and {@link HotpVerifier} run
 * their checks through one {@code Protection}, so the order of the steps is written once.
 *
 * <p>Thread-safety: immutable; the stores are safe for concurrent use by their contracts.
 */
final class Protection {
  private final ReplayGuard replayGuard;
  private final AttemptLimiter attemptLimiter;

  private Protection(ReplayGuard replayGuard, AttemptLimiter attemptLimiter) {
    this.replayGuard = replayGuard;
    this.attemptLimiter = attemptLimiter;
  }

  /**
   * Returns the protection of a verifier being built.
   *
   * @throws IllegalStateException if either store was not given: private stores would protect nothing
   */
  static Protection of(ReplayGuard replayGuard, AttemptLimiter attemptLimiter) {
    if (replayGuard == null) {
      throw new IllegalStateException("replayGuard is required: pass the service's shared guard, for one process"
          + " new InMemoryReplayGuard(), so that no code is accepted twice");
    }
    if (attemptLimiter == null) {
      throw new IllegalStateException("attemptLimiter is required: pass the service's shared limiter, for one"
          + " process AttemptLimiter.inMemory(5, Duration.ofMinutes(1)), so that guessing is slowed down");
    }
    return new Protection(replayGuard, attemptLimiter);
  }

  /**
   * Counts an attempt for {@code account}: returns {@link Verification.Status#THROTTLED} if it must wait, else
   * {@code null}, and the code may be checked. Allocation-free when the attempt may go ahead.
   */
  Verification throttled(String account, Instant now) {
    Duration wait = attemptLimiter.tryAcquire(account, now);
    return wait.isZero() ? null : Verification.throttled(wait);
  }

  /**
   * Accepts {@code matched}, a step or counter whose code matched, once: REPLAYED if it, or a later one, was accepted
   * for {@code account} before; else ACCEPTED, and the account's failures are cleared.
   *
   * @param reference the current step or the expected counter; the offset is measured from it
   * @param forgetAfter when the guard may forget {@code matched} (see {@link ReplayGuard#tryAccept})
   */
  Verification accept(String account, long matched, long reference, Instant now, Instant forgetAfter) {
    int offset = (int) (matched - reference);
    if (!replayGuard.tryAccept(account, matched, now, forgetAfter)) {
      return Verification.replayed(matched, offset);
    }
    attemptLimiter.recordSuccess(account);
    return Verification.accepted(matched, offset);
  }
}
