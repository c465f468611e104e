package io.totpkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AttemptLimiter} slows guessing down, checked once for every implementation (the in-memory one and
 * the shared ones in other modules): after every {@link #maxFailures()} consecutive failures the account waits
 * {@link #lockout()}, doubled for each further lockout up to {@link #longestLockoutMillis()}; after
 * {@value AttemptLimiter#MAX_CONSECUTIVE_FAILURES} consecutive failures it stays locked until reset (RFC 4226 §7.3,
 * NIST SP 800-63B §5.2.2).
 *
 * <p>Thread-safety: immutable.
 */
public final class LockoutPolicy {
  /** The longest first lockout that may be set. */
  public static final Duration LONGEST_LOCKOUT = Duration.ofDays(365);
  /** Doubling stops at this length (or at the first lockout, if that is longer). */
  public static final Duration GROWTH_CAP = Duration.ofHours(24);

  private final int maxFailures;
  private final Duration lockout;

  private LockoutPolicy(int maxFailures, Duration lockout) {
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  /**
   * Returns a policy.
   *
   * @param maxFailures consecutive failures that trigger a lockout, 1 to
   *     {@value AttemptLimiter#MAX_CONSECUTIVE_FAILURES}
   * @param lockout the first lockout's length, positive and at most 365 days
   * @return the policy
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static LockoutPolicy of(int maxFailures, Duration lockout) {
    Objects.requireNonNull(lockout, "lockout");
    if (maxFailures < 1 || maxFailures > AttemptLimiter.MAX_CONSECUTIVE_FAILURES) {
      throw new IllegalArgumentException("maxFailures must be from 1 to " + AttemptLimiter.MAX_CONSECUTIVE_FAILURES
          + ", was " + maxFailures);
    }
    if (lockout.isNegative() || lockout.isZero() || lockout.compareTo(LONGEST_LOCKOUT) > 0) {
      throw new IllegalArgumentException("lockout must be positive and at most 365 days, was " + lockout);
    }
    return new LockoutPolicy(maxFailures, lockout);
  }

  /** Returns how many consecutive failures trigger a lockout. */
  public int maxFailures() {
    return maxFailures;
  }

  /** Returns the first lockout's length. */
  public Duration lockout() {
    return lockout;
  }

  /** Returns the first lockout's length in milliseconds, at least one. */
  public long lockoutMillis() {
    return Math.max(1, lockout.toMillis());
  }

  /** Returns the longest a lockout grows to by doubling, in milliseconds. */
  public long longestLockoutMillis() {
    return Math.max(lockoutMillis(), GROWTH_CAP.toMillis());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LockoutPolicy && ((LockoutPolicy) other).maxFailures == maxFailures
        && ((LockoutPolicy) other).lockout.equals(lockout);
  }

  @Override
  public int hashCode() {
    return 31 * maxFailures + lockout.hashCode();
  }

  @Override
  public String toString() {
    return "LockoutPolicy[" + maxFailures + " failures, " + lockout + " lockout]";
  }
}
