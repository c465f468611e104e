package io.totpkit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The outcome of checking a one-time password: a status, and for a code that matched, where it matched.
 *
 * <p>Tell the user only "accepted" or "not accepted": {@link Status#REPLAYED} means the code was right but already
 * used, which an attacker should not learn. {@link #offset()} is for drift monitoring: a user whose codes keep
 * matching at -1 has a phone clock running late.
 *
 * <p>Thread-safety: immutable.
 */
public final class Verification {
  /** What the verifier decided. */
  public enum Status {
    /**
     * The code matched a step (or counter) in the window that had not been used: let the user in. From the stateless
     * checks {@link Totp#check} and {@link Hotp#check}, which remember nothing: the code matched, and no more.
     */
    ACCEPTED,
    /** The code matched no step in the window. Counted as a failed attempt. */
    REJECTED,
    /**
     * The code matched, but that step, or a later one, was already accepted for this account (RFC 6238 §5.2).
     * Counted as a failed attempt.
     */
    REPLAYED,
    /** Too many failed attempts: the account must wait {@link #retryAfter()}. The code was not checked. */
    THROTTLED,
    /** The input is not a code of the right form (wrong length, a space, a letter). Not counted as an attempt. */
    MALFORMED
  }

  private static final Verification REJECTED = new Verification(Status.REJECTED, false, 0, 0, Duration.ZERO);
  private static final Verification MALFORMED = new Verification(Status.MALFORMED, false, 0, 0, Duration.ZERO);

  private final Status status;
  private final boolean matched;
  private final long step;
  private final int offset;
  private final Duration retryAfter;

  private Verification(Status status, boolean matched, long step, int offset, Duration retryAfter) {
    this.status = status;
    this.matched = matched;
    this.step = step;
    this.offset = offset;
    this.retryAfter = retryAfter;
  }

  static Verification accepted(long step, int offset) {
    return new Verification(Status.ACCEPTED, true, step, offset, Duration.ZERO);
  }

  static Verification replayed(long step, int offset) {
    return new Verification(Status.REPLAYED, true, step, offset, Duration.ZERO);
  }

  /**
   * The result of a check that remembers nothing ({@link Totp#check}, {@link Hotp#check}): ACCEPTED at
   * {@code matched}, offset from {@code reference}, or REJECTED when {@code matched} is -1.
   */
  static Verification matchedOrRejected(long matched, long reference) {
    return matched < 0 ? REJECTED : accepted(matched, (int) (matched - reference));
  }

  static Verification rejected() {
    return REJECTED;
  }

  static Verification malformed() {
    return MALFORMED;
  }

  static Verification throttled(Duration retryAfter) {
    return new Verification(Status.THROTTLED, false, 0, 0, Objects.requireNonNull(retryAfter));
  }

  /** Returns what the verifier decided. */
  public Status status() {
    return status;
  }

  /** Returns whether the status is {@link Status#ACCEPTED}. */
  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }

  /**
   * Returns the matched step minus the current step (TOTP), or the matched counter minus the expected counter (HOTP),
   * when the code matched: {@link Status#ACCEPTED} or {@link Status#REPLAYED}.
   *
   * @return the offset, or empty when nothing matched
   */
  public OptionalInt offset() {
    return matched ? OptionalInt.of(offset) : OptionalInt.empty();
  }

  /**
   * Returns the TOTP time step or HOTP counter the code matched. A HOTP caller stores this plus one as the next
   * expected counter.
   *
   * @return the step or counter, or empty when nothing matched
   */
  public OptionalLong matchedStep() {
    return matched ? OptionalLong.of(step) : OptionalLong.empty();
  }

  /**
   * Returns how long the account must wait before its next attempt is checked, for {@link Status#THROTTLED}.
   *
   * @return the wait, or {@link Duration#ZERO} for every other status
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public String toString() {
    if (matched) {
      return "Verification[" + status + ", offset " + offset + "]";
    }
    return status == Status.THROTTLED ? "Verification[THROTTLED, retry after " + retryAfter + "]"
        : "Verification[" + status + "]";
  }
}
