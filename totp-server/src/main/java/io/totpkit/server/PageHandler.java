package io.totpkit.server;

import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The staff pages (everything outside {@code /api/}): {@link RequestChain} with the session cookie only, a CSRF token
 * required on every form that acts for a signed-in or signing-in member, refusals as pages, and an unauthenticated
 * visitor sent to the sign-in page.
 */
final class PageHandler extends RequestChain {
  private final StaffPages pages;

  PageHandler(StaffPages pages, OnboardingLinks links, Gate gate, boolean behindProxy, boolean tls) {
    super(routes(pages, links), gate, behindProxy, tls);
    this.pages = pages;
  }

  private static java.util.List<Route> routes(StaffPages pages, OnboardingLinks links) {
    java.util.List<Route> all = new java.util.ArrayList<>(pages.routes());
    all.addAll(new AddPages(pages).routes());
    all.addAll(new AuditPage(pages).routes());
    all.addAll(new SettingsPage(pages, pages.state).routes());
    all.addAll(new MembersPage(pages, pages.invitations).routes());
    all.addAll(new InvitationPages(pages, pages.invitations).routes());
    all.addAll(new OnboardingPages(pages, links, pages.reveals).routes());
    return all;
  }

  @Override
  boolean owns(String path) {
    return !path.startsWith("/api/");
  }

  @Override
  boolean bearer() {
    return false;
  }

  /** Every POST past the first sign-in step carries the session's CSRF token, compared in constant time. */
  @Override
  void check(Exchange exchange, Route route) {
    if (route.method.equals("POST") && route.permission != Permission.ANYONE
        && !exchange.session.csrfMatches(exchange.form().get("csrf"))) {
      throw ApiError.forbidden("this form is out of date or came from another site; open the page again");
    }
  }

  @Override
  void answer(Response response, Reply reply, Callback callback) {
    SecurityHeaders.apply(response, tls, SecurityHeaders.PAGE_POLICY);
    write(response, reply.status, reply.contentType, reply.bytes, reply.headers, callback);
  }

  @Override
  void refuse(Exchange exchange, Response response, ApiError e, Callback callback) {
    if (e.status == 401) {
      answer(response, Reply.redirect("/sign-in"), callback);
      return;
    }
    Reply page = pages.message(exchange, e.status, e.status == 404 ? "Not found" : "Not possible", e.getMessage());
    SecurityHeaders.apply(response, tls, SecurityHeaders.PAGE_POLICY);
    write(response, page.status, page.contentType, page.bytes, Map.of(), callback);
  }
}
