package io.totpkit.server;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The one place that decides who may pass, for the API and the pages alike: refuse a browser's cross-site request,
 * <b>authenticate</b> (a bearer token on the API, the session cookie everywhere), then <b>authorise</b> against the
 * route's {@link Permission}. No endpoint checks any of this itself.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Gate {
  private final Sessions sessions;
  private final TokenCallers tokens;

  Gate(Sessions sessions, TokenCallers tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /**
   * Lets the request through to a route needing {@code permission}, with its caller or session set on the exchange.
   *
   * @param bearer whether a bearer token may authenticate (the API: yes; the pages: only the cookie)
   * @throws ApiError 401 or 403 if it may not pass
   */
  void admit(Exchange exchange, Permission permission, boolean bearer) {
    refuseCrossSite(exchange.request);
    String authorization = exchange.header(HttpHeader.AUTHORIZATION);
    if (bearer && authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiError.unauthenticated();
      }
      exchange.caller = tokens.authenticate(authorization.substring(7).trim(), exchange.client);
    } else {
      String id = cookie(exchange.request);
      Session session = sessions.find(id);
      if (session != null) {
        exchange.sessionId = id;
        exchange.session = session;
        if (session.stage() == Session.Stage.SIGNED_IN) {
          exchange.caller = session.caller();
        }
      }
    }
    switch (permission) {
      case ANYONE:
        return;
      case PASSPHRASE_CHECKED:
        if (exchange.session == null || exchange.session.stage() != Session.Stage.PASSPHRASE_CHECKED) {
          throw new ApiError(401, "UNAUTHENTICATED", "start with your member name and passphrase");
        }
        return;
      case CALLER:
        if (exchange.caller == null) {
          throw ApiError.unauthenticated();
        }
        return;
      case OWNER:
        if (exchange.caller == null) {
          throw ApiError.unauthenticated();
        }
        if (exchange.caller.kind != Caller.Kind.SESSION
            || exchange.caller.vault.role() != io.totpkit.vault.Role.OWNER) {
          throw ApiError.forbidden("only an OWNER may see this");
        }
        return;
      case ADD:
        if (exchange.caller == null) {
          throw ApiError.unauthenticated();
        }
        if (!exchange.caller.mayAdd) {
          throw ApiError.forbidden("only an OWNER, a CONTRIBUTOR or a token created with --can-add may add "
              + "accounts");
        }
        return;
      default:
        throw new AssertionError("a permission without a rule: " + permission);
    }
  }

  /** Forgets a caller the vault no longer knows (a token revoked, a member removed). */
  void forget(Exchange exchange) {
    if (exchange.caller != null && exchange.caller.kind == Caller.Kind.TOKEN) {
      tokens.forget(exchange.caller);
    } else {
      sessions.end(exchange.sessionId);
    }
  }

  /**
   * A browser's cross-site request is refused; the session cookie is SameSite=Strict as well. Browsers say where a
   * request comes from in {@code Sec-Fetch-Site} (only {@code same-origin} and {@code none}, a typed address, pass);
   * without it, {@code Origin} must name this server. (With {@code Referrer-Policy: no-referrer} a browser's form
   * posts carry {@code Origin: null}, so {@code Sec-Fetch-Site} is the header that counts for the pages.)
   */
  private static void refuseCrossSite(Request request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null) {
      if (!site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
        throw ApiError.forbidden("cross-site requests are refused");
      }
      return;
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null) {
      String host = request.getHeaders().get(HttpHeader.HOST);
      String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
      if (host == null || !originHost.equalsIgnoreCase(host)) {
        throw ApiError.forbidden("cross-site requests are refused");
      }
    }
  }

  private static String cookie(Request request) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (SignInEndpoints.COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
