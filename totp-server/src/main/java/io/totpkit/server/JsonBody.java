package io.totpkit.server;

import io.totpkit.core.UntrustedText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * A request's JSON object, read strictly: one object, only the fields an endpoint names, each of the expected type.
 * Parsing errors become a 400 naming the field, never the parser's own message (which quotes the input).
 *
 * <p>Thread-safety: immutable after construction.
 */
final class JsonBody {
  private static final JSON JSON_IN = JSON.std.with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS, true);

  private final Map<String, Object> fields;

  private JsonBody(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * Parses a request body.
   *
   * @param text the body; empty means an empty object
   * @param allowed the field names the endpoint reads; any other is refused
   */
  static JsonBody parse(String text, Set<String> allowed) {
    if (text.isBlank()) {
      return new JsonBody(Map.of());
    }
    Map<String, Object> map;
    try {
      map = JSON_IN.mapFrom(text);
    } catch (JacksonException | ClassCastException e) {
      throw ApiError.badRequest("the body is not a JSON object");
    }
    if (map == null) {
      throw ApiError.badRequest("the body is not a JSON object");
    }
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw ApiError.badRequest("unknown field \"" + UntrustedText.forTerminal(key.length() > 64 ? key.substring(0, 64) + "…" : key) + "\"; this request takes "
            + String.join(", ", allowed));
      }
    }
    return new JsonBody(map);
  }

  /** A string field, or {@code null} if absent or JSON null. */
  String string(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String)) {
      throw ApiError.badRequest("\"" + name + "\" must be a string");
    }
    return (String) value;
  }

  /** A string field that must be present and not empty. */
  String required(String name) {
    String value = string(name);
    if (value == null || value.isEmpty()) {
      throw ApiError.badRequest("\"" + name + "\" is required");
    }
    return value;
  }

  /** An array of strings, or an empty set. */
  Set<String> strings(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof List)) {
      throw ApiError.badRequest("\"" + name + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      if (!(item instanceof String)) {
        throw ApiError.badRequest("\"" + name + "\" must be an array of strings");
      }
      out.add((String) item);
    }
    return new LinkedHashSet<>(out);
  }

  /** Writes a JSON value (maps, lists, strings, numbers, booleans) as text. */
  static String write(Object value) {
    return JSON.std.asString(value);
  }
}
