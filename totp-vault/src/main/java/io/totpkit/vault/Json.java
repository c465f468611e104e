package io.totpkit.vault;

import io.totpkit.core.UntrustedText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) and string escaper for the Aegis format: objects become
 * {@link LinkedHashMap}s, arrays {@link ArrayList}s, numbers {@link BigDecimal}s. Depth and size are bounded. Hand
 * written rather than a JSON library: the vault reads and writes one small format, and a dependency would weigh more
 * than these lines.
 *
 * <p>Thread-safety: a reader is used by one thread once; the static methods are stateless.
 */
final class Json {
  static final int MAX_DEPTH = 64;
  static final int MAX_LENGTH = 64 << 20;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value filling the whole text. */
  static Object parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new VaultImportException("the JSON text is longer than " + MAX_LENGTH + " characters");
    }
    Json json = new Json(text);
    json.skipSpace();
    Object value = json.value(0);
    json.skipSpace();
    if (json.at != text.length()) {
      throw json.error("unexpected text after the JSON value");
    }
    return value;
  }

  private VaultImportException error(String problem) {
    return new VaultImportException("not valid JSON: " + problem + " at character " + at);
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    if (at >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("expected " + word);
    }
    at += word.length();
    return value;
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    skipSpace();
    if (at < text.length() && text.charAt(at) == '}') {
      at++;
      return map;
    }
    while (true) {
      skipSpace();
      if (at >= text.length() || text.charAt(at) != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (map.containsKey(name)) {
        throw error("duplicate member \"" + name + "\"");
      }
      map.put(name, value(depth + 1));
      skipSpace();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
        continue;
      }
      expect('}');
      return map;
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    at++;
    skipSpace();
    if (at < text.length() && text.charAt(at) == ']') {
      at++;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value(depth + 1));
      skipSpace();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private void expect(char c) {
    if (at >= text.length() || text.charAt(at) != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '/': out.append('/'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          at += 4;
          break;
        default:
          throw error("unknown escape \\" + e);
      }
    }
  }

  private BigDecimal number() {
    int start = at;
    if (text.charAt(at) == '-') {
      at++;
    }
    while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (at - start > 64) {
      throw error("number too long");
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw error("bad number");
    }
  }

  /** Writes {@code value} as a JSON string literal, quotes included. */
  static void quote(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      int next = i + Character.charCount(c);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          // Controls, bidirectional overrides and lone surrogates are written as escapes: a JSON export printed to a
          // terminal must not carry an escape sequence or reverse its text.
          if (UntrustedText.isRendered(c)) {
            for (char unit : Character.toChars(c)) {
              out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) unit));
            }
          } else {
            out.append(value, i, next);
          }
      }
      i = next;
    }
    out.append('"');
  }
}
