package io.totpkit.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the default code page ({@code GET} on the code page) to a signed-in user, in front of authorization as
 * Spring Security's own login page is, so that a user with the first factor only can reach it. Off with
 * {@code totpkit.factor.default-page=false}, for an application that serves its own page there.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class TotpCodePageFilter extends OncePerRequestFilter {
  private final String codePage;
  private final TotpAuthenticationService service;
  private final TotpEnrollment enrollment;
  private final SecurityContextHolderStrategy holder;

  TotpCodePageFilter(String codePage, TotpAuthenticationService service, TotpEnrollment enrollment,
      SecurityContextHolderStrategy holder) {
    this.codePage = codePage;
    this.service = service;
    this.enrollment = enrollment;
    this.holder = holder;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !codePage.equals(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = FirstFactor.current(holder);
    if (current == null) {
      chain.doFilter(request, response);
      return;
    }
    String username = current.getName();
    EnrollmentStart start = service.isEnrolled(username) ? null : enrollment.beginOrResume(username, username);
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String html = TotpCodePage.render(request.getContextPath() + codePage,
        csrf == null ? null : csrf.getParameterName(), csrf == null ? null : csrf.getToken(),
        request.getParameter("error") != null, start);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html;charset=UTF-8");
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
