package io.totpkit.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalInt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives the code form ({@code POST} on the code page, parameter {@code code}; Spring Security's CSRF filter has
 * checked the token before): checks the code for the signed-in principal, and on success adds the TOTP factor
 * authority to the authentication, saves the context and sends the user on to the request that needed the factor.
 * A user without a confirmed key is confirming their enrollment; a code shaped like a recovery code is one.
 * Every refusal redirects to the page with {@code ?error}: one message for the user whatever the outcome, while the
 * application sees the outcome in a {@link TotpAuthenticationFailureEvent}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class TotpCodeFilter extends OncePerRequestFilter {
  private final String codePage;
  private final TotpAuthenticationService service;
  private final TotpEnrollment enrollment;
  private final RecoveryCodes recoveryCodes;
  private final SecurityContextHolderStrategy holder;
  private final SecurityContextRepository contextRepository;
  private final AuthenticationSuccessHandler successHandler;
  private final ApplicationEventPublisher events;

  TotpCodeFilter(String codePage, TotpAuthenticationService service, TotpEnrollment enrollment,
      RecoveryCodes recoveryCodes, SecurityContextHolderStrategy holder, SecurityContextRepository contextRepository,
      AuthenticationSuccessHandler successHandler, ApplicationEventPublisher events) {
    this.codePage = codePage;
    this.service = service;
    this.enrollment = enrollment;
    this.recoveryCodes = recoveryCodes;
    this.holder = holder;
    this.contextRepository = contextRepository;
    this.successHandler = successHandler;
    this.events = events;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !codePage.equals(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = FirstFactor.current(holder);
    if (current == null) {
      chain.doFilter(request, response); // nobody signed in: authorization sends them to the first factor
      return;
    }
    String username = current.getName();
    String code = request.getParameter("code");
    if (code == null) {
      code = "";
    }
    boolean recovery = false;
    TotpOutcome outcome;
    OptionalInt offset = OptionalInt.empty();
    if (!service.isEnrolled(username)) {
      TotpVerificationResult result = enrollment.confirm(username, code);
      outcome = result.outcome();
      offset = result.offset();
    } else if (recoveryCodes != null && RecoveryCodes.looksLikeRecoveryCode(code)) {
      recovery = true;
      outcome = recoveryCodes.use(username, code);
    } else {
      TotpVerificationResult result = service.verify(username, code);
      outcome = result.outcome();
      offset = result.offset();
    }
    if (outcome != TotpOutcome.ACCEPTED) {
      events.publishEvent(new TotpAuthenticationFailureEvent(current, new TotpCodeNotAcceptedException(outcome)));
      response.sendRedirect(request.getContextPath() + codePage + "?error");
      return;
    }
    Authentication upgraded = current.toBuilder()
        .authorities(authorities -> authorities.add(TotpFactor.authority())).build();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // a new privilege level: a session id learnt before it is worth nothing after
    }
    SecurityContext context = holder.createEmptyContext();
    context.setAuthentication(upgraded);
    holder.setContext(context);
    contextRepository.saveContext(context, request, response);
    events.publishEvent(new TotpAuthenticationSuccessEvent(upgraded, offset, recovery));
    successHandler.onAuthenticationSuccess(request, response, upgraded);
  }
}
