package io.totpkit.vault;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A file to import, as the format readers look at it: its bytes, its text when it is UTF-8 (a byte-order mark
 * dropped), and its JSON value when the text is JSON. Each view is computed once, on first use.
 *
 * <p>Thread-safety: used by one thread.
 */
final class ImportInput {
  private final byte[] bytes;
  private String text;
  private boolean decoded;
  private Object json;
  private VaultImportException jsonError;
  private boolean parsed;

  ImportInput(byte[] bytes) {
    this.bytes = bytes;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Whether the bytes start with {@code magic} (ASCII). */
  boolean startsWith(String magic) {
    if (bytes.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (bytes[i] != (byte) magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes as UTF-8 text without a leading byte-order mark, or {@code null} if they are not text. */
  String text() {
    if (!decoded) {
      decoded = true;
      try {
        String all = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        if (all.indexOf('\0') < 0) {
          text = all.startsWith("\uFEFF") ? all.substring(1) : all;
        }
      } catch (CharacterCodingException e) {
        // not text: stays null
      }
    }
    return text;
  }

  /** Whether the text starts, after white space, with '{' or '['. */
  boolean looksLikeJson() {
    String t = text();
    if (t == null) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** The JSON value, or {@code null} if the text is not JSON ({@link #jsonError()} says why when it looked like it). */
  Object json() {
    if (!parsed) {
      parsed = true;
      if (looksLikeJson()) {
        try {
          json = Json.parse(text());
        } catch (VaultImportException e) {
          jsonError = e;
        }
      }
    }
    return json;
  }

  /** Why text that looked like JSON did not parse, or {@code null}. */
  VaultImportException jsonError() {
    json();
    return jsonError;
  }

  /** The JSON object at the top, or {@code null}. */
  @SuppressWarnings("unchecked")
  Map<String, Object> jsonObject() {
    return json() instanceof Map ? (Map<String, Object>) json() : null;
  }

  /** Whether the top is a JSON object with every one of {@code names} as a member. */
  boolean hasMembers(String... names) {
    Map<String, Object> root = jsonObject();
    if (root == null) {
      return false;
    }
    for (String name : names) {
      if (!root.containsKey(name)) {
        return false;
      }
    }
    return true;
  }

  /** The JSON array at the top, or {@code null}. */
  List<?> jsonArray() {
    return json() instanceof List ? (List<?>) json() : null;
  }
}
