package io.totpkit.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/**
 * The headers every answer carries: never cached, never framed, never sniffed, no referrer; HSTS over TLS. The API's
 * policy allows nothing to load; the pages' allows the server's own script, style sheet and images, no inline script,
 * and forms posting only to the server itself.
 */
final class SecurityHeaders {
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
      + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void apply(Response response, boolean tls) {
    apply(response, tls, API_POLICY);
  }

  static void apply(Response response, boolean tls, String policy) {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("Content-Security-Policy", policy);
    if (tls) {
      response.getHeaders().put(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
  }
}
