package io.totpkit.server;

import io.totpkit.vault.UnknownMemberException;
import io.totpkit.vault.VaultAccessException;
import io.totpkit.vault.VaultException;
import io.totpkit.vault.VaultLockedException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one chain every request runs through, for the API and the pages: find the route, work out the client's
 * address, let the {@link Gate} <b>authenticate</b> and <b>authorise</b> against the route's {@link Permission}, run
 * the endpoint, <b>respond</b> with headers that keep answers out of caches and frames. A failure anywhere becomes the
 * subclass's error answer (JSON for the API, a page for the pages): no stack trace, no secret, no library's message.
 * Subclasses say which paths are theirs, how an answer and an error look, and what else a request must carry.
 */
abstract class RequestChain extends Handler.Abstract {
  private static final System.Logger LOG = System.getLogger("io.totpkit.server");

  private final List<Route> routes;
  final Gate gate;
  private final boolean behindProxy;
  final boolean tls;

  RequestChain(List<Route> routes, Gate gate, boolean behindProxy, boolean tls) {
    this.routes = List.copyOf(routes);
    this.gate = gate;
    this.behindProxy = behindProxy;
    this.tls = tls;
  }

  /** Whether this chain answers {@code path}; the next handler gets the others. */
  abstract boolean owns(String path);

  /** Whether a bearer token may authenticate here. */
  abstract boolean bearer();

  /** A check a request must pass after the gate and before its endpoint (the pages' CSRF token). */
  void check(Exchange exchange, Route route) {
    // Nothing beyond the gate by default.
  }

  /** Writes an endpoint's reply. */
  abstract void answer(Response response, Reply reply, Callback callback);

  /** Writes a refusal. */
  abstract void refuse(Exchange exchange, Response response, ApiError error, Callback callback);

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!owns(path)) {
      return false;
    }
    Exchange exchange = new Exchange(request, null, ClientAddress.of(Request.getRemoteAddr(request),
        request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR), behindProxy), tls || behindProxy);
    try {
      Route route = route(request, path, exchange);
      gate.admit(exchange, route.permission, bearer());
      check(exchange, route);
      answer(response, route.endpoint.answer(exchange), callback);
    } catch (ApiError e) {
      refuse(exchange, request, response, e, callback);
    } catch (UnknownMemberException removed) {
      // A token revoked, or a member removed, while their vault was open here: they are no one now.
      gate.forget(exchange);
      refuse(exchange, request, response, ApiError.unauthenticated(), callback);
    } catch (VaultAccessException e) {
      // The vault's own words: which member, which rule ("may add entries only under tags they were granted").
      refuse(exchange, request, response, ApiError.forbidden(e.getMessage()), callback);
    } catch (VaultLockedException e) {
      refuse(exchange, request, response, new ApiError(503, "BUSY", "the vault is busy with another change; try "
          + "again in a moment"), callback);
    } catch (ServerStateException e) {
      LOG.log(Level.ERROR, e.getMessage());
      refuse(exchange, request, response, new ApiError(500, "STATE_ERROR", "the server's own state could not be "
          + "read or written; the server's log says more"), callback);
    } catch (VaultException e) {
      LOG.log(Level.ERROR, "vault failure: " + e.getClass().getSimpleName());
      refuse(exchange, request, response, new ApiError(500, "VAULT_ERROR", "the vault could not be read or "
          + "written; the server's log says more"), callback);
    } catch (Exception | AssertionError e) {
      LOG.log(Level.ERROR, "internal error: " + e.getClass().getName());
      refuse(exchange, request, response, new ApiError(500, "INTERNAL", "the server failed to answer"), callback);
    }
    return true;
  }

  /**
   * Refuses, and when the request came with a body that may not have been read (a caller refused before it was
   * looked at), says the connection closes: Jetty cannot always drain such a body and then closes the connection
   * anyway, and a client that was not told would send its next request on it and get no answer.
   */
  private void refuse(Exchange exchange, Request request, Response response, ApiError error, Callback callback) {
    if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    refuse(exchange, response, error, callback);
  }

  private Route route(Request request, String path, Exchange exchange) {
    boolean pathKnown = false;
    for (Route candidate : routes) {
      String match = candidate.match(path);
      if (match != null) {
        pathKnown = true;
        if (candidate.method.equals(request.getMethod())) {
          exchange.parameter = match;
          return candidate;
        }
      }
    }
    throw pathKnown ? new ApiError(405, "METHOD_NOT_ALLOWED", "this path does not take " + request.getMethod())
        : new ApiError(404, "NOT_FOUND", "no such page or endpoint");
  }

  /** Writes status, headers and body. */
  static void write(Response response, int status, String contentType, byte[] body, Map<String, String> headers,
      Callback callback) {
    response.setStatus(status);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      response.getHeaders().add(header.getKey(), header.getValue());
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
