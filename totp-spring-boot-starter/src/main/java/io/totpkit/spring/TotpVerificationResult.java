package io.totpkit.spring;

import io.totpkit.core.Verification;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The result of {@link TotpAuthenticationService#verify}: the outcome and, for a matching code, its drift offset in
 * time steps (matched step minus current step; a user whose codes keep matching at -1 has a phone clock running
 * late). It holds no code and no key.
 *
 * <p>Thread-safety: immutable.
 */
public final class TotpVerificationResult {
  private static final TotpVerificationResult NOT_ENROLLED =
      new TotpVerificationResult(TotpOutcome.NOT_ENROLLED, OptionalInt.empty(), Duration.ZERO);

  private final TotpOutcome outcome;
  private final OptionalInt offset;
  private final Duration retryAfter;

  private TotpVerificationResult(TotpOutcome outcome, OptionalInt offset, Duration retryAfter) {
    this.outcome = outcome;
    this.offset = offset;
    this.retryAfter = retryAfter;
  }

  static TotpVerificationResult notEnrolled() {
    return NOT_ENROLLED;
  }

  static TotpVerificationResult of(Verification verification) {
    TotpOutcome outcome = TotpOutcome.valueOf(verification.status().name());
    return new TotpVerificationResult(outcome, verification.offset(), verification.retryAfter());
  }

  /** @return what was decided */
  public TotpOutcome outcome() {
    return outcome;
  }

  /** @return {@code true} only for {@link TotpOutcome#ACCEPTED} */
  public boolean isAccepted() {
    return outcome == TotpOutcome.ACCEPTED;
  }

  /** @return the matched step minus the current step, for ACCEPTED and REPLAYED; empty otherwise */
  public OptionalInt offset() {
    return offset;
  }

  /** @return for THROTTLED, how long the account must wait; zero otherwise */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TotpVerificationResult o && outcome == o.outcome && offset.equals(o.offset)
        && retryAfter.equals(o.retryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, offset, retryAfter);
  }

  @Override
  public String toString() {
    return "TotpVerificationResult{" + outcome + (offset.isPresent() ? ", offset " + offset.getAsInt() : "")
        + (retryAfter.isZero() ? "" : ", retry after " + retryAfter.toSeconds() + " s") + "}";
  }
}
