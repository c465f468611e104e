package io.totpkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Checks the TOTP codes users type, the way a login service must: a small window for clock drift, each step accepted
 * once per account, and guessing slowed down.
 *
 * <pre>{@code
 * TotpVerifier verifier = TotpVerifier.builder(totp)
 *     .window(1, 1)                                   // one step behind and one ahead
 *     .replayGuard(replayGuard)                       // shared by all verifiers of the service
 *     .attemptLimiter(attemptLimiter)                 // likewise
 *     .build();
 * Verification v = verifier.verify("alice", "492039");
 * }</pre>
 *
 * <p>A verifier is built per account (it holds that account's {@link Totp}); the {@link ReplayGuard} and
 * {@link AttemptLimiter} are the service's, shared by every verifier, which is why the builder insists on being given
 * them rather than making private ones that would protect nothing.
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>The input must be exactly the code's length in ASCII digits (Steam: upper-case Steam characters); nothing is
 *       trimmed or coerced. Anything else is {@link Verification.Status#MALFORMED} and costs no attempt.
 *   <li>Every step in the window is computed and compared in constant time, whether or not an earlier one matched.
 *   <li>A matched step is accepted through the replay guard in one atomic step: a code, or any code of an earlier
 *       step, is never accepted twice for an account (RFC 6238 §5.2).
 *   <li>The window is bounded ({@value #MAX_WINDOW} steps each way); RFC 6238 §5.2 recommends at most one step of
 *       network delay.
 * </ul>
 *
 * <p>Thread-safety: immutable; safe to share between threads, as are the guard and limiter it is given.
 */
public final class TotpVerifier {
  /** The most steps a window may reach behind or ahead of the current one. */
  public static final int MAX_WINDOW = 10;

  private final Totp totp;
  private final CodeGenerator generator;
  private final int behind;
  private final int ahead;
  private final Protection protection;

  private TotpVerifier(Builder builder) {
    this.totp = builder.totp;
    this.generator = totp.generator();
    this.behind = builder.behind;
    this.ahead = builder.ahead;
    this.protection = builder.protection();
  }

  /**
   * Starts a builder for the account whose generator is {@code totp}. The window defaults to one step each way; the
   * replay guard and the attempt limiter must be given.
   *
   * @param totp the account's generator; its clock supplies the time for {@link #verify(String, CharSequence)}
   * @return a new builder
   */
  public static Builder builder(Totp totp) {
    return new Builder(totp);
  }

  /**
   * Checks {@code code} for {@code account} at the generator clock's current time.
   *
   * @param account the account's identifier in the replay guard and the limiter, normalized by
   *     {@link AccountId#normalize} ({@code Alice} and {@code alice} are one account)
   * @param code what the user typed
   * @return the outcome; never {@code null}
   */
  public Verification verify(String account, CharSequence code) {
    return verify(account, code, totp.clock().instant());
  }

  /**
   * Checks {@code code} for {@code account} at {@code now}.
   *
   * @param account the account's identifier in the replay guard and the limiter, normalized by
   *     {@link AccountId#normalize} ({@code Alice} and {@code alice} are one account)
   * @param code what the user typed
   * @param now the current time
   * @return the outcome; never {@code null}
   * @throws IllegalArgumentException if {@code now} is before the generator's start time T0, or {@code account} is
   *     not a usable identifier ({@link AccountId#normalize})
   */
  public Verification verify(String account, CharSequence code, Instant now) {
    String key = AccountId.normalize(account);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(now, "now");
    long current = totp.step(now);
    long typed = generator.parse(code);
    if (typed < 0) {
      return Verification.malformed();
    }
    Verification throttled = protection.throttled(key, now);
    if (throttled != null) {
      return throttled;
    }
    long matched = totp.firstMatch(typed, current, behind, ahead);
    if (matched < 0) {
      return Verification.rejected();
    }
    // Once time has moved `behind` steps past the matched one, no code of it can pass the window again.
    return protection.accept(key, matched, current, now, totp.endOfStep(matched + behind));
  }

  /** Returns how many steps behind the current one a code may be. */
  public int behind() {
    return behind;
  }

  /** Returns how many steps ahead of the current one a code may be. */
  public int ahead() {
    return ahead;
  }

  @Override
  public String toString() {
    return "TotpVerifier[" + totp + ", window -" + behind + "/+" + ahead + "]";
  }

  /**
   * Configures a {@link TotpVerifier}.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder extends VerifierBuilder<Builder> {
    private final Totp totp;
    private int behind = 1;
    private int ahead = 1;

    private Builder(Totp totp) {
      this.totp = Objects.requireNonNull(totp, "totp");
    }

    /**
     * Sets how many steps behind and ahead of the current one a code may match; the default is one each way.
     *
     * @param behind steps behind, 0 to {@value TotpVerifier#MAX_WINDOW}
     * @param ahead steps ahead, 0 to {@value TotpVerifier#MAX_WINDOW}
     * @return this builder
     * @throws IllegalArgumentException if either is out of range
     */
    public Builder window(int behind, int ahead) {
      this.behind = Totp.checkWindow("behind", behind);
      this.ahead = Totp.checkWindow("ahead", ahead);
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException if the replay guard or the attempt limiter was not set
     */
    public TotpVerifier build() {
      return new TotpVerifier(this);
    }
  }
}
