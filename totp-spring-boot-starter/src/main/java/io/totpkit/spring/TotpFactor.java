package io.totpkit.spring;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The TOTP factor's names in Spring Security 7's multi-factor authentication: a correct code adds
 * {@code FactorGrantedAuthority.fromFactor("TOTP")}, whose authority is {@value #AUTHORITY}.
 *
 * <pre>{@code
 * @EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, TotpFactor.AUTHORITY})
 * }</pre>
 *
 * <p>Thread-safety: constants only.
 */
public final class TotpFactor {
  /** The factor's name, as {@link FactorGrantedAuthority#fromFactor} takes it. */
  public static final String FACTOR = "TOTP";

  /** The authority a signed-in user holds once they entered a correct code (or a recovery code). */
  public static final String AUTHORITY = "FACTOR_TOTP";

  private TotpFactor() {}

  /** A fresh authority for this factor, issued now. */
  static FactorGrantedAuthority authority() {
    return FactorGrantedAuthority.fromFactor(FACTOR);
  }
}
