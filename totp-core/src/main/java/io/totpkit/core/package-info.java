/**
 * One-time passwords: HOTP (<a href="https://www.rfc-editor.org/rfc/rfc4226">RFC 4226</a>) and TOTP
 * (<a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>), their verification, secrets, Base32 and
 * {@code otpauth://} URIs.
 *
 * <p>The entry points are {@link io.totpkit.core.Secret}, {@link io.totpkit.core.Totp}, {@link io.totpkit.core.Hotp},
 * {@link io.totpkit.core.TotpVerifier}, {@link io.totpkit.core.HotpVerifier}, {@link io.totpkit.core.OtpAuthUri} and
 * {@link io.totpkit.core.MigrationPayload}. {@link io.totpkit.core.OtpParameters} holds how codes are made, apart
 * from the key, and checks every range once; {@link io.totpkit.core.AuthenticatorText} is the one rule that tells
 * {@code otpauth:}, {@code otpauth-migration:} and {@code steam:} texts apart. Every error this package raises on bad input is an
 * {@link io.totpkit.core.OtpException}; a wrong one-time password is a {@link io.totpkit.core.Verification} result,
 * not an exception.
 *
 * <h2>Security</h2>
 * No type in this package prints key material in {@code toString()} or in an exception message. Codes are compared
 * in constant time. Generated secrets come from {@link java.security.SecureRandom}.
 */
package io.totpkit.core;
