package io.totpkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Time-based one-time passwords, TOTP (<a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>): HOTP over the
 * number of whole periods since a start time T0.
 *
 * <pre>{@code
 * Totp totp = Totp.builder(secret)                    // defaults: SHA-1, 6 digits, 30 s, T0 = 0 (the Unix epoch)
 *     .algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofSeconds(60))
 *     .clock(Clock.systemUTC()).build();
 * String code = totp.generate(Instant.now());        // "04924939": leading zeros kept
 * Duration left = totp.remaining(Instant.now());     // until the next code
 * Totp same = Totp.builder(secret).parameters(uri.parameters()).build();   // parameters kept apart from the key
 * }</pre>
 *
 * <p>Times run from T0 to the end of {@link Instant}'s range, far past 2038: the step is a {@code long}. Times before
 * T0 have no step and are refused. {@link Builder#steam()} switches the output to Steam Guard's five characters.
 *
 * <p>The key's HMAC state is computed once in {@link Builder#build()}, so configuration errors surface there and the
 * hot path, {@link #generateInt(Instant)}, neither fails on configuration nor allocates.
 *
 * <p>Thread-safety: immutable; safe to share between threads without locks.
 */
public final class Totp {
  private final OtpParameters parameters;
  private final CodeGenerator generator;
  private final long periodSeconds;
  private final long startSeconds;
  private final Clock clock;

  private Totp(OtpParameters parameters, CodeGenerator generator, Clock clock) {
    this.parameters = parameters;
    this.generator = generator;
    this.periodSeconds = parameters.periodSeconds();
    this.startSeconds = parameters.startTime().getEpochSecond();
    this.clock = clock;
  }

  /**
   * Starts a builder with the RFC 6238 defaults: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch, and the
   * system clock in UTC.
   *
   * @param secret the shared key, read when {@link Builder#build()} computes its HMAC state
   * @return a new builder
   */
  public static Builder builder(Secret secret) {
    return new Builder(secret);
  }

  /**
   * Returns the code at {@code time}, with leading zeros (or Steam's five characters).
   *
   * @param time the moment to compute the code for
   * @return the code
   * @throws IllegalArgumentException if {@code time} is before the start time T0
   */
  public String generate(Instant time) {
    return generator.format(generateInt(time));
  }

  /**
   * Returns the code at {@code time} as a number, without allocating: the hot path. For a Steam Guard generator this
   * is the base-26 value of the five characters; use {@link #generate(Instant)} to get them.
   *
   * @param time the moment to compute the code for
   * @return the code's value
   * @throws IllegalArgumentException if {@code time} is before the start time T0
   */
  public int generateInt(Instant time) {
    return generator.code(step(time));
  }

  /**
   * Returns the code for the clock's current time.
   *
   * @return the current code
   * @throws IllegalArgumentException if the clock reads a time before T0
   */
  public String now() {
    return generate(clock.instant());
  }

  /**
   * Checks a typed code against the steps from {@code behind} before to {@code ahead} after the one at {@code now},
   * and remembers nothing: the window check {@link TotpVerifier} makes, without its replay guard and attempt limiter.
   * Use it to test a code (is this what the phone shows?), not to log anyone in.
   *
   * <p>Security:
   * <ul>
   *   <li>The input must be exactly {@link #digits()} ASCII digits (Steam: upper-case Steam characters); nothing is
   *       trimmed or coerced, so {@code "12345"} is not {@code "012345"} and {@code "123 456"} is
   *       {@link Verification.Status#MALFORMED}.
   *   <li>Every step of the window is computed and compared in constant time, whether or not an earlier one matched:
   *       the time taken says nothing about which step matched, or how closely.
   *   <li>Nothing is remembered, so the same code passes again, and guesses are not counted: a login needs
   *       {@link TotpVerifier}, whose replay guard and attempt limiter this check leaves out.
   * </ul>
   *
   * @param code what the user typed
   * @param now the current time
   * @param behind steps behind the current one that may match, 0 to {@value TotpVerifier#MAX_WINDOW}
   * @param ahead steps ahead of the current one that may match, 0 to {@value TotpVerifier#MAX_WINDOW}
   * @return {@link Verification.Status#ACCEPTED} with the matched step and its offset from the current one (the
   *     earliest if several match), {@link Verification.Status#REJECTED} or {@link Verification.Status#MALFORMED};
   *     never {@code REPLAYED} or {@code THROTTLED}
   * @throws IllegalArgumentException if {@code behind} or {@code ahead} is out of range, or {@code now} is before T0
   */
  public Verification check(CharSequence code, Instant now, int behind, int ahead) {
    Objects.requireNonNull(code, "code");
    checkWindow("behind", behind);
    checkWindow("ahead", ahead);
    long current = step(now);
    long typed = generator.parse(code);
    if (typed < 0) {
      return Verification.malformed();
    }
    return Verification.matchedOrRejected(firstMatch(typed, current, behind, ahead), current);
  }

  /**
   * Returns the step {@code s} from {@code current - behind} (not below 0) to {@code current + ahead} whose code is
   * {@code typed} (the earliest), or -1. Constant time: every step of the window is computed and compared, without
   * a branch on the codes, as {@link CodeGenerator#firstMatch} does. {@link #check} and {@link TotpVerifier} both
   * come here, so the window has one definition.
   */
  long firstMatch(long typed, long current, int behind, int ahead) {
    // Clamping at step 0 looks at the time only, never at what was typed: it tells nothing about the code.
    return generator.firstMatch(typed, Math.max(0, current - behind), current + ahead);
  }

  /**
   * Returns the time step at {@code time}: the number of whole periods since T0, RFC 6238's {@code T}.
   *
   * @param time the moment
   * @return the step, 0 or more
   * @throws IllegalArgumentException if {@code time} is before T0
   */
  public long step(Instant time) {
    return elapsedSeconds(time) / periodSeconds;
  }

  /**
   * Returns how long the code at {@code time} stays current: from {@code time} to the start of the next step.
   *
   * @param time the moment
   * @return a positive duration, at most one period
   * @throws IllegalArgumentException if {@code time} is before T0
   */
  public Duration remaining(Instant time) {
    long intoStep = elapsedSeconds(time) % periodSeconds;
    return Duration.ofSeconds(periodSeconds - intoStep).minusNanos(time.getNano());
  }

  /**
   * Returns how codes are made, without the key: algorithm, length or Steam, period and T0.
   *
   * @return the parameters, {@link OtpType#TOTP}
   */
  public OtpParameters parameters() {
    return parameters;
  }

  /** Returns the HMAC hash this generator uses. */
  public HmacAlgorithm algorithm() {
    return parameters.algorithm();
  }

  /** Returns the number of characters in a code: 6 to 10 digits, or 5 for Steam Guard. */
  public int digits() {
    return parameters.digits();
  }

  /** Returns whether codes are Steam Guard's five characters rather than digits. */
  public boolean isSteam() {
    return parameters.isSteam();
  }

  /** Returns the length of a time step. */
  public Duration period() {
    return parameters.period();
  }

  /** Returns T0, the moment step 0 begins. */
  public Instant startTime() {
    return parameters.startTime();
  }

  /** Returns the clock behind {@link #now()}. */
  public Clock clock() {
    return clock;
  }

  CodeGenerator generator() {
    return generator;
  }

  /** Returns the moment step {@code step} ends, saturating at {@link Instant#MAX}. */
  Instant endOfStep(long step) {
    try {
      long seconds = Math.addExact(startSeconds, Math.multiplyExact(step + 1, periodSeconds));
      return seconds > Instant.MAX.getEpochSecond() ? Instant.MAX : Instant.ofEpochSecond(seconds);
    } catch (ArithmeticException beyondAnyClock) {
      return Instant.MAX;
    }
  }

  private long elapsedSeconds(Instant time) {
    long elapsed = time.getEpochSecond() - startSeconds;
    if (elapsed < 0) {
      throw new IllegalArgumentException("time " + time + " is before the start time T0 " + startTime());
    }
    return elapsed;
  }

  /** Checks one side of a window: 0 to {@value TotpVerifier#MAX_WINDOW} steps. */
  static int checkWindow(String name, int steps) {
    if (steps < 0 || steps > TotpVerifier.MAX_WINDOW) {
      throw new IllegalArgumentException("window " + name + " must be from 0 to " + TotpVerifier.MAX_WINDOW
          + " steps, was " + steps);
    }
    return steps;
  }

  /** Describes the parameters, never the key: {@code Totp[SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]}. */
  @Override
  public String toString() {
    return "Totp[" + algorithm() + ", " + (isSteam() ? "Steam" : digits() + " digits") + ", " + periodSeconds
        + " s, T0=" + startTime() + "]";
  }

  /**
   * Configures a {@link Totp}: its {@link OtpParameters}, set whole ({@link #parameters}) or one by one (each setter
   * checks its argument there), and the clock; {@link #build()} reads the key.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder extends GeneratorBuilder<Builder> {
    private Clock clock = Clock.systemUTC();

    private Builder(Secret secret) {
      super(secret, OtpParameters.totp());
    }

    /**
     * Produces Steam Guard codes: five characters from {@code 23456789BCDFGHJKMNPQRTVWXY}, always over HMAC-SHA-1
     * (the algorithm setting is ignored), as Steam's mobile authenticator shows them.
     *
     * @return this builder
     */
    public Builder steam() {
      parameters.steam();
      return this;
    }

    /**
     * Sets the length of a time step; the default is 30 seconds.
     *
     * @param period a whole number of seconds, at least one
     * @return this builder
     * @throws IllegalArgumentException if {@code period} is shorter than a second or has a fraction of a second
     */
    public Builder period(Duration period) {
      parameters.period(period);
      return this;
    }

    /**
     * Sets T0, the moment step 0 begins; the default is the Unix epoch.
     *
     * @param startTime a whole second
     * @return this builder
     * @throws IllegalArgumentException if {@code startTime} has a fraction of a second
     */
    public Builder startTime(Instant startTime) {
      parameters.startTime(startTime);
      return this;
    }

    /**
     * Sets the clock behind {@link Totp#now()} and the verifiers' default time; the default is
     * {@link Clock#systemUTC()}. Tests pass {@link Clock#fixed}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the generator, computing the key's HMAC state once.
     *
     * @return the generator
     * @throws IllegalStateException if the secret was destroyed
     */
    public Totp build() {
      OtpParameters built = parameters.build();
      return new Totp(built, CodeGenerator.of(built, secret), clock);
    }
  }
}
