package io.totpkit.core;

import java.util.Objects;

/**
 * Counter-based one-time passwords, HOTP (<a href="https://www.rfc-editor.org/rfc/rfc4226">RFC 4226</a>).
 *
 * <pre>{@code
 * Hotp hotp = Hotp.builder(secret).algorithm(HmacAlgorithm.SHA1).digits(6).build();
 * String code = hotp.generate(42L);
 * }</pre>
 *
 * <p>Counters run from 0 to {@link Long#MAX_VALUE}. The key's HMAC pads are computed once in {@link Builder#build()},
 * so a {@code Hotp} holds derived key material; it is independent of the {@link Secret} it was built from.
 *
 * <p>Thread-safety: immutable; safe to share between threads without locks.
 */
public final class Hotp {
  /** The fewest digits a code may have (RFC 4226 §5.3 requires at least 6). */
  public static final int MIN_DIGITS = 6;
  /** The most digits a code may have: the truncated value has 31 bits, so more digits add nothing. */
  public static final int MAX_DIGITS = 10;

  private final CodeGenerator generator;

  private Hotp(CodeGenerator generator) {
    this.generator = generator;
  }

  /**
   * Starts a builder with the RFC 4226 defaults: HMAC-SHA-1 and 6 digits.
   *
   * @param secret the shared key; its bytes are read once, in {@link Builder#build()}
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
    if (counter < 0) {
      throw new IllegalArgumentException("counter must not be negative, was " + counter);
    }
    return generator.code(counter);
  }

  /** Returns the HMAC hash this generator uses. */
  public HmacAlgorithm algorithm() {
    return generator.algorithm();
  }

  /** Returns the number of digits in a code. */
  public int digits() {
    return generator.length();
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
   * Configures a {@link Hotp}; each setter checks its argument, and {@link #build()} reads the key.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final Secret secret;
    private HmacAlgorithm algorithm = HmacAlgorithm.SHA1;
    private int digits = 6;

    private Builder(Secret secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
    }

    /**
     * Sets the HMAC hash; the default is SHA-1.
     *
     * @param algorithm the hash
     * @return this builder
     */
    public Builder algorithm(HmacAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets the code length; the default is 6.
     *
     * @param digits from {@value Hotp#MIN_DIGITS} to {@value Hotp#MAX_DIGITS}
     * @return this builder
     * @throws IllegalArgumentException if {@code digits} is out of range
     */
    public Builder digits(int digits) {
      this.digits = checkDigits(digits);
      return this;
    }

    /**
     * Builds the generator, computing the key's HMAC state once.
     *
     * @return the generator
     * @throws IllegalStateException if the secret was destroyed
     */
    public Hotp build() {
      return new Hotp(CodeGenerator.decimal(algorithm, secret, digits));
    }
  }

  static int checkDigits(int digits) {
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
      throw new IllegalArgumentException("digits must be from " + MIN_DIGITS + " to " + MAX_DIGITS + ", was "
          + digits);
    }
    return digits;
  }
}
