package io.totpkit.core;

/**
 * The base type of every exception totpkit raises for input it cannot accept: a malformed secret, a hostile
 * {@code otpauth://} URI, a corrupt export, an unreadable image or vault file.
 *
 * <p>Messages say what was wrong and where, written for the person who supplied the input. They never contain key
 * material. Caller mistakes that are programming errors (a {@code null} argument, a builder value out of range) are
 * reported with the JDK's {@link IllegalArgumentException}, {@link IllegalStateException} and
 * {@link NullPointerException} instead.
 */
public class OtpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that contains no key material.
   *
   * @param message what was wrong and where
   */
  protected OtpException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message that contains no key material, and its cause.
   *
   * @param message what was wrong and where
   * @param cause the underlying failure
   */
  protected OtpException(String message, Throwable cause) {
    super(message, cause);
  }
}
