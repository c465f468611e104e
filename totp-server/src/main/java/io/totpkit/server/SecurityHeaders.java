package io.totpkit.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/** The headers every answer carries: never cached, never framed, never sniffed, no referrer; HSTS over TLS. */
final class SecurityHeaders {
  private SecurityHeaders() {}

  static void apply(Response response, boolean tls) {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (tls) {
      response.getHeaders().put(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
  }
}
