package io.totpkit.core;

import java.util.Objects;

/**
 * What {@link Totp.Builder} and {@link Hotp.Builder} have in common: the key, and the {@link OtpParameters} of the
 * generator, set whole with {@link #parameters} or one by one, each value checked by {@link OtpParameters.Builder}.
 *
 * <p>Thread-safety: not thread-safe; use one builder per thread.
 *
 * @param <B> the concrete builder, which every setter returns
 */
abstract class GeneratorBuilder<B extends GeneratorBuilder<B>> {
  final Secret secret;
  OtpParameters.Builder parameters;

  GeneratorBuilder(Secret secret, OtpParameters.Builder defaults) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.parameters = defaults;
  }

  /**
   * Sets every parameter at once, replacing what was set before: the usual way when they come from an
   * {@link OtpAuthUri} or a store ({@code Totp.builder(secret).parameters(uri.parameters())}). A {@link Hotp} makes
   * the code of any counter, so it keeps no counter: pass {@link OtpParameters#counter()} to
   * {@link Hotp#generate(long)} or {@link Hotp#check}.
   *
   * @param parameters TOTP parameters for a {@link Totp}, HOTP parameters for a {@link Hotp}
   * @return this builder
   * @throws IllegalArgumentException if {@code parameters} are of the other type
   */
  public B parameters(OtpParameters parameters) {
    OtpType type = this.parameters.type();
    if (Objects.requireNonNull(parameters, "parameters").type() != type) {
      boolean totp = type == OtpType.TOTP;
      throw new IllegalArgumentException("a " + (totp ? "Totp" : "Hotp") + " needs " + type + " parameters, was "
          + parameters + ": build a " + (totp ? "Hotp" : "Totp") + " for them");
    }
    this.parameters = parameters.toBuilder();
    return self();
  }

  /**
   * Sets the HMAC hash; the default is SHA-1. A Steam Guard generator ignores it.
   *
   * @param algorithm the hash
   * @return this builder
   */
  public B algorithm(HmacAlgorithm algorithm) {
    parameters.algorithm(algorithm);
    return self();
  }

  /**
   * Sets the number of digits in a code; the default is 6. On a {@link Totp.Builder}, ends Steam Guard output if
   * {@link Totp.Builder#steam()} was set.
   *
   * @param digits from {@value OtpParameters#MIN_DIGITS} to {@value OtpParameters#MAX_DIGITS}
   * @return this builder
   * @throws IllegalArgumentException if {@code digits} is out of range
   */
  public B digits(int digits) {
    parameters.digits(digits);
    return self();
  }

  @SuppressWarnings("unchecked") // B is the concrete builder by the class's bound, and each subclass is final
  private B self() {
    return (B) this;
  }
}
