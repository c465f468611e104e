package io.totpkit.vault;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the values {@link Json} returns, for the format readers. A file-level read ({@link #object},
 * {@link #list}, {@link #hex}, {@link #base64}) fails the import with {@link VaultImportException}; an entry-level
 * read ({@link #text}, {@link #whole}, {@link #wholeLong}) skips the entry with {@link Imports.Skip}. Messages name
 * the field, never its value: a damaged export may hold anything there, a secret included.
 *
 * <p>Thread-safety: stateless.
 */
final class JsonFields {
  private JsonFields() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new VaultImportException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  static List<?> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new VaultImportException(what + " is not a JSON array");
    }
    return (List<?>) value;
  }

  /** An entry's object, or a skip. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> entryObject(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new Imports.Skip(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  /** A string member, {@code ""} when missing or null; a skip when it is another kind of value. */
  static String text(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String)) {
      throw new Imports.Skip("\"" + name + "\" is not a string");
    }
    return (String) value;
  }

  /** A whole-number member, {@code null} when missing or null; a skip when it is not a whole number. */
  static Integer whole(Map<String, Object> object, String name) {
    Long value = wholeLong(object, name);
    if (value == null) {
      return null;
    }
    if (value != value.intValue()) {
      throw new Imports.Skip("\"" + name + "\" is out of range");
    }
    return value.intValue();
  }

  /** A whole-number member as a long, {@code null} when missing or null. */
  static Long wholeLong(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (value == null) {
      return null;
    }
    try {
      return ((BigDecimal) value).longValueExact();
    } catch (ClassCastException | ArithmeticException e) {
      throw new Imports.Skip("\"" + name + "\" is not a whole number");
    }
  }

  /** A file-level whole number, or the import fails naming {@code what}. */
  static int fileNumber(Object value, String what) {
    try {
      return ((BigDecimal) value).intValueExact();
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      throw new VaultImportException(what + " is not a whole number");
    }
  }

  static byte[] hex(Object value, String what) {
    try {
      return HexFormat.of().parseHex((String) value);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new VaultImportException(what + " is not hex");
    }
  }

  static byte[] base64(Object value, String what) {
    try {
      return Base64.getMimeDecoder().decode((String) value);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new VaultImportException(what + " is not Base64");
    }
  }
}
