package io.totpkit.spring;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;

/**
 * Published when a code on the factor's page is not accepted; {@link #outcome()} tells a wrong code from a replayed,
 * throttled or malformed one, or a user without a key. Carries the first-factor authentication, never the code.
 *
 * <p>Thread-safety: immutable.
 */
public final class TotpAuthenticationFailureEvent extends AbstractAuthenticationFailureEvent {
  private static final long serialVersionUID = 1L;

  TotpAuthenticationFailureEvent(Authentication authentication, TotpCodeNotAcceptedException exception) {
    super(authentication, exception);
  }

  /** @return what the verification decided */
  public TotpOutcome outcome() {
    return ((TotpCodeNotAcceptedException) getException()).outcome();
  }
}
