package io.totpkit.vault;

import io.totpkit.core.Wipe;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads and writes Aegis Authenticator vault exports as Aegis documents them: a JSON object with {@code version} 1, a
 * {@code header} ({@code slots} and {@code params}, both {@code null} in a plain export) and a {@code db} holding
 * {@code version} and {@code entries} (and {@code groups} from database version 3).
 *
 * <p>An encrypted export's {@code db} is Base64 of AES-256-GCM ciphertext under a random master key, with nonce and
 * tag (hex) in {@code header.params}; each password slot ({@code type} 1) holds the master key encrypted with
 * AES-256-GCM under scrypt(password, salt, n, r, p) with nonce and tag in {@code key_params}. scrypt parameters are
 * capped (see {@link Scrypt}).
 *
 * <p>Thread-safety: stateless.
 */
final class AegisFormat {
  private AegisFormat() {}

  static Imports.Parsed read(String json, char[] password) {
    Map<String, Object> root = object(Json.parse(json), "the Aegis file");
    Object version = root.get("version");
    if (!(version instanceof BigDecimal) || ((BigDecimal) version).intValue() != 1) {
      // Names the kind of value, never the value: a damaged export may hold anything there, a secret included.
      throw new VaultImportException("not an Aegis vault export of version 1 (the top-level \"version\" is "
          + (version instanceof BigDecimal ? version : version == null ? "missing" : "not a number") + ")");
    }
    Map<String, Object> header = object(root.get("header"), "the Aegis header");
    Object db = root.get("db");
    Map<String, Object> database;
    if (header.get("slots") == null) {
      database = object(db, "the Aegis database");
    } else {
      if (password == null) {
        throw new VaultImportException("the Aegis export is encrypted: give its password");
      }
      database = decrypt(header, db, password);
    }
    return entries(database);
  }

  private static Map<String, Object> decrypt(Map<String, Object> header, Object db, char[] password) {
    if (!(db instanceof String)) {
      throw new VaultImportException("the encrypted Aegis export has no Base64 database");
    }
    List<?> slots = list(header.get("slots"), "header.slots");
    byte[] secret = Passphrases.utf8(password);
    byte[] masterKey = null;
    boolean sawPasswordSlot = false;
    try {
      for (Object item : slots) {
        Map<String, Object> slot = object(item, "a slot");
        if (number(slot.get("type"), "slot type") != 1) {
          continue;
        }
        sawPasswordSlot = true;
        byte[] salt = hex(slot.get("salt"), "slot salt");
        int n = number(slot.get("n"), "slot n");
        int r = number(slot.get("r"), "slot r");
        int p = number(slot.get("p"), "slot p");
        Map<String, Object> keyParams = object(slot.get("key_params"), "slot key_params");
        byte[] derived = Scrypt.derive(secret, salt, n, r, p, 32);
        try {
          masterKey = Aead.openDetached(derived, hex(keyParams.get("nonce"), "slot nonce"),
              hex(slot.get("key"), "slot key"), hex(keyParams.get("tag"), "slot tag"));
        } finally {
          Wipe.bytes(derived);
        }
        if (masterKey != null) {
          break;
        }
      }
    } finally {
      Wipe.bytes(secret);
    }
    if (!sawPasswordSlot) {
      throw new VaultImportException("the Aegis export has no password slot (only biometric or raw slots)");
    }
    if (masterKey == null) {
      throw new WrongPassphraseException("the password does not open the Aegis export");
    }
    try {
      Map<String, Object> params = object(header.get("params"), "header.params");
      byte[] ciphertext;
      try {
        ciphertext = Base64.getMimeDecoder().decode((String) db);
      } catch (IllegalArgumentException e) {
        throw new VaultImportException("the encrypted Aegis database is not valid Base64");
      }
      byte[] plain = Aead.openDetached(masterKey, hex(params.get("nonce"), "params nonce"), ciphertext,
          hex(params.get("tag"), "params tag"));
      if (plain == null) {
        throw new VaultImportException("the encrypted Aegis database fails authentication: it was altered");
      }
      try {
        return object(Json.parse(new String(plain, StandardCharsets.UTF_8)), "the Aegis database");
      } finally {
        Wipe.bytes(plain);
      }
    } finally {
      Wipe.bytes(masterKey);
    }
  }

  private static Imports.Parsed entries(Map<String, Object> db) {
    Object version = db.get("version");
    if (!(version instanceof BigDecimal) || ((BigDecimal) version).intValue() < 1
        || ((BigDecimal) version).intValue() > 3) {
      throw new VaultImportException("the Aegis database has version " + version + "; versions 1 to 3 are read");
    }
    Map<String, String> groups = new LinkedHashMap<>();
    if (db.get("groups") instanceof List) {
      for (Object item : (List<?>) db.get("groups")) {
        if (item instanceof Map && ((Map<?, ?>) item).get("uuid") instanceof String
            && ((Map<?, ?>) item).get("name") instanceof String) {
          groups.put((String) ((Map<?, ?>) item).get("uuid"), (String) ((Map<?, ?>) item).get("name"));
        }
      }
    }
    List<?> entries = list(db.get("entries"), "db.entries");
    if (entries.size() > Imports.MAX_ITEMS) {
      throw new VaultImportException("the Aegis database has more than " + Imports.MAX_ITEMS + " entries");
    }
    Imports.Parsed parsed = new Imports.Parsed();
    for (int i = 0; i < entries.size(); i++) {
      String where = "entry " + (i + 1);
      try {
        Map<String, Object> entry = object(entries.get(i), where);
        Object issuerValue = entry.get("issuer");
        String issuer = issuerValue instanceof String ? (String) issuerValue : "";
        where = where + (issuer.isEmpty() ? "" : " (" + issuer + ")");
        parsed.add(new Imports.Item(where, uri(entry, issuer), tags(entry, groups)));
      } catch (SkipException | OtpException e) {
        parsed.skip(where, e.getMessage());
      } catch (IllegalArgumentException | IllegalStateException e) {
        parsed.skip(where, e.getMessage());
      }
    }
    return parsed;
  }

  private static OtpAuthUri uri(Map<String, Object> entry, String issuer) {
    Object typeValue = entry.get("type");
    String type = typeValue instanceof String ? ((String) typeValue).toLowerCase(Locale.ROOT) : String.valueOf(
        typeValue);
    if (!type.equals("totp") && !type.equals("hotp") && !type.equals("steam")) {
      throw new SkipException("type \"" + type + "\" is not supported (totp, hotp and steam are)");
    }
    Map<String, Object> info = object(entry.get("info"), "info");
    if (!(info.get("secret") instanceof String)) {
      throw new SkipException("info.secret is missing");
    }
    Secret secret = Secret.fromBase32((String) info.get("secret"));
    OtpAuthUri.Builder builder = type.equals("hotp")
        ? OtpAuthUri.hotp(secret, longNumber(info.get("counter"), "info.counter"))
        : OtpAuthUri.totp(secret);
    if (!issuer.isEmpty()) {
      if (issuer.indexOf(':') >= 0) {
        builder.issuerParameter(issuer);
      } else {
        builder.issuer(issuer);
      }
    }
    Object name = entry.get("name");
    builder.account(name instanceof String ? (String) name : "");
    if (type.equals("steam")) {
      builder.steam();
    } else {
      String algo = info.get("algo") instanceof String ? (String) info.get("algo") : "SHA1";
      if (algo.equalsIgnoreCase("MD5")) {
        throw new SkipException("MD5 is not supported");
      }
      builder.algorithm(HmacAlgorithm.fromName(algo));
      builder.digits(info.get("digits") == null ? 6 : number(info.get("digits"), "info.digits"));
    }
    if (!type.equals("hotp")) {
      int period = info.get("period") == null ? 30 : number(info.get("period"), "info.period");
      builder.period(Duration.ofSeconds(period));
    }
    return builder.build();
  }

  private static Set<String> tags(Map<String, Object> entry, Map<String, String> groups) {
    Set<String> tags = new TreeSet<>();
    if (entry.get("groups") instanceof List) {
      for (Object uuid : (List<?>) entry.get("groups")) {
        String name = groups.get(uuid);
        if (name != null && !name.isBlank()) {
          tags.add(name);
        }
      }
    }
    if (entry.get("group") instanceof String && !((String) entry.get("group")).isBlank()) {
      tags.add((String) entry.get("group"));
    }
    return tags;
  }

  /** Writes a plain Aegis export (database version 3); tags become groups with name-derived UUIDs. */
  static String write(List<Transfers.ExportItem> items) {
    Map<String, String> groupIds = new TreeMap<>();
    for (Transfers.ExportItem item : items) {
      for (String tag : item.entry.tags()) {
        groupIds.put(tag, UUID.nameUUIDFromBytes(("totpkit tag " + tag).getBytes(StandardCharsets.UTF_8))
            .toString());
      }
    }
    StringBuilder out = new StringBuilder(256 + items.size() * 300);
    out.append("{\n  \"version\": 1,\n  \"header\": {\"slots\": null, \"params\": null},\n  \"db\": {\n")
        .append("    \"version\": 3,\n    \"entries\": [");
    for (int i = 0; i < items.size(); i++) {
      OtpAuthUri uri = items.get(i).uri;
      VaultEntry entry = items.get(i).entry;
      out.append(i == 0 ? "\n" : ",\n").append("      {\"type\": ");
      Json.quote(out, uri.isSteam() ? "steam" : uri.type() == OtpType.HOTP ? "hotp" : "totp");
      out.append(", \"uuid\": ");
      Json.quote(out, entry.id().toString());
      out.append(", \"name\": ");
      Json.quote(out, uri.account());
      out.append(", \"issuer\": ");
      Json.quote(out, uri.issuer());
      out.append(", \"note\": \"\", \"favorite\": false, \"icon\": null, \"info\": {\"secret\": ");
      Json.quote(out, uri.secret().toBase32());
      out.append(", \"algo\": ");
      Json.quote(out, uri.algorithm().name());
      out.append(", \"digits\": ").append(uri.digits());
      if (uri.type() == OtpType.TOTP) {
        out.append(", \"period\": ").append(uri.period().getSeconds());
      } else {
        out.append(", \"counter\": ").append(uri.counter().getAsLong());
      }
      out.append("}, \"groups\": [");
      boolean first = true;
      for (String tag : entry.tags()) {
        out.append(first ? "" : ", ");
        Json.quote(out, groupIds.get(tag));
        first = false;
      }
      out.append("]}");
    }
    out.append("\n    ],\n    \"groups\": [");
    boolean first = true;
    for (Map.Entry<String, String> group : groupIds.entrySet()) {
      out.append(first ? "\n" : ",\n").append("      {\"uuid\": ");
      Json.quote(out, group.getValue());
      out.append(", \"name\": ");
      Json.quote(out, group.getKey());
      out.append("}");
      first = false;
    }
    out.append("\n    ]\n  }\n}\n");
    return out.toString();
  }

  /** An entry that cannot be imported; its message is the reason. */
  private static final class SkipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SkipException(String reason) {
      super(reason, null, false, false);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new VaultImportException(what + " is not a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new VaultImportException(what + " is not a JSON array");
    }
    return (List<?>) value;
  }

  private static int number(Object value, String what) {
    try {
      return ((BigDecimal) value).intValueExact();
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      throw new SkipOrFail(what + " is not a whole number");
    }
  }

  private static long longNumber(Object value, String what) {
    try {
      return ((BigDecimal) value).longValueExact();
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      throw new SkipOrFail(what + " is not a whole number");
    }
  }

  private static byte[] hex(Object value, String what) {
    try {
      return HexFormat.of().parseHex((String) value);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw new VaultImportException("the Aegis " + what + " is not hex");
    }
  }

  /** A malformed number: inside an entry it skips the entry, in the header it fails the import. */
  private static final class SkipOrFail extends VaultImportException {
    private static final long serialVersionUID = 1L;

    SkipOrFail(String message) {
      super(message);
    }
  }
}
