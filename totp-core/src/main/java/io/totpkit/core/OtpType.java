package io.totpkit.core;

/**
 * The kind of one-time password an {@code otpauth://} URI describes.
 *
 * <p>Thread-safety: immutable.
 */
public enum OtpType {
  /** Time-based, RFC 6238; the {@code totp} in {@code otpauth://totp/…}. Steam Guard keys are TOTP keys too. */
  TOTP,
  /** Counter-based, RFC 4226; the {@code hotp} in {@code otpauth://hotp/…}. */
  HOTP;

  /** Returns the name as written in a URI: {@code totp} or {@code hotp}. */
  String uriName() {
    return this == TOTP ? "totp" : "hotp";
  }
}
