package io.totpkit.core;

/**
 * Thrown when a Google Authenticator export ({@code otpauth-migration://offline?data=…}) cannot be decoded: bad
 * Base64, a truncated or malformed protobuf message, or an account that totpkit cannot represent.
 *
 * <p>The message says what was wrong and in which entry; it never contains a secret.
 */
public final class InvalidMigrationPayloadException extends OtpException {
  private static final long serialVersionUID = 1L;

  InvalidMigrationPayloadException(String message) {
    super(message);
  }

  InvalidMigrationPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
