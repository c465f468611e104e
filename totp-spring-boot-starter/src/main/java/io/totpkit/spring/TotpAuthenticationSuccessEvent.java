package io.totpkit.spring;

import java.util.OptionalInt;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;

/**
 * Published when a signed-in user proves the TOTP factor on the code page: with a code (offset present), a recovery
 * code ({@link #recoveryCode()}), or the first code of their enrollment. Carries the upgraded authentication.
 *
 * <p>Thread-safety: immutable.
 */
public final class TotpAuthenticationSuccessEvent extends AuthenticationSuccessEvent {
  private static final long serialVersionUID = 1L;

  private final transient OptionalInt offset;
  private final boolean recoveryCode;

  TotpAuthenticationSuccessEvent(Authentication authentication, OptionalInt offset, boolean recoveryCode) {
    super(authentication);
    this.offset = offset;
    this.recoveryCode = recoveryCode;
  }

  /** @return always {@link TotpOutcome#ACCEPTED} */
  public TotpOutcome outcome() {
    return TotpOutcome.ACCEPTED;
  }

  /** @return the drift offset in steps for a TOTP code; empty for a recovery code */
  public OptionalInt offset() {
    return offset == null ? OptionalInt.empty() : offset;
  }

  /** @return whether a recovery code was used (the application may urge the user to make new ones) */
  public boolean recoveryCode() {
    return recoveryCode;
  }
}
