package io.totpkit.vault;

import io.totpkit.core.Wipe;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
final class AegisFormat implements ImportReader {
  static final String NAME = "Aegis";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    return input.hasMembers("version", "header", "db");
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Map<String, Object> root = input.jsonObject();
    Object version = root.get("version");
    if (!(version instanceof BigDecimal) || ((BigDecimal) version).intValue() != 1) {
      // Names the kind of value, never the value: a damaged export may hold anything there, a secret included.
      throw new VaultImportException("not an Aegis vault export of version 1 (the top-level \"version\" is "
          + (version instanceof BigDecimal ? version : version == null ? "missing" : "not a number") + ")");
    }
    Map<String, Object> header = JsonFields.object(root.get("header"), "the Aegis header");
    Object db = root.get("db");
    if (header.get("slots") == null) {
      return entries(JsonFields.object(db, "the Aegis database"), NAME);
    }
    String format = NAME + " (encrypted)";
    return entries(Imports.withPassword(password, format, secret -> decrypt(header, db, secret)), format);
  }

  private static Map<String, Object> decrypt(Map<String, Object> header, Object db, byte[] secret) {
    if (!(db instanceof String)) {
      throw new VaultImportException("the encrypted Aegis export has no Base64 database");
    }
    List<?> slots = JsonFields.list(header.get("slots"), "the Aegis header.slots");
    byte[] masterKey = null;
    boolean sawPasswordSlot = false;
    for (Object item : slots) {
      Map<String, Object> slot = JsonFields.object(item, "an Aegis slot");
      if (JsonFields.fileNumber(slot.get("type"), "an Aegis slot's type") != 1) {
        continue;
      }
      sawPasswordSlot = true;
      byte[] salt = JsonFields.hex(slot.get("salt"), "the Aegis slot salt");
      int n = JsonFields.fileNumber(slot.get("n"), "the Aegis slot's n");
      int r = JsonFields.fileNumber(slot.get("r"), "the Aegis slot's r");
      int p = JsonFields.fileNumber(slot.get("p"), "the Aegis slot's p");
      Map<String, Object> keyParams = JsonFields.object(slot.get("key_params"), "the Aegis slot key_params");
      byte[] derived = Scrypt.derive(secret, salt, n, r, p, 32);
      try {
        masterKey = Aead.openDetached(derived, JsonFields.hex(keyParams.get("nonce"), "the Aegis slot nonce"),
            JsonFields.hex(slot.get("key"), "the Aegis slot key"),
            JsonFields.hex(keyParams.get("tag"), "the Aegis slot tag"));
      } finally {
        Wipe.bytes(derived);
      }
      if (masterKey != null) {
        break;
      }
    }
    if (!sawPasswordSlot) {
      throw new VaultImportException("the Aegis export has no password slot (only biometric or raw slots)");
    }
    if (masterKey == null) {
      throw new WrongPassphraseException("the password does not open the Aegis export");
    }
    try {
      Map<String, Object> params = JsonFields.object(header.get("params"), "the Aegis header.params");
      byte[] ciphertext = JsonFields.base64(db, "the encrypted Aegis database");
      byte[] plain = Aead.openDetached(masterKey, JsonFields.hex(params.get("nonce"), "the Aegis params nonce"),
          ciphertext, JsonFields.hex(params.get("tag"), "the Aegis params tag"));
      if (plain == null) {
        throw new VaultImportException("the encrypted Aegis database fails authentication: it was altered");
      }
      try {
        return JsonFields.object(Json.parse(new String(plain, StandardCharsets.UTF_8)), "the Aegis database");
      } finally {
        Wipe.bytes(plain);
      }
    } finally {
      Wipe.bytes(masterKey);
    }
  }

  private static Imports.Parsed entries(Map<String, Object> db, String format) {
    Object version = db.get("version");
    if (!(version instanceof BigDecimal) || ((BigDecimal) version).intValue() < 1
        || ((BigDecimal) version).intValue() > 3) {
      throw new VaultImportException("the Aegis database has version " + (version instanceof BigDecimal ? version
          : "missing") + "; versions 1 to 3 are read");
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
    List<?> entries = JsonFields.list(db.get("entries"), "the Aegis db.entries");
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < entries.size(); i++) {
      Object value = entries.get(i);
      String position = "entry " + (i + 1);
      String issuer = value instanceof Map && ((Map<?, ?>) value).get("issuer") instanceof String
          ? (String) ((Map<?, ?>) value).get("issuer") : "";
      String where = Imports.where(position, issuer, "");
      parsed.entry(where, () -> {
        Map<String, Object> entry = JsonFields.entryObject(value, position);
        return new Imports.Item(where, uri(entry, issuer), tags(entry, groups));
      });
    }
    return parsed;
  }

  private static OtpAuthUri uri(Map<String, Object> entry, String issuer) {
    Map<String, Object> info = JsonFields.entryObject(entry.get("info"), "info");
    if (!(info.get("secret") instanceof String)) {
      throw new Imports.Skip("info.secret is missing");
    }
    String type = entry.get("type") instanceof String ? (String) entry.get("type") : String.valueOf(entry.get("type"));
    String lower = type.toLowerCase(Locale.ROOT);
    if (!lower.equals("totp") && !lower.equals("hotp") && !lower.equals("steam")) {
      throw new Imports.Skip("type \"" + type + "\" is not supported (totp, hotp and steam are)");
    }
    return Imports.account(type, Secret.fromBase32((String) info.get("secret")), issuer,
        JsonFields.text(entry, "name"), JsonFields.text(info, "algo"), JsonFields.whole(info, "digits"),
        JsonFields.whole(info, "period"), lower.equals("hotp") ? counter(info) : null);
  }

  private static Long counter(Map<String, Object> info) {
    Long counter = JsonFields.wholeLong(info, "counter");
    if (counter == null) {
      throw new Imports.Skip("info.counter is not a whole number");
    }
    return counter;
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
}
