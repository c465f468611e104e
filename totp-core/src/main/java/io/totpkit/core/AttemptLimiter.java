package io.totpkit.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Slows down guessing: after a number of consecutive failed attempts an account must wait before its next code is
 * checked (RFC 4226 §7.3, NIST SP 800-63B §5.2.2).
 *
 * <h2>Contract</h2>
 * {@link #tryAcquire} is one atomic step that both decides and counts: an attempt it lets through is counted as a
 * failure at once, and {@link #recordSuccess} clears the count when the code turns out right. So concurrent guesses
 * cannot all slip through before the first failure is recorded, and no failure is ever lost.
 *
 * <p>A service shares one limiter between all its verifiers; several servers share one through a common store.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface AttemptLimiter {
  /** The most consecutive failures NIST SP 800-63B allows on one account before it must be unlocked another way. */
  int MAX_CONSECUTIVE_FAILURES = 100;

  /**
   * Decides whether {@code account} may attempt a code now and, if so, counts the attempt as a failure until
   * {@link #recordSuccess} says otherwise.
   *
   * @param account who is attempting
   * @param now the current time
   * @return {@link Duration#ZERO} if the attempt may go ahead; otherwise how long the account must wait (a duration
   *     of {@code Long.MAX_VALUE} seconds once the account is locked until {@link #reset})
   */
  Duration tryAcquire(String account, Instant now);

  /**
   * Reports that the attempt let through for {@code account} succeeded: its failure count starts again from zero.
   *
   * @param account who succeeded
   */
  void recordSuccess(String account);

  /**
   * Unlocks {@code account} and forgets its failures, for an administrator or a recovery flow.
   *
   * @param account the account to unlock
   */
  void reset(String account);

  /**
   * Returns an in-memory limiter for one process. After every {@code maxFailures} consecutive failures the account
   * waits {@code lockout}, doubled for each further lockout (capped at 24 hours, or at {@code lockout} if that is
   * longer); after {@value #MAX_CONSECUTIVE_FAILURES} consecutive failures it stays locked until {@link #reset}.
   *
   * <p>Memory: one small record per account that attempted a code; a record that shows no lockout and no attempt for
   * 24 hours is dropped when the map has doubled since the last sweep. A failed attempt on a known account allocates
   * nothing.
   *
   * @param maxFailures consecutive failures that trigger a lockout, 1 to {@value #MAX_CONSECUTIVE_FAILURES}
   * @param lockout the first lockout's length, positive and at most 365 days
   * @return a new limiter
   * @throws IllegalArgumentException if an argument is out of range
   */
  static AttemptLimiter inMemory(int maxFailures, Duration lockout) {
    return new InMemoryAttemptLimiter(LockoutPolicy.of(maxFailures, lockout));
  }
}
