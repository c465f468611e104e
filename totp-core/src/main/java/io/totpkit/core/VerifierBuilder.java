package io.totpkit.core;

import java.util.Objects;

/**
 * What {@link TotpVerifier.Builder} and {@link HotpVerifier.Builder} have in common: the two stores of the service,
 * which both insist on being given rather than making private ones that would protect nothing.
 *
 * <p>Thread-safety: not thread-safe; use one builder per thread.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class VerifierBuilder<B extends VerifierBuilder<B>> {
  private ReplayGuard replayGuard;
  private AttemptLimiter attemptLimiter;

  VerifierBuilder() {}

  /**
   * Sets the guard that accepts each time step (TOTP) or counter (HOTP) once per account; required.
   *
   * @param replayGuard the service's shared guard, which remembers the last step or counter accepted for each account
   * @return this builder
   */
  public B replayGuard(ReplayGuard replayGuard) {
    this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
    return self();
  }

  /**
   * Sets the limiter that slows down guessing (RFC 4226 §7.3); required.
   *
   * @param attemptLimiter the service's shared limiter
   * @return this builder
   */
  public B attemptLimiter(AttemptLimiter attemptLimiter) {
    this.attemptLimiter = Objects.requireNonNull(attemptLimiter, "attemptLimiter");
    return self();
  }

  /**
   * Returns the stores as the verifier being built will use them.
   *
   * @throws IllegalStateException if either was not set
   */
  Protection protection() {
    return Protection.of(replayGuard, attemptLimiter);
  }

  @SuppressWarnings("unchecked") // B is the concrete builder by the class's bound, and each subclass is final
  private B self() {
    return (B) this;
  }
}
