package io.totpkit.core;

import java.util.Objects;

/**
 * Counter-based one-time passwords, HOTP (<a href="https://www.rfc-editor.org/rfc/rfc4226">RFC 4226</a>).
 *
 * <pre>{@code
 * Hotp hotp = Hotp.builder(secret).algorithm(HmacAlgorithm.SHA1).digits(6).build();
 * String code = hotp.generate(42L);
 * Hotp same = Hotp.builder(secret).parameters(uri.parameters()).build();   // parameters kept apart from the key
 * }</pre>
 *
 * <p>Counters run from 0 to {@link Long#MAX_VALUE}. The key's HMAC pads are computed once in {@link Builder#build()},
 * so a {@code Hotp} holds derived key material; it is independent of the {@link Secret} it was built from.
 *
 * <p>Thread-safety: immutable; safe to share between threads without locks.
 */
public final class Hotp {
  /** The fewest digits a code may have (RFC 4226 §5.3 requires at least 6); {@link OtpParameters#MIN_DIGITS}. */
  public static final int MIN_DIGITS = OtpParameters.MIN_DIGITS;
  /** The most digits a code may have; {@link OtpParameters#MAX_DIGITS}. */
  public static final int MAX_DIGITS = OtpParameters.MAX_DIGITS;

  private final OtpParameters parameters;
  private final CodeGenerator generator;

  private Hotp(OtpParameters parameters, CodeGenerator generator) {
    this.parameters = parameters;
    this.generator = generator;
  }

  /**
   * Starts a builder with the RFC 4226 defaults: HMAC-SHA-1 and 6 digits.
   *
   * @param secret the key both sides share; {@link Builder#build()} reads it once
   * @return a new builder
   */
  public static Builder builder(Secret secret) {
    return new Builder(secret);
  }

  /**
   * Returns the code for {@code counter}, with leading zeros.
   *
   * @param counter the moving factor, 0 or more
   * @return the code, {@link #digits()} characters long
   * @throws IllegalArgumentException if {@code counter} is negative
   */
  public String generate(long counter) {
    return generator.format(generateInt(counter));
  }

  /**
   * Returns the code for {@code counter} as a number, without allocating: the hot path.
   *
   * @param counter the moving factor, 0 or more
   * @return the code's value, below 10<sup>{@link #digits()}</sup>
   * @throws IllegalArgumentException if {@code counter} is negative
   */
  public int generateInt(long counter) {
    return generator.code(OtpParameters.checkCounter("counter", counter));
  }

  /**
   * Checks a typed code against counters {@code counter} to {@code counter + lookAhead}, and remembers nothing: the
   * look-ahead check {@link HotpVerifier} makes (RFC 4226 §7.4), without its replay guard and attempt limiter.
   *
   * <p>Security: the input must be exactly {@link #digits()} ASCII digits, nothing trimmed or coerced (anything else
   * is {@link Verification.Status#MALFORMED}); every counter of the window is computed and compared in constant time,
   * whether or not an earlier one matched. Nothing is remembered and guesses are not counted, so a login needs
   * {@link HotpVerifier}.
   *
   * @param code what the user typed
   * @param counter the next counter the service expects, 0 or more
   * @param lookAhead how many counters beyond {@code counter} may match, 0 to {@value HotpVerifier#MAX_LOOK_AHEAD};
   *     the window stops at {@link Long#MAX_VALUE}
   * @return {@link Verification.Status#ACCEPTED} with the matched counter (the lowest if several match) and its
   *     distance from {@code counter}, {@link Verification.Status#REJECTED} or {@link Verification.Status#MALFORMED}
   * @throws IllegalArgumentException if {@code counter} is negative or {@code lookAhead} out of range
   */
  public Verification check(CharSequence code, long counter, int lookAhead) {
    Objects.requireNonNull(code, "code");
    OtpParameters.checkCounter("counter", counter);
    checkLookAhead(lookAhead);
    long typed = generator.parse(code);
    if (typed < 0) {
      return Verification.malformed();
    }
    return Verification.matchedOrRejected(firstMatch(typed, counter, lookAhead), counter);
  }

  /**
   * Returns the lowest counter from {@code counter} to {@code counter + lookAhead} (stopping at
   * {@link Long#MAX_VALUE}) whose code is {@code typed}, or -1; constant time, as {@link CodeGenerator#firstMatch}.
   * {@link #check} and {@link HotpVerifier} both come here, so the window has one definition.
   */
  long firstMatch(long typed, long counter, int lookAhead) {
    return generator.firstMatch(typed, counter, lastCounter(counter, lookAhead));
  }

  /**
   * Returns the counter of {@code second} when two consecutive codes {@code first}, {@code second} follow
   * {@code counter} within {@code window} counters (RFC 4226 §7.4 resynchronisation), or -1; constant time.
   */
  long firstPairMatch(long first, long second, long counter, int window) {
    // The first code may sit at counter + window, so the second at one more.
    return generator.firstPairMatch(first, second, counter, lastCounter(counter, window + 1L));
  }

  /**
   * Counters end at {@link Long#MAX_VALUE}: a window reaching past it stops there rather than wrapping. With
   * {@code counter} 0 or more, {@code MAX_VALUE - counter} cannot overflow, and {@code Math.min} needs no branch here.
   */
  private static long lastCounter(long counter, long steps) {
    return counter + Math.min(steps, Long.MAX_VALUE - counter);
  }

  /** Checks a look-ahead: 0 to {@value HotpVerifier#MAX_LOOK_AHEAD} counters. */
  static int checkLookAhead(int counters) {
    if (counters < 0 || counters > HotpVerifier.MAX_LOOK_AHEAD) {
      throw new IllegalArgumentException("look-ahead must be from 0 to " + HotpVerifier.MAX_LOOK_AHEAD
          + " counters, was " + counters);
    }
    return counters;
  }

  /** Returns the HMAC hash this generator uses. */
  public HmacAlgorithm algorithm() {
    return parameters.algorithm();
  }

  /** Returns the number of digits in a code. */
  public int digits() {
    return parameters.digits();
  }

  CodeGenerator generator() {
    return generator;
  }

  /** Describes the parameters, never the key: {@code Hotp[SHA1, 6 digits]}. */
  @Override
  public String toString() {
    return "Hotp[" + algorithm() + ", " + digits() + " digits]";
  }

  /**
   * Configures a {@link Hotp}: its hash and code length, as {@link OtpParameters} set whole ({@link #parameters})
   * or one by one (each setter checks its argument there); {@link #build()} reads the key.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder extends GeneratorBuilder<Builder> {
    private Builder(Secret secret) {
      super(secret, OtpParameters.hotp());
    }

    /**
     * Builds the generator, computing the key's HMAC state once.
     *
     * @return the generator
     * @throws IllegalStateException if the secret was destroyed
     */
    public Hotp build() {
      OtpParameters built = parameters.build();
      return new Hotp(built, CodeGenerator.of(built, secret));
    }
  }
}
