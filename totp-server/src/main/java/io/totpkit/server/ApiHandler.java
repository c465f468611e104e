package io.totpkit.server;

import io.totpkit.vault.UnknownMemberException;
import io.totpkit.vault.VaultAccessException;
import io.totpkit.vault.VaultException;
import io.totpkit.vault.VaultLockedException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one chain every request runs through: find the route, work out the client's address, <b>authenticate</b>
 * (bearer token or session cookie), <b>authorise</b> against the route's {@link Permission}, run the endpoint,
 * <b>respond</b> in JSON with headers that keep answers out of caches and frames. Endpoints never check who may call
 * them; entries are reached only through the caller's own vault keys ({@link Caller#account}). Any failure becomes
 * {@code {"error":CODE,"message":…}}: no stack trace, no secret, no library's own message.
 */
final class ApiHandler extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger("io.totpkit.server");

  private final List<Route> routes;
  private final Sessions sessions;
  private final TokenCallers tokens;
  private final boolean behindProxy;
  private final boolean tls;

  ApiHandler(List<Route> routes, Sessions sessions, TokenCallers tokens, boolean behindProxy, boolean tls) {
    this.routes = List.copyOf(routes);
    this.sessions = sessions;
    this.tokens = tokens;
    this.behindProxy = behindProxy;
    this.tls = tls;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange exchange = null;
    try {
      String path = Request.getPathInContext(request);
      Route route = null;
      String parameter = null;
      boolean pathKnown = false;
      for (Route candidate : routes) {
        String match = candidate.match(path);
        if (match != null) {
          pathKnown = true;
          if (candidate.method.equals(request.getMethod())) {
            route = candidate;
            parameter = match;
            break;
          }
        }
      }
      if (route == null) {
        throw pathKnown ? new ApiError(405, "METHOD_NOT_ALLOWED", "this path does not take " + request.getMethod())
            : new ApiError(404, "NOT_FOUND", "no such endpoint");
      }
      String client = ClientAddress.of(Request.getRemoteAddr(request),
          request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR), behindProxy);
      exchange = new Exchange(request, parameter, client, tls || behindProxy);
      refuseCrossSite(request);
      authenticate(exchange, route.permission);
      send(request, response, callback, route.endpoint.answer(exchange));
    } catch (ApiError e) {
      error(request, response, callback, e);
    } catch (UnknownMemberException removed) {
      // A token revoked, or a member removed, while their vault was open here: they are no one now.
      if (exchange != null && exchange.caller != null && exchange.caller.kind == Caller.Kind.TOKEN) {
        tokens.forget(exchange.caller);
      } else if (exchange != null) {
        sessions.end(exchange.sessionId);
      }
      error(request, response, callback, ApiError.unauthenticated());
    } catch (VaultAccessException e) {
      // The vault's own words: which member, which rule ("may add entries only under tags they were granted").
      error(request, response, callback, ApiError.forbidden(e.getMessage()));
    } catch (VaultLockedException e) {
      error(request, response, callback, new ApiError(503, "BUSY", "the vault is busy with another change; try "
          + "again in a moment"));
    } catch (ServerStateException e) {
      LOG.log(Level.ERROR, e.getMessage());
      error(request, response, callback, new ApiError(500, "STATE_ERROR", "the server's own state could not be read "
          + "or written; the server's log says more"));
    } catch (VaultException e) {
      LOG.log(Level.ERROR, "vault failure: " + e.getClass().getSimpleName());
      error(request, response, callback, new ApiError(500, "VAULT_ERROR", "the vault could not be read or "
          + "written; the server's log says more"));
    } catch (Exception | AssertionError e) {
      LOG.log(Level.ERROR, "internal error: " + e.getClass().getName());
      error(request, response, callback, new ApiError(500, "INTERNAL", "the server failed to answer"));
    }
    return true;
  }

  /** A browser's cross-site request carrying our cookie is refused; the cookie is SameSite=Strict as well. */
  private static void refuseCrossSite(Request request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(site)) {
      throw ApiError.forbidden("cross-site requests are refused");
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

  private void authenticate(Exchange exchange, Permission permission) {
    String authorization = exchange.header(HttpHeader.AUTHORIZATION);
    if (authorization != null) {
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
          throw new ApiError(401, "UNAUTHENTICATED", "start with your member name and passphrase "
              + "(POST /api/v1/session)");
        }
        return;
      case CALLER:
        if (exchange.caller == null) {
          throw ApiError.unauthenticated();
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

  private static String cookie(Request request) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (SignInEndpoints.COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private void send(Request request, Response response, Callback callback, Reply reply) {
    for (Map.Entry<String, String> header : reply.headers.entrySet()) {
      response.getHeaders().add(header.getKey(), header.getValue());
    }
    write(request, response, callback, reply.status, JsonBody.write(reply.body));
  }

  private void error(Request request, Response response, Callback callback, ApiError e) {
    if (e.retryAfter != null) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfter.getSeconds()));
    }
    if (e.status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"totpkit\"");
    }
    write(request, response, callback, e.status, JsonBody.write(ApiError.body(e.code, e.getMessage())));
  }

  private void write(Request request, Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    SecurityHeaders.apply(response, tls);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
