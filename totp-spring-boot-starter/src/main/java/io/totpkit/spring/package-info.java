/**
 * A TOTP factor for Spring Security 7's multi-factor authentication, as a Spring Boot 4 starter: the application
 * adds the dependency, sets {@code totpkit.*} ({@link io.totpkit.spring.TotpProperties}) and writes
 * {@code @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY,
 * TotpFactor.AUTHORITY})}.
 *
 * <h2>What a user sees</h2>
 * <ol>
 *   <li>The first factor (form login, say). A request that needs {@value io.totpkit.spring.TotpFactor#AUTHORITY} is
 *       sent to the code page ({@code /login/totp}).
 *   <li>A user without a confirmed key sees the enrollment there: a QR code (with totp-qr on the class path) and the
 *       setup key; the first correct code activates the key and proves the factor.
 *   <li>Otherwise the page asks for the code (or a recovery code, in the same field). A correct one adds the
 *       factor to the authentication and returns the user to the page they asked for; anything else shows one
 *       message, "That code was not accepted", whatever the reason.
 * </ol>
 *
 * <h2>Public API</h2>
 * {@link io.totpkit.spring.TotpAuthenticationService} (verify), {@link io.totpkit.spring.TotpEnrollment} (begin,
 * confirm), {@link io.totpkit.spring.RecoveryCodes} (generate, use, remaining); the storage SPIs
 * {@link io.totpkit.spring.TotpKeyRepository} and {@link io.totpkit.spring.RecoveryCodeRepository} with their JDBC
 * implementations; {@link io.totpkit.spring.TotpFactorConfigurer} for chains chosen by hand; the events
 * {@link io.totpkit.spring.TotpAuthenticationSuccessEvent} and {@link io.totpkit.spring.TotpAuthenticationFailureEvent}.
 * Everything else is package-private. The OTP logic is totpkit's ({@code TotpVerifier}, the guards): the starter maps
 * properties and beans onto it.
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>Codes are checked for the principal already in the security context, never a name from the request.
 *   <li>Users' TOTP keys are stored encrypted (AES-256-GCM; key id and username as associated data), decrypted for
 *       one check and wiped; application keys rotate by adding an id and making it current.
 *   <li>Replay guard and attempt limiter are shared through the application's {@code DataSource}; in memory without
 *       one (a start-up warning says they are then per instance).
 *   <li>Recovery codes: 80 bits each, stored as SHA-256 hashes over username and code, consumed by one atomic delete.
 *   <li>First-sign-in enrollment: a user with no confirmed key enrolls after the first factor alone, as Keycloak's
 *       "configure OTP" action does. Create keys for users ahead of time (or turn the page off) where the password
 *       alone must not be enough to enroll.
 * </ul>
 */
package io.totpkit.spring;
