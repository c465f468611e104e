package io.totpkit.spring.sampleapp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A real HTTP client with its own cookie jar (one browser session); follows no redirect by itself. */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  /** Every response body and Location header this browser saw, for the leak checks. */
  final List<String> seen;

  Browser(int port, List<String> seen) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.seen = seen;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The current session cookie's value, or null. */
  String sessionId() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** The path a redirect points to, without scheme and host. */
  static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    return location.replaceFirst("^https?://[^/]+", "");
  }

  static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token in " + page.body());
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      seen.add(response.body());
      response.headers().firstValue("Location").ifPresent(seen::add);
      return response;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
