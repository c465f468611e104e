package io.totpkit.core;

import java.time.Instant;

/**
 * Remembers, per account, the last time step (or HOTP counter) whose code was accepted, so that no code is accepted
 * twice: RFC 6238 §5.2 and NIST SP 800-63B §5.1.4.2 ("the verifier SHALL accept a given time-based OTP only once").
 *
 * <p>A service shares one guard between all its verifiers; several servers share one through a common store. The
 * in-memory implementation is {@link InMemoryReplayGuard}.
 *
 * <h2>Contract</h2>
 * {@link #tryAccept} is one atomic step: of any number of concurrent calls for the same account, at most one returns
 * {@code true} for a given step, and once a step is accepted, no call for that step or an earlier one returns
 * {@code true} again. A check followed by a separate write is exactly the race this interface exists to rule out.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface ReplayGuard {
  /**
   * Accepts {@code step} for {@code account} if it is later than every step accepted for it before.
   *
   * @param account who is verifying, as the caller identifies accounts
   * @param step the matched time step or counter
   * @param now the current time, which an implementation may use to forget records
   * @param forgetAfter the moment after which no code for {@code step} or earlier could pass verification anyway,
   *     so the record may be dropped ({@link Instant#MAX} for HOTP counters, which must be remembered)
   * @return {@code true} if the step is accepted now; {@code false} if it, or a later step, was accepted before
   */
  boolean tryAccept(String account, long step, Instant now, Instant forgetAfter);
}
