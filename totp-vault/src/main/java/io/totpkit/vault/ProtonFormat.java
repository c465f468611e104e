package io.totpkit.vault;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Proton Authenticator exports as Proton's Rust core writes them (the Android app calls it; the core also has iOS
 * and web bindings): a JSON object {@code {"version": 1, "entries": [...]}}, each entry
 * {@code {"id": <UUID>, "content": {"uri": …, "entry_type": "Totp" | "Steam", "name": …}, "note": …}}. A {@code Totp}
 * entry's {@code uri} is an {@code otpauth://totp/} URI read by Proton's rules ({@link ProtonTotpUri}); its
 * {@code name} (the label, else the issuer) only names the entry in messages. A {@code Steam} entry's {@code uri} is
 * {@code steam://<key>}, the key Base32 without padding or, when it came in as Base64, unpadded standard Base64,
 * written raw (a Base64 key may hold '/', which Proton's own URL parser would stop at; it is read whole here); its
 * {@code name} is the account and the issuer is "Steam". Proton has no HOTP, no groups and no other entry types;
 * {@code id} and {@code note} are not imported.
 *
 * <p>A password-protected export is {@code {"version": 1, "salt": base64(16 bytes), "content": base64(nonce ‖
 * ciphertext ‖ tag)}}: the plain export's JSON text, sealed with AES-256-GCM (12-byte nonce, 16-byte tag, associated
 * data {@code "proton.authenticator.export.v1"}) under a key from Argon2id version 0x13 (password as UTF-8, the salt,
 * 19 MiB, 2 passes, 1 lane, 32 bytes). The KDF parameters are constants of the app, not fields of the file, so a
 * hostile file cannot raise them. A failing tag is reported as a wrong password that may also be a damaged file:
 * the format carries no separate check value.
 *
 * <p>Sources: protonpass/proton-pass-common {@code proton-authenticator/src/entry/exporter.rs}
 * ({@code export_entries}, {@code import_authenticator_entries}), {@code entry/password_exporter.rs},
 * {@code crypto.rs} ({@code EncryptionTag::PasswordExport}), {@code entry/mod.rs}, {@code steam/mod.rs}; the Android
 * app protonpass/android-authenticator {@code business/entries/.../exportall/EntriesExporter.kt} calls them; Aegis
 * {@code importers/ProtonAuthenticatorImporter.java} reads the plain form.
 *
 * <p>Thread-safety: stateless.
 */
final class ProtonFormat implements ImportReader {
  static final String NAME = "Proton Authenticator";
  /** Argon2id as {@code password_exporter.rs} fixes it: 19 MiB, 2 passes, 1 lane. */
  static final KdfParams KDF = new KdfParams(19 * 1024, 2, 1);
  static final int SALT_LENGTH = 16;
  private static final byte[] ASSOCIATED_DATA = "proton.authenticator.export.v1".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String name() {
    return NAME;
  }

  /** {@code version} with {@code entries}, or with {@code salt} and {@code content} (encrypted). */
  @Override
  public boolean recognises(ImportInput input) {
    if (input.hasMembers("version", "salt", "content")) {
      return true;
    }
    // steamguard-cli's manifest.json also has a version and entries: Proton's entries hold a "content" object.
    Object entries = input.hasMembers("version", "entries") ? input.jsonObject().get("entries") : null;
    return entries instanceof List && (((List<?>) entries).isEmpty()
        || ((List<?>) entries).get(0) instanceof Map && ((Map<?, ?>) ((List<?>) entries).get(0)).containsKey("content"));
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Map<String, Object> root = input.jsonObject();
    checkVersion(root, "export");
    if (root.containsKey("entries")) {
      return entries(root, NAME);
    }
    byte[] salt = base64(root.get("salt"), "salt");
    if (salt.length != SALT_LENGTH) {
      throw new VaultImportException("the Proton Authenticator salt is " + salt.length + " bytes; Proton writes "
          + SALT_LENGTH);
    }
    byte[] sealed = base64(root.get("content"), "content");
    if (sealed.length < Aead.OVERHEAD) {
      throw new VaultImportException("the encrypted Proton Authenticator content is too short to hold a nonce and "
          + "a tag: the file is truncated");
    }
    String format = NAME + " (encrypted)";
    Map<String, Object> export = Imports.withPassword(password, format, secret -> decrypt(salt, sealed, secret));
    checkVersion(export, "decrypted export");
    if (!export.containsKey("entries")) {
      throw new VaultImportException("the decrypted Proton Authenticator export holds no entries");
    }
    return entries(export, format);
  }

  /** Strict standard Base64, as Proton writes and reads it: a stray character is damage, not something to skip. */
  private static byte[] base64(Object value, String field) {
    if (!(value instanceof String)) {
      throw new VaultImportException("the Proton Authenticator " + field + " is not a string");
    }
    try {
      return Base64.getDecoder().decode((String) value);
    } catch (IllegalArgumentException e) {
      throw new VaultImportException("the Proton Authenticator " + field + " is not Base64: the file is damaged");
    }
  }

  private static void checkVersion(Map<String, Object> root, String what) {
    int version = JsonFields.fileNumber(root.get("version"), "the Proton Authenticator " + what + "'s version");
    if (version != 1) {
      throw new VaultImportException("the Proton Authenticator " + what + " has version " + version
          + "; version 1 is read");
    }
  }

  private static Map<String, Object> decrypt(byte[] salt, byte[] sealed, byte[] password) {
    byte[] key = Argon2id.derive(password, salt, KDF, Aead.KEY_LENGTH);
    try {
      byte[] plain = Aead.open(key, sealed, ASSOCIATED_DATA);
      if (plain == null) {
        throw new WrongPassphraseException("the password does not open the Proton Authenticator export, or the "
            + "file was altered (its authentication tag fails; the format cannot tell which)");
      }
      try {
        return JsonFields.object(Json.parse(new String(plain, StandardCharsets.UTF_8)),
            "the decrypted Proton Authenticator export");
      } finally {
        Wipe.bytes(plain);
      }
    } finally {
      Wipe.bytes(key);
    }
  }

  private static Imports.Parsed entries(Map<String, Object> export, String format) {
    List<?> entries = JsonFields.list(export.get("entries"), "the Proton Authenticator entries");
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < entries.size(); i++) {
      Object value = entries.get(i);
      String position = "entry " + (i + 1);
      Object content = value instanceof Map ? ((Map<?, ?>) value).get("content") : null;
      String name = content instanceof Map && ((Map<?, ?>) content).get("name") instanceof String
          ? (String) ((Map<?, ?>) content).get("name") : "";
      String where = Imports.where(position, name, "");
      parsed.entry(where, () -> {
        Map<String, Object> entry = JsonFields.entryObject(value, position);
        return new Imports.Item(where, uri(JsonFields.entryObject(entry.get("content"), "\"content\"")), Set.of());
      });
    }
    return parsed;
  }

  private static OtpAuthUri uri(Map<String, Object> content) {
    String type = JsonFields.text(content, "entry_type");
    String uri = JsonFields.text(content, "uri");
    if (type.equals("Totp")) {
      return ProtonTotpUri.read(uri);
    }
    if (type.equals("Steam")) {
      return Imports.account("steam", steamKey(uri), "Steam", JsonFields.text(content, "name"), null, null, null,
          null);
    }
    throw new Imports.Skip("entry_type " + Imports.quoteWord(type) + " is not supported (Totp and Steam are)");
  }

  /** The key of {@code steam://<key>}: Base32, else Base64, the order Proton's {@code SteamTotp::new} tries. */
  private static Secret steamKey(String uri) {
    int schemeEnd = uri.indexOf("://");
    if (schemeEnd < 0 || !uri.substring(0, schemeEnd).equalsIgnoreCase("steam")) {
      throw new Imports.Skip("content.uri of a Steam entry is not a steam:// URI");
    }
    String key = uri.substring(schemeEnd + 3).strip();
    if (key.isEmpty()) {
      throw new Imports.Skip("content.uri of a Steam entry has no key");
    }
    try {
      return Secret.fromBase32(key);
    } catch (InvalidSecretException notBase32) {
      byte[] bytes = null;
      try {
        bytes = Base64.getDecoder().decode(key);
        return Secret.fromBytes(bytes);
      } catch (IllegalArgumentException | InvalidSecretException notBase64) {
        throw new Imports.Skip("the Steam key is neither Base32 nor Base64");
      } finally {
        Wipe.bytes(bytes);
      }
    }
  }
}
