package io.totpkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.jr.ob.JSON;

/** A test client of the API: one identity (a session cookie or a bearer token), JSON in and out. */
final class Http {
  static {
    // The JDK client keeps an idle connection 20 minutes, Jetty 30 seconds: a test that waited longer (a loaded CI
    // machine) reused a connection the server had closed ("header parser received no bytes"). Keep them 5 seconds.
    System.setProperty("jdk.httpclient.keepalive.timeout", "5");
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final URI base;
  String cookie;
  String token;

  Http(URI base) {
    this.base = base;
  }

  Http bearer(String token) {
    Http copy = new Http(base);
    copy.token = token;
    return copy;
  }

  /** One answer: status, headers, body. */
  static final class Answer {
    final int status;
    final String body;
    final HttpResponse<String> raw;

    Answer(HttpResponse<String> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body();
    }

    Map<String, Object> json() {
      try {
        return JSON.std.mapFrom(body);
      } catch (RuntimeException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String field(String name) {
      Object value = json().get(name);
      return value == null ? null : value.toString();
    }

    /** Every header and the body, for the scans. */
    String everything() {
      return raw.headers().map() + "\n" + body;
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer post(String path, String json) {
    HttpRequest.Builder b = request(path);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b.POST(json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  Answer post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (cookie != null) {
      b.header("Cookie", SignInEndpoints.COOKIE + "=" + cookie);
    }
    return b;
  }

  Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(value -> {
        if (value.startsWith(SignInEndpoints.COOKIE + "=")) {
          String v = value.substring(SignInEndpoints.COOKIE.length() + 1, value.indexOf(';'));
          cookie = v.isEmpty() ? null : v;
        }
      });
      return new Answer(response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
