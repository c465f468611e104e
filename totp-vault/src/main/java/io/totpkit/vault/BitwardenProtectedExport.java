package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a password-protected Bitwarden JSON export, as Bitwarden's clients write and read it: {@code bitwarden/clients}
 * {@code libs/tools/export/vault-export/vault-export-core/src/services/base-vault-export.service.ts}
 * ({@code buildPasswordExport}), {@code libs/importer/src/importers/bitwarden/bitwarden-password-protected-importer.ts}
 * and {@code password-protected-kdf-config.ts}; {@code bitwarden/sdk-internal} {@code crates/bitwarden-crypto}
 * {@code src/keys/kdf.rs}, {@code src/keys/utils.rs}, {@code src/enc_string/symmetric.rs} and
 * {@code src/hazmat/symmetric_encryption/aes256_cbc_hmac_sha256_ae.rs}.
 *
 * <p>The file is {@code {"encrypted": true, "passwordProtected": true, "salt", "kdfType", "kdfIterations",
 * "encKeyValidation_DO_NOT_EDIT", "data"}}, with {@code "kdfMemory"} and {@code "kdfParallelism"} for Argon2id. The
 * salt is the Base64 text of 16 random bytes, used as its own UTF-8 bytes, not decoded. {@code kdfType} 0 derives a
 * 32-byte key with PBKDF2-HMAC-SHA256 (password, salt, {@code kdfIterations} from 5 000 to 2 000 000); 1 with Argon2id
 * (password, SHA-256 of the salt, {@code kdfIterations} passes from 2 to 10, {@code kdfMemory} MiB from 16 to 1024,
 * {@code kdfParallelism} lanes from 1 to 16). Those are Bitwarden's own import bounds; Argon2id is further held to
 * {@value #ARGON2_MAX_MIB_PASSES} MiB times passes. HKDF-Expand-SHA256 of the key with info {@code "enc"} and
 * {@code "mac"} (no extract step) gives a 32-byte AES key and a 32-byte HMAC key.
 *
 * <p>{@code encKeyValidation_DO_NOT_EDIT} and {@code data} are EncStrings of type 2,
 * {@code "2." + Base64(iv) + "|" + Base64(ciphertext) + "|" + Base64(mac)}: AES-256-CBC with PKCS #7 padding, then
 * HMAC-SHA256 over {@code iv ‖ ciphertext}. The first holds a random UUID and tells a wrong password (its MAC fails);
 * the second holds the plain JSON export.
 *
 * <p>Thread-safety: stateless.
 */
final class BitwardenProtectedExport {
  static final int PBKDF2_MIN_ITERATIONS = 5_000;
  static final int PBKDF2_MAX_ITERATIONS = 2_000_000;
  static final int ARGON2_MIN_MEMORY_MIB = 16;
  static final int ARGON2_MAX_MEMORY_MIB = 1_024;
  static final int ARGON2_MIN_ITERATIONS = 2;
  static final int ARGON2_MAX_ITERATIONS = 10;
  static final int ARGON2_MAX_PARALLELISM = 16;
  /**
   * The most Argon2id work read from a file, memory times passes: BouncyCastle takes about six seconds a GiB-pass
   * here, so Bitwarden's ceiling (1024 MiB and 10 passes) would hold an import for a minute.
   */
  static final int ARGON2_MAX_MIB_PASSES = 4_096;
  /** Bitwarden writes 24 characters; a longer salt is refused before it is hashed into anything. */
  static final int MAX_SALT_LENGTH = 1_024;
  private static final String FORMAT = BitwardenJsonFormat.NAME + " (encrypted)";

  private BitwardenProtectedExport() {}

  /**
   * The export inside {@code root}, opened with {@code password}'s UTF-8 bytes.
   *
   * @throws WrongPassphraseException if the validation value's MAC fails under the derived key
   * @throws VaultImportException if a field is missing or malformed, the KDF parameters are out of range, or the data
   *     fails authentication or decryption
   */
  static Map<String, Object> open(Map<String, Object> root, byte[] password) {
    if (!(root.get("salt") instanceof String) || ((String) root.get("salt")).isEmpty()
        || ((String) root.get("salt")).length() > MAX_SALT_LENGTH) {
      throw new VaultImportException("the password-protected Bitwarden export has no usable \"salt\" (a text of 1 to "
          + MAX_SALT_LENGTH + " characters)");
    }
    byte[] salt = ((String) root.get("salt")).getBytes(StandardCharsets.UTF_8);
    EncString check = EncString.parse(root.get("encKeyValidation_DO_NOT_EDIT"), "encKeyValidation_DO_NOT_EDIT");
    EncString data = EncString.parse(root.get("data"), "data");
    byte[] master = derive(root, password, salt);
    byte[] encKey = null;
    byte[] macKey = null;
    byte[] plain = null;
    try {
      encKey = Hkdf.expand(master, "enc".getBytes(StandardCharsets.US_ASCII), 32);
      macKey = Hkdf.expand(master, "mac".getBytes(StandardCharsets.US_ASCII), 32);
      byte[] probe = check.open(encKey, macKey);
      if (probe == null) {
        throw new WrongPassphraseException("the password does not open the Bitwarden export (or the file's "
            + "encKeyValidation_DO_NOT_EDIT was altered)");
      }
      Wipe.bytes(probe);
      plain = data.open(encKey, macKey);
      if (plain == null) {
        throw new VaultImportException("the encrypted Bitwarden data fails authentication: it was altered");
      }
      return JsonFields.object(Json.parse(new String(plain, StandardCharsets.UTF_8)),
          "the decrypted Bitwarden export");
    } finally {
      Wipe.bytes(master);
      Wipe.bytes(encKey);
      Wipe.bytes(macKey);
      Wipe.bytes(plain);
    }
  }

  /** The 32-byte key the KDF named in {@code root} derives; parameters are checked before any work. */
  private static byte[] derive(Map<String, Object> root, byte[] password, byte[] salt) {
    int type = JsonFields.fileNumber(root.get("kdfType"), "the Bitwarden export's kdfType");
    int iterations = JsonFields.fileNumber(root.get("kdfIterations"), "the Bitwarden export's kdfIterations");
    if (type == 0) {
      if (iterations < PBKDF2_MIN_ITERATIONS || iterations > PBKDF2_MAX_ITERATIONS) {
        throw new VaultImportException("the Bitwarden export asks for " + iterations + " PBKDF2 iterations; "
            + PBKDF2_MIN_ITERATIONS + " to " + PBKDF2_MAX_ITERATIONS + " are accepted, as Bitwarden accepts them");
      }
      return Pbkdf2.derive(Pbkdf2.Hash.SHA256, password, salt, iterations, 32, FORMAT);
    }
    if (type != 1) {
      throw new VaultImportException("the Bitwarden export's kdfType is " + type + "; 0 (PBKDF2-SHA256) and 1 "
          + "(Argon2id) are read");
    }
    int memory = JsonFields.fileNumber(root.get("kdfMemory"), "the Bitwarden export's kdfMemory");
    int parallelism = JsonFields.fileNumber(root.get("kdfParallelism"), "the Bitwarden export's kdfParallelism");
    if (memory < ARGON2_MIN_MEMORY_MIB || memory > ARGON2_MAX_MEMORY_MIB || iterations < ARGON2_MIN_ITERATIONS
        || iterations > ARGON2_MAX_ITERATIONS || parallelism < 1 || parallelism > ARGON2_MAX_PARALLELISM) {
      throw new VaultImportException("the Bitwarden export asks for Argon2id with " + memory + " MiB, " + iterations
          + " passes and " + parallelism + " lanes; " + ARGON2_MIN_MEMORY_MIB + " to " + ARGON2_MAX_MEMORY_MIB
          + " MiB, " + ARGON2_MIN_ITERATIONS + " to " + ARGON2_MAX_ITERATIONS + " passes and 1 to "
          + ARGON2_MAX_PARALLELISM + " lanes are accepted, as Bitwarden accepts them");
    }
    if (memory * iterations > ARGON2_MAX_MIB_PASSES) {
      throw new VaultImportException("the Bitwarden export asks for Argon2id with " + memory + " MiB and "
          + iterations + " passes; at most " + ARGON2_MAX_MIB_PASSES + " MiB times passes are accepted, so that a file "
          + "cannot hold an import for minutes (export as plain .json, or lower the account's KDF settings)");
    }
    byte[] saltHash = sha256(salt);
    try {
      return Argon2id.derive(password, saltHash, new KdfParams(memory * 1024, iterations, parallelism), 32);
    } finally {
      Wipe.bytes(saltHash);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("SHA-256 is required of every JDK", e);
    }
  }

  /** A type 2 EncString: AES-256-CBC ciphertext with its IV and an HMAC-SHA256 over both. */
  private static final class EncString {
    private final byte[] iv;
    private final byte[] ciphertext;
    private final byte[] mac;

    private EncString(byte[] iv, byte[] ciphertext, byte[] mac) {
      this.iv = iv;
      this.ciphertext = ciphertext;
      this.mac = mac;
    }

    static EncString parse(Object value, String field) {
      if (!(value instanceof String)) {
        throw new VaultImportException("the password-protected Bitwarden export has no \"" + field + "\" text");
      }
      String text = (String) value;
      int dot = text.indexOf('.');
      String type = dot < 0 ? "" : text.substring(0, dot);
      if (!type.equals("2")) {
        throw new VaultImportException("the Bitwarden export's \"" + field + "\" is not an EncString of type 2 "
            + "(AES-256-CBC with HMAC-SHA256), the only kind a password-protected export holds");
      }
      String[] parts = text.substring(dot + 1).split("\\|", -1);
      if (parts.length != 3) {
        throw new VaultImportException("the Bitwarden export's \"" + field + "\" does not have the three parts iv, "
            + "data and mac");
      }
      try {
        Base64.Decoder base64 = Base64.getDecoder();
        EncString parsed = new EncString(base64.decode(parts[0]), base64.decode(parts[1]), base64.decode(parts[2]));
        if (parsed.iv.length != 16 || parsed.mac.length != 32 || parsed.ciphertext.length == 0
            || parsed.ciphertext.length % 16 != 0) {
          throw new VaultImportException("the Bitwarden export's \"" + field + "\" has parts of the wrong length "
              + "(a 16-byte iv, whole 16-byte blocks of data, a 32-byte mac)");
        }
        return parsed;
      } catch (IllegalArgumentException e) {
        throw new VaultImportException("the Bitwarden export's \"" + field + "\" is not Base64");
      }
    }

    /**
     * The plaintext, or {@code null} if the MAC does not verify under {@code macKey}.
     *
     * @throws VaultImportException if the MAC verifies but the padding is wrong (a file made wrongly)
     */
    byte[] open(byte[] encKey, byte[] macKey) {
      try {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        hmac.update(iv);
        byte[] expected = hmac.doFinal(ciphertext);
        // MessageDigest.isEqual compares in constant time: the MAC check must not tell how much of it matched.
        if (!MessageDigest.isEqual(expected, mac)) {
          return null;
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(ciphertext);
      } catch (BadPaddingException e) {
        throw new VaultImportException("the encrypted Bitwarden export is damaged: its MAC verifies but its padding "
            + "is wrong");
      } catch (GeneralSecurityException e) {
        throw new AssertionError("AES-256-CBC and HMAC-SHA256 are required of every JDK", e);
      }
    }
  }
}
