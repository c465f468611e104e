package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads 2FAS Authenticator backups ({@code .2fas}, Android and iOS, schema versions 1 to 4) as the apps write them: a
 * JSON object with {@code schemaVersion}, {@code appOrigin} ({@code "android"} or {@code "ios"}),
 * {@code appVersionCode}, {@code appVersionName}, Android's {@code updatedAt} and {@code account}, a {@code services}
 * array and {@code groups} ({@code id}, {@code name}, {@code isExpanded}, Android's {@code updatedAt}), which become
 * tags through each service's {@code groupId}.
 *
 * <p>Each service holds {@code name} (the title the app shows, read as the issuer; {@code otp.issuer} when it is
 * empty), {@code secret} (Base32), {@code updatedAt}, {@code order.position}, {@code groupId}, icon and badge fields
 * (ignored), schema 1–2's {@code type} or schema 3–4's {@code serviceTypeID} (ignored), and {@code otp}:
 * {@code account} (the account; {@code label} when it is missing, as Android reads it), {@code issuer},
 * {@code digits}, {@code period}, {@code algorithm} (SHA1, SHA224, SHA256, SHA384, SHA512; totpkit generates SHA1,
 * SHA256 and SHA512 and skips the others with their name), {@code counter} (HOTP), {@code tokenType} ({@code TOTP},
 * {@code HOTP}, and from schema 4 {@code STEAM}; missing means TOTP) and, from schema 3, {@code source} and
 * {@code link} (an otpauth URI, ignored: both apps take the key from {@code secret}). A missing member takes the
 * apps' default: SHA1, 6 digits, 30 seconds. Android 3.x wrote schema 1 services with only {@code account},
 * {@code issuer} and {@code label} in {@code otp}. Every 2FAS writer writes {@code otp}; a service without it is read
 * with the defaults. Services are read in file order ({@code order.position} is their order on screen, in which
 * Android writes the file).
 *
 * <p>A password-protected backup (schema 2 onward) leaves {@code services} empty and holds them, as the JSON array a
 * plain backup has there, in {@code servicesEncrypted}:
 * {@code base64(ciphertext ‖ tag) ":" base64(salt) ":" base64(iv)}, AES-256-GCM with a 12-byte IV and a 16-byte tag,
 * under PBKDF2-HMAC-SHA256(password as UTF-8, salt, 10 000 iterations, 32 bytes). Android draws a 256-byte salt, iOS a
 * 32-byte one (and takes ASCII passwords only); the iteration count is fixed by the apps, never read from the file.
 * {@code reference} holds a fixed 256-character text encrypted the same way with the same key and its own IV: the apps
 * decrypt it first to tell a wrong password from a damaged file. This reader checks only that its tag verifies (the
 * open-source iOS build ships a different reference text from Android's, so the text itself proves nothing a tag does
 * not). Groups stay in clear text next to the encrypted services.
 *
 * <p>Sources: twofas/2fas-android {@code data/services/.../domain/BackupContent.kt}, {@code BackupService.kt},
 * {@code BackupGroup.kt}, {@code BackupRepositoryImpl.kt}, {@code mapper/ServiceMapper.kt}, {@code core/cipher/.../
 * backup/BackupCipherImpl.kt}, {@code DataEncrypted.kt}, {@code internal/BackupKeyGeneratorPbkdf.kt},
 * {@code BackupSaltGeneratorRandom.kt}, {@code cipher/internal/CipherAes.kt}; twofas/2fas-ios
 * {@code TwoFAS/Data/MainRepository/DataTypes/ExchangeData.swift} (schemas 1–2), {@code ExchangeData2.swift}
 * (3–4), {@code MainRepositoryImpl+Export.swift}, {@code TwoFAS/Protection/ExchangeFileEncryption.swift}; Aegis
 * {@code app/src/main/java/com/beemdevelopment/aegis/importers/TwoFASImporter.java} and its history (schema 2 added
 * encryption; 2fas-android bumped the schema to 4 with Steam support).
 *
 * <p>Thread-safety: stateless.
 */
final class TwoFasFormat implements ImportReader {
  static final String NAME = "2FAS";
  /** The newest schema both apps write. */
  static final int MAX_SCHEMA = 4;
  /** Fixed by both apps. */
  static final int ITERATIONS = 10_000;
  /** Android's salt is 256 bytes; anything past this is not a 2FAS backup. */
  static final int MAX_SALT_LENGTH = 1024;
  /** Both apps use the 12-byte GCM IV their platform draws. */
  static final int IV_LENGTH = 12;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    return input.hasMembers("schemaVersion", "services");
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Map<String, Object> root = input.jsonObject();
    int schema = JsonFields.fileNumber(root.get("schemaVersion"), "the 2FAS schemaVersion");
    if (schema < 1 || schema > MAX_SCHEMA) {
      throw new VaultImportException("the 2FAS backup has schema version " + schema + "; versions 1 to "
          + MAX_SCHEMA + " are read (export it again from an up-to-date 2FAS, or report the new version)");
    }
    Map<String, String> groups = groups(root.get("groups"));
    if (root.get("servicesEncrypted") == null) {
      return services(JsonFields.list(root.get("services"), "the 2FAS services"), groups, NAME);
    }
    String format = NAME + " (encrypted)";
    return services(Imports.withPassword(password, format, secret -> decrypt(root, secret)), groups, format);
  }

  /** Group id to name; malformed groups are left out (their services then carry no tag from them). */
  private static Map<String, String> groups(Object value) {
    Map<String, String> groups = new HashMap<>();
    if (value == null) {
      return groups;
    }
    for (Object item : JsonFields.list(value, "the 2FAS groups")) {
      if (item instanceof Map && ((Map<?, ?>) item).get("id") instanceof String
          && ((Map<?, ?>) item).get("name") instanceof String) {
        groups.put((String) ((Map<?, ?>) item).get("id"), ((String) ((Map<?, ?>) item).get("name")).strip());
      }
    }
    return groups;
  }

  private static List<?> decrypt(Map<String, Object> root, byte[] password) {
    Sealed services = Sealed.parse(root.get("servicesEncrypted"), "servicesEncrypted");
    Sealed reference = root.get("reference") == null ? null : Sealed.parse(root.get("reference"), "reference");
    byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA256, password, services.salt, ITERATIONS, 32, NAME);
    try {
      if (reference != null) {
        checkReference(reference, password, services.salt, key);
      }
      byte[] plain = Aead.openJoined(key, services.iv, services.sealed);
      if (plain == null) {
        throw reference != null
            ? new VaultImportException("the encrypted 2FAS services fail authentication although the password "
                + "opens the backup's reference: the file was altered or damaged")
            : new WrongPassphraseException("the password does not open the 2FAS backup, or the file was altered "
                + "(it has no reference field to tell which)");
      }
      try {
        return JsonFields.list(Json.parse(new String(plain, StandardCharsets.UTF_8)),
            "the decrypted 2FAS services");
      } finally {
        Wipe.bytes(plain);
      }
    } finally {
      Wipe.bytes(key);
    }
  }

  /** Opens {@code reference} (with the services' key when it shares their salt, as the apps write it). */
  private static void checkReference(Sealed reference, byte[] password, byte[] servicesSalt, byte[] servicesKey) {
    boolean sameSalt = Arrays.equals(reference.salt, servicesSalt);
    byte[] key = sameSalt ? servicesKey
        : Pbkdf2.derive(Pbkdf2.Hash.SHA256, password, reference.salt, ITERATIONS, 32, NAME);
    try {
      byte[] opened = Aead.openJoined(key, reference.iv, reference.sealed);
      if (opened == null) {
        throw new WrongPassphraseException("the password does not open the 2FAS backup (if it is the right one, "
            + "the backup's reference field was altered)");
      }
      Wipe.bytes(opened);
    } finally {
      if (!sameSalt) {
        Wipe.bytes(key);
      }
    }
  }

  private static Imports.Parsed services(List<?> services, Map<String, String> groups, String format) {
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < services.size(); i++) {
      Object value = services.get(i);
      String position = "entry " + (i + 1);
      String name = value instanceof Map && ((Map<?, ?>) value).get("name") instanceof String
          ? (String) ((Map<?, ?>) value).get("name") : "";
      String where = Imports.where(position, name, "");
      parsed.entry(where, () -> {
        Map<String, Object> service = JsonFields.entryObject(value, position);
        return new Imports.Item(where, uri(service, name), tags(service, groups));
      });
    }
    return parsed;
  }

  private static OtpAuthUri uri(Map<String, Object> service, String name) {
    Map<String, Object> otp = service.get("otp") == null ? Map.of() : JsonFields.entryObject(service.get("otp"),
        "\"otp\"");
    String tokenType = JsonFields.text(otp, "tokenType");
    String type = tokenType.isBlank() ? "TOTP" : tokenType.strip().toUpperCase(Locale.ROOT);
    if (!type.equals("TOTP") && !type.equals("HOTP") && !type.equals("STEAM")) {
      throw new Imports.Skip("tokenType " + Imports.quoteWord(tokenType.strip())
          + " is not supported (TOTP, HOTP and STEAM are)");
    }
    String secret = JsonFields.text(service, "secret");
    if (secret.isBlank()) {
      throw new Imports.Skip("\"secret\" is missing");
    }
    String issuer = name.isBlank() ? JsonFields.text(otp, "issuer") : name;
    String account = JsonFields.text(otp, "account");
    if (account.isBlank()) {
      account = JsonFields.text(otp, "label");
    }
    String algorithm = JsonFields.text(otp, "algorithm");
    Integer digits = JsonFields.whole(otp, "digits");
    Integer period = JsonFields.whole(otp, "period");
    Long counter = type.equals("HOTP") ? JsonFields.wholeLong(otp, "counter") : null;
    // The key last: every field that can skip the entry is read before a Secret exists to be left undestroyed.
    return Imports.account(type, Secret.fromBase32(secret), issuer, account, algorithm, digits, period, counter);
  }

  private static Set<String> tags(Map<String, Object> service, Map<String, String> groups) {
    String name = groups.get(service.get("groupId"));
    return name == null || name.isEmpty() ? Set.of() : Set.of(name);
  }

  /** One {@code base64(ciphertext ‖ tag):base64(salt):base64(iv)} field. */
  private static final class Sealed {
    final byte[] sealed;
    final byte[] salt;
    final byte[] iv;

    private Sealed(byte[] sealed, byte[] salt, byte[] iv) {
      this.sealed = sealed;
      this.salt = salt;
      this.iv = iv;
    }

    static Sealed parse(Object value, String field) {
      String what = "the 2FAS " + field;
      if (!(value instanceof String)) {
        throw new VaultImportException(what + " is not a string");
      }
      String[] parts = ((String) value).split(":", -1);
      if (parts.length != 3) {
        throw new VaultImportException(what + " is not three Base64 parts separated by ':' (it has "
            + parts.length + ")");
      }
      byte[] sealed = JsonFields.base64(parts[0], what + "'s ciphertext");
      byte[] salt = JsonFields.base64(parts[1], what + "'s salt");
      byte[] iv = JsonFields.base64(parts[2], what + "'s IV");
      if (salt.length < 1 || salt.length > MAX_SALT_LENGTH) {
        throw new VaultImportException(what + "'s salt is " + salt.length + " bytes; 1 to " + MAX_SALT_LENGTH
            + " are accepted");
      }
      if (iv.length != IV_LENGTH) {
        throw new VaultImportException(what + "'s IV is " + iv.length + " bytes; 2FAS writes " + IV_LENGTH);
      }
      if (sealed.length < Aead.TAG_LENGTH) {
        throw new VaultImportException(what + " is too short to hold an authentication tag: the file is truncated");
      }
      return new Sealed(sealed, salt, iv);
    }
  }
}
