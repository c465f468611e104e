package io.totpkit.examples.spring;

import io.totpkit.spring.TotpAuthenticationFailureEvent;
import io.totpkit.spring.TotpAuthenticationSuccessEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One audit line per code typed, from the starter's events: the user sees one message for every refusal, the
 * operator sees why (wrong, replayed, throttled, malformed) and, for a good code, how far the phone's clock is off.
 * The events carry no code or key, so neither can reach the log from here.
 */
@Component
class SignInAudit {
  private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

  // audit:begin
  @EventListener
  void accepted(TotpAuthenticationSuccessEvent event) {
    log.info("second factor accepted for {}: {}", event.getAuthentication().getName(),
        event.recoveryCode() ? "recovery code" : "code, drift " + event.offset().orElse(0) + " steps");
  }

  @EventListener
  void refused(TotpAuthenticationFailureEvent event) {
    log.warn("second factor refused for {}: {}", event.getAuthentication().getName(), event.outcome());
  }
  // audit:end
}
