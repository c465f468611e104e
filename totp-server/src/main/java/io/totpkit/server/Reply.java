package io.totpkit.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint's answer: a status, a body (a JSON value, or bytes of a content type), and headers to add. */
final class Reply {
  final int status;
  final Object body;
  final String contentType;
  final byte[] bytes;
  final Map<String, String> headers;

  private Reply(int status, Object body, String contentType, byte[] bytes, Map<String, String> headers) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.bytes = bytes;
    this.headers = headers;
  }

  static Reply ok(Object body) {
    return new Reply(200, body, null, null, Map.of());
  }

  static Reply created(Object body) {
    return new Reply(201, body, null, null, Map.of());
  }

  /** A page (or a page's asset) of the given type. */
  static Reply of(int status, String contentType, byte[] bytes) {
    return new Reply(status, null, contentType, bytes, Map.of());
  }

  /** 303 See Other: after a form's POST, the browser GETs {@code location}. */
  static Reply redirect(String location) {
    return new Reply(303, null, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, contentType, bytes, Map.copyOf(more));
  }
}
