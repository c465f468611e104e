package io.totpkit.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint's answer: a status, a JSON value, and headers to add (cookies). */
final class Reply {
  final int status;
  final Object body;
  final Map<String, String> headers;

  private Reply(int status, Object body, Map<String, String> headers) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  static Reply created(Object body) {
    return new Reply(201, body, Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, Map.copyOf(more));
  }
}
