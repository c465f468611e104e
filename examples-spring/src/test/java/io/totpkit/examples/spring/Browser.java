package io.totpkit.examples.spring;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser session against the running sample: java.net.http with its own cookie jar, following no redirect by
 * itself (the tests follow each one and check where it points), reading CSRF tokens from the pages.
 */
final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private final List<String> seen;

  /** A browser on {@code port} that adds every response body and Location header to {@code seen}. */
  Browser(int port, List<String> seen) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.seen = seen;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** POSTs {@code form} to {@code path} with the CSRF token of {@code page}. */
  HttpResponse<String> submit(String path, HttpResponse<String> page, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "_csrf=" + encode(csrf(page)) + "&", ""));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The path a redirect points to, without scheme and host. */
  static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
    return location.replaceFirst("^https?://[^/]+", "");
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no CSRF token in " + page.body());
    }
    return m.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
