package io.totpkit.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The JSON API under {@code /api/}: {@link RequestChain} with bearer tokens allowed, answers and errors as JSON
 * ({@code {"error":CODE,"message":…}}), {@code Retry-After} on 429 and {@code WWW-Authenticate} on 401.
 */
final class ApiHandler extends RequestChain {
  ApiHandler(List<Route> routes, Gate gate, boolean behindProxy, boolean tls) {
    super(routes, gate, behindProxy, tls);
  }

  @Override
  boolean owns(String path) {
    return path.startsWith("/api/");
  }

  @Override
  boolean bearer() {
    return true;
  }

  @Override
  void answer(Response response, Reply reply, Callback callback) {
    SecurityHeaders.apply(response, tls);
    write(response, reply.status, "application/json; charset=utf-8",
        JsonBody.write(reply.body).getBytes(StandardCharsets.UTF_8), reply.headers, callback);
  }

  @Override
  void refuse(Exchange exchange, Response response, ApiError e, Callback callback) {
    if (e.retryAfter != null) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfter.getSeconds()));
    }
    if (e.status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"totpkit\"");
    }
    SecurityHeaders.apply(response, tls);
    write(response, e.status, "application/json; charset=utf-8",
        JsonBody.write(ApiError.body(e.code, e.getMessage())).getBytes(StandardCharsets.UTF_8), Map.of(), callback);
  }
}
