package io.totpkit.core;

/**
 * Thrown when an {@code otpauth://} URI cannot be parsed or does not describe a usable key: an unknown scheme or type,
 * a missing or invalid secret, digits or period out of range, a bad percent-encoding, a duplicated parameter or an
 * over-long input.
 *
 * <p>The message says what was wrong and where; it never contains the secret.
 */
public final class InvalidOtpAuthUriException extends OtpException {
  private static final long serialVersionUID = 1L;

  InvalidOtpAuthUriException(String message) {
    super(message);
  }

  InvalidOtpAuthUriException(String message, Throwable cause) {
    super(message, cause);
  }
}
