package io.totpkit.spring;

import org.springframework.security.core.AuthenticationException;

/**
 * Why a code on the factor's page was not accepted, for {@link TotpAuthenticationFailureEvent} listeners: the
 * {@link #outcome()} (REJECTED, REPLAYED, THROTTLED, MALFORMED or NOT_ENROLLED). The message names the outcome and
 * never the code. The user is shown one message whatever the outcome.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class TotpCodeNotAcceptedException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final TotpOutcome outcome;

  TotpCodeNotAcceptedException(TotpOutcome outcome) {
    super("TOTP code not accepted: " + outcome);
    this.outcome = outcome;
  }

  /** @return what the verification decided */
  public TotpOutcome outcome() {
    return outcome;
  }
}
