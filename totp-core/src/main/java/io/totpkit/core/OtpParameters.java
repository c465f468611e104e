package io.totpkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How an account's codes are made, without the key: TOTP or HOTP, the HMAC hash, the code length (or Steam Guard's
 * five characters), and for TOTP the period and the start time T0, for HOTP the next counter.
 *
 * <pre>{@code
 * OtpParameters parameters = OtpParameters.totp()             // defaults: SHA-1, 6 digits, 30 s, T0 = 0
 *     .algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofSeconds(60)).build();
 * Totp totp = Totp.builder(secret).parameters(parameters).clock(clock).build();
 * OtpParameters fromUri = OtpAuthUri.parse(text).parameters();
 * }</pre>
 *
 * <p>Every range is checked here, once, and nowhere else: {@link Totp.Builder}, {@link Hotp.Builder} and
 * {@link OtpAuthUri.Builder} set their parameters through this type, and an {@code OtpParameters} that exists is
 * valid, so whoever receives one ({@code Totp.builder(secret).parameters(p)}) need not check it again. The ranges:
 * <ul>
 *   <li>digits from {@value #MIN_DIGITS} to {@value #MAX_DIGITS}; a Steam Guard key has {@value #STEAM_DIGITS}
 *       characters over HMAC-SHA-1, whatever was set before;
 *   <li>the period a whole number of seconds, at least one (an {@code otpauth://} text may ask for at most 366 days:
 *       that limit is the parser's, on text it reads, see {@link OtpAuthUri#parse});
 *   <li>T0 a whole second; an {@code otpauth://} URI has no T0, so its parameters start at the Unix epoch;
 *   <li>the HOTP counter from 0 to {@link Long#MAX_VALUE}.
 * </ul>
 *
 * <p>There is no key material here, so {@link #equals}, {@link #hashCode} and {@link #toString} show every field.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class OtpParameters {
  /** The fewest digits a code may have (RFC 4226 §5.3 requires at least 6). */
  public static final int MIN_DIGITS = 6;
  /** The most digits a code may have: the truncated value has 31 bits, so more digits add nothing. */
  public static final int MAX_DIGITS = 10;
  /** The length of a Steam Guard code, in characters of its own alphabet. */
  public static final int STEAM_DIGITS = 5;
  /** The shortest period, in seconds. */
  static final long MIN_PERIOD_SECONDS = 1;

  private final OtpType type;
  private final HmacAlgorithm algorithm;
  private final int digits;
  private final boolean steam;
  private final long periodSeconds;
  private final Instant startTime;
  private final long counter;

  private OtpParameters(Builder builder) {
    this.type = builder.type;
    this.steam = builder.steam;
    this.algorithm = steam ? HmacAlgorithm.SHA1 : builder.algorithm;
    this.digits = steam ? STEAM_DIGITS : builder.digits;
    boolean totp = type == OtpType.TOTP;
    this.periodSeconds = totp ? builder.periodSeconds : 0;
    this.startTime = totp ? builder.startTime : Instant.EPOCH;
    this.counter = totp ? 0 : builder.counter;
  }

  /**
   * Starts a builder for time-based parameters (RFC 6238) with the defaults HMAC-SHA-1, 6 digits, 30-second steps
   * and T0 at the Unix epoch.
   *
   * @return a new builder
   */
  public static Builder totp() {
    return new Builder(OtpType.TOTP);
  }

  /**
   * Starts a builder for counter-based parameters (RFC 4226) with the defaults HMAC-SHA-1, 6 digits and counter 0.
   *
   * @return a new builder
   */
  public static Builder hotp() {
    return new Builder(OtpType.HOTP);
  }

  /** Returns whether codes are time- or counter-based. */
  public OtpType type() {
    return type;
  }

  /** Returns the HMAC hash; always SHA-1 for Steam Guard. */
  public HmacAlgorithm algorithm() {
    return algorithm;
  }

  /** Returns the code length: {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits, or 5 for Steam Guard. */
  public int digits() {
    return digits;
  }

  /** Returns whether codes are Steam Guard's five characters rather than digits. */
  public boolean isSteam() {
    return steam;
  }

  /**
   * Returns the length of a time step.
   *
   * @return a whole number of seconds, at least one
   * @throws IllegalStateException if these are HOTP parameters
   */
  public Duration period() {
    requireTotp("period");
    return Duration.ofSeconds(periodSeconds);
  }

  /**
   * Returns T0, the moment step 0 begins.
   *
   * @return a whole second
   * @throws IllegalStateException if these are HOTP parameters
   */
  public Instant startTime() {
    requireTotp("start time");
    return startTime;
  }

  /** Returns the next counter of HOTP parameters, or empty for TOTP. */
  public OptionalLong counter() {
    return type == OtpType.HOTP ? OptionalLong.of(counter) : OptionalLong.empty();
  }

  /**
   * Returns these HOTP parameters with another counter, as a store does after each code it uses.
   *
   * @param counter the new counter, 0 or more
   * @return the changed copy
   * @throws IllegalArgumentException if {@code counter} is negative
   * @throws IllegalStateException if these are TOTP parameters
   */
  public OtpParameters withCounter(long counter) {
    return toBuilder().counter(counter).build();
  }

  /**
   * Returns a builder holding these values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(type);
    builder.algorithm = algorithm;
    builder.digits = steam ? builder.digits : digits;
    builder.steam = steam;
    builder.periodSeconds = type == OtpType.TOTP ? periodSeconds : builder.periodSeconds;
    builder.startTime = startTime;
    builder.counter = counter;
    return builder;
  }

  /** The period in seconds; 0 for HOTP. */
  long periodSeconds() {
    return periodSeconds;
  }

  /** The counter; 0 for TOTP. */
  long rawCounter() {
    return counter;
  }

  private void requireTotp(String what) {
    if (type != OtpType.TOTP) {
      throw new IllegalStateException("a HOTP key has no " + what);
    }
  }

  /** Compares every field. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof OtpParameters)) {
      return false;
    }
    OtpParameters that = (OtpParameters) other;
    return type == that.type && algorithm == that.algorithm && digits == that.digits && steam == that.steam
        && periodSeconds == that.periodSeconds && startTime.equals(that.startTime) && counter == that.counter;
  }

  /** Hashes every field. */
  @Override
  public int hashCode() {
    return Objects.hash(type, algorithm, digits, steam, periodSeconds, startTime, counter);
  }

  /**
   * Describes every field: {@code OtpParameters[TOTP, SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]},
   * {@code OtpParameters[TOTP, Steam, 30 s, T0=…]} or {@code OtpParameters[HOTP, SHA1, 6 digits, counter 0]}.
   */
  @Override
  public String toString() {
    String code = steam ? "Steam" : algorithm + ", " + digits + " digits";
    return "OtpParameters[" + type + ", " + code + (type == OtpType.TOTP
        ? ", " + periodSeconds + " s, T0=" + startTime : ", counter " + counter) + "]";
  }

  // ----------------------------------------------------------------------------------------- the ranges, once each

  /** Checks a digit count: {@value #MIN_DIGITS} to {@value #MAX_DIGITS}. */
  static int checkDigits(int digits) {
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
      throw new IllegalArgumentException("digits must be from " + MIN_DIGITS + " to " + MAX_DIGITS + ", was "
          + digits);
    }
    return digits;
  }

  /** Checks a period, a whole number of seconds and at least one, and returns its seconds. */
  static long checkPeriod(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.getSeconds() < MIN_PERIOD_SECONDS || period.getNano() != 0) {
      throw new IllegalArgumentException("period must be a whole number of seconds, at least " + MIN_PERIOD_SECONDS
          + ", was " + period);
    }
    return period.getSeconds();
  }

  /** Checks T0, a whole second. */
  static Instant checkStartTime(Instant startTime) {
    Objects.requireNonNull(startTime, "startTime");
    if (startTime.getNano() != 0) {
      throw new IllegalArgumentException("start time must be a whole second, was " + startTime);
    }
    return startTime;
  }

  /**
   * Checks a HOTP counter, 0 or more; {@code name} says which one ({@code "counter"}, {@code "expected counter"}).
   * Allocation-free unless it throws: {@link Hotp#generateInt(long)} calls it on the hot path.
   */
  static long checkCounter(String name, long counter) {
    if (counter < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + counter);
    }
    return counter;
  }

  /**
   * Configures {@link OtpParameters}; each setter checks its argument and says which range it broke, so that
   * {@link #build()} cannot fail. Setting a TOTP-only value on a HOTP builder (or the counter on a TOTP builder) is
   * an {@link IllegalStateException}.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final OtpType type;
    private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
    private int digits = 6;
    private boolean steam;
    private long periodSeconds = 30;
    private Instant startTime = Instant.EPOCH;
    private long counter;

    private Builder(OtpType type) {
      this.type = type;
    }

    /**
     * Sets the HMAC hash; the default is SHA-1. Steam Guard ignores it.
     *
     * @param algorithm the hash
     * @return this builder
     */
    public Builder algorithm(HmacAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets the number of digits in a code; the default is 6. Ends Steam Guard output if {@link #steam()} was set:
     * the format set last wins.
     *
     * @param digits from {@value OtpParameters#MIN_DIGITS} to {@value OtpParameters#MAX_DIGITS}
     * @return this builder
     * @throws IllegalArgumentException if {@code digits} is out of range
     */
    public Builder digits(int digits) {
      keepSteamAndSetDigits(digits);
      this.steam = false;
      return this;
    }

    /**
     * Makes codes Steam Guard's: five characters from {@code 23456789BCDFGHJKMNPQRTVWXY}, always over HMAC-SHA-1
     * (the algorithm setting is ignored), as Steam's mobile authenticator shows them.
     *
     * @return this builder
     * @throws IllegalStateException if this is a HOTP builder: Steam Guard keys are time-based
     */
    public Builder steam() {
      if (type != OtpType.TOTP) {
        throw new IllegalStateException("Steam Guard keys are time-based");
      }
      this.steam = true;
      return this;
    }

    /**
     * Sets the length of a time step; the default is 30 seconds.
     *
     * @param period a whole number of seconds, at least one
     * @return this builder
     * @throws IllegalArgumentException if {@code period} is shorter than a second or has a fraction of a second
     * @throws IllegalStateException if this is a HOTP builder
     */
    public Builder period(Duration period) {
      requireType(OtpType.TOTP, "period");
      this.periodSeconds = checkPeriod(period);
      return this;
    }

    /**
     * Sets T0, the moment step 0 begins; the default is the Unix epoch.
     *
     * @param startTime a whole second
     * @return this builder
     * @throws IllegalArgumentException if {@code startTime} has a fraction of a second
     * @throws IllegalStateException if this is a HOTP builder
     */
    public Builder startTime(Instant startTime) {
      requireType(OtpType.TOTP, "start time");
      this.startTime = checkStartTime(startTime);
      return this;
    }

    /**
     * Sets the next counter; the default is 0.
     *
     * @param counter 0 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code counter} is negative
     * @throws IllegalStateException if this is a TOTP builder
     */
    public Builder counter(long counter) {
      requireType(OtpType.HOTP, "counter");
      this.counter = checkCounter("counter", counter);
      return this;
    }

    /**
     * Builds the parameters. Every value was checked by its setter, so this cannot fail.
     *
     * @return the parameters
     */
    public OtpParameters build() {
      return new OtpParameters(this);
    }

    OtpType type() {
      return type;
    }

    boolean isSteam() {
      return steam;
    }

    /**
     * Sets the digit count a later switch away from Steam would use, keeping the Steam setting: the contract of
     * {@link OtpAuthUri.Builder#digits(int)}, whose Steam keys ignore {@code digits} rather than end.
     */
    void keepSteamAndSetDigits(int digits) {
      this.digits = checkDigits(digits);
    }

    private void requireType(OtpType required, String what) {
      if (type != required) {
        throw new IllegalStateException("a " + type + " key has no " + what);
      }
    }
  }
}
