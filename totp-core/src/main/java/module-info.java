/**
 * totpkit core: HOTP (RFC 4226) and TOTP (RFC 6238) generation and verification, secrets, Base32 and
 * {@code otpauth://} URIs. Depends on {@code java.base} alone.
 */
module io.totpkit.core {
  exports io.totpkit.core;
}
