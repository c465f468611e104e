package io.totpkit.spring;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The one rule for whom the factor's page serves: the principal already authenticated in this request's security
 * context (by a first factor), never a name taken from the request (cf. spring-security#18112).
 *
 * <p>Thread-safety: stateless.
 */
final class FirstFactor {
  private FirstFactor() {}

  /** The current authentication if a real user is signed in; {@code null} for nobody or an anonymous token. */
  static Authentication current(SecurityContextHolderStrategy holder) {
    Authentication authentication = holder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }

  static boolean hasTotp(Authentication authentication) {
    return authentication.getAuthorities().stream().anyMatch(a -> TotpFactor.AUTHORITY.equals(a.getAuthority()));
  }
}
