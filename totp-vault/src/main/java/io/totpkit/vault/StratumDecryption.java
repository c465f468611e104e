package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens Stratum's two encrypted backup constructions, told apart by their 16-byte header; every parameter is the
 * app's constant, none is read from the file. The plaintext is the backup's JSON, as {@link StratumFormat} reads it.
 *
 * <ul>
 *   <li>{@code "AUTHENTICATORPRO"} (strong, Stratum and Authenticator Pro since 2023): header, 16-byte salt, 12-byte
 *       IV, then AES-256-GCM ciphertext with its 16-byte tag and no associated data. Key: Argon2id version 1.3 of the
 *       password's UTF-8 bytes, 64 MiB, 3 passes, 4 lanes, 32 bytes.
 *   <li>{@code "AuthenticatorPro"} (legacy, 2021 to 2023, still read by the app): header, 20-byte salt, 16-byte IV,
 *       then AES-256-CBC ciphertext with PKCS#7 padding. Key: PBKDF2-HMAC-SHA1 of the password's UTF-8 bytes,
 *       64 000 iterations, 32 bytes. Nothing authenticates it: bad padding or a plaintext that is not JSON means a
 *       wrong password or a damaged file, and the message says both.
 * </ul>
 *
 * <p>Source: stratumauth/app, {@code Stratum.Core/src/Backup/Encryption/StrongBackupEncryption.cs} and
 * {@code LegacyBackupEncryption.cs}, {@code doc/BACKUP_FORMAT.md} and the app's {@code extra/decrypt_backup.py}. The
 * backups Authenticator Pro wrote before 2021 had no header (AES-CBC under SHA-256 of the password) and are not read.
 *
 * <p>Thread-safety: stateless.
 */
final class StratumDecryption {
  static final String STRONG_HEADER = "AUTHENTICATORPRO";
  static final String LEGACY_HEADER = "AuthenticatorPro";
  private static final int HEADER_LENGTH = 16;
  private static final int KEY_LENGTH = 32;

  private static final KdfParams ARGON2 = new KdfParams(64 * 1024, 3, 4);
  private static final int STRONG_SALT_LENGTH = 16;
  private static final int STRONG_IV_LENGTH = 12;
  /** Header, salt and IV: where the ciphertext starts. */
  private static final int STRONG_BODY = HEADER_LENGTH + STRONG_SALT_LENGTH + STRONG_IV_LENGTH;

  private static final int LEGACY_ITERATIONS = 64_000;
  private static final int LEGACY_SALT_LENGTH = 20;
  private static final int BLOCK = 16;
  private static final int LEGACY_BODY = HEADER_LENGTH + LEGACY_SALT_LENGTH + BLOCK;

  private StratumDecryption() {}

  /** Whether the file starts with either header. */
  static boolean recognises(ImportInput input) {
    return input.startsWith(STRONG_HEADER) || input.startsWith(LEGACY_HEADER);
  }

  /**
   * Checks that an encrypted backup (one that {@link #recognises}) is long enough to hold its construction, before
   * anyone is asked for a password.
   *
   * @throws VaultImportException if it is truncated
   */
  static void checkLength(ImportInput input) {
    int length = input.bytes().length;
    if (input.startsWith(STRONG_HEADER)) {
      if (length < STRONG_BODY + Aead.TAG_LENGTH) {
        throw new VaultImportException("the encrypted Stratum backup is truncated: " + length + " bytes, where "
            + "header, salt, IV and tag alone take " + (STRONG_BODY + Aead.TAG_LENGTH));
      }
    } else if (length < LEGACY_BODY + BLOCK || (length - LEGACY_BODY) % BLOCK != 0) {
      throw new VaultImportException("the encrypted Stratum backup (legacy) is truncated or damaged: after the "
          + "header, salt and IV come " + Math.max(length - LEGACY_BODY, 0) + " bytes, where AES-CBC needs a whole "
          + "number of 16-byte blocks");
    }
  }

  /**
   * Decrypts an encrypted backup (one that {@link #recognises}) with the password's UTF-8 bytes.
   *
   * @throws VaultImportException if the file is truncated or decrypts to something that is not a backup
   * @throws WrongPassphraseException if the password does not open it (or, as the app cannot tell, it was damaged)
   */
  static Map<String, Object> open(ImportInput input, byte[] password) {
    checkLength(input);
    boolean strong = input.startsWith(STRONG_HEADER);
    byte[] plain = strong ? openStrong(input.bytes(), password) : openLegacy(input.bytes(), password);
    try {
      return json(plain, strong);
    } finally {
      Wipe.bytes(plain);
    }
  }

  private static byte[] openStrong(byte[] file, byte[] password) {
    byte[] salt = Arrays.copyOfRange(file, HEADER_LENGTH, HEADER_LENGTH + STRONG_SALT_LENGTH);
    byte[] iv = Arrays.copyOfRange(file, HEADER_LENGTH + STRONG_SALT_LENGTH, STRONG_BODY);
    byte[] key = Argon2id.derive(password, salt, ARGON2, KEY_LENGTH);
    try {
      byte[] plain = Aead.openJoined(key, iv, Arrays.copyOfRange(file, STRONG_BODY, file.length));
      if (plain == null) {
        // GCM cannot tell a wrong key from altered bytes.
        throw new WrongPassphraseException("the password does not open the Stratum backup, or the file was "
            + "altered or damaged (its authentication tag does not match)");
      }
      return plain;
    } finally {
      Wipe.bytes(key);
    }
  }

  private static byte[] openLegacy(byte[] file, byte[] password) {
    byte[] salt = Arrays.copyOfRange(file, HEADER_LENGTH, HEADER_LENGTH + LEGACY_SALT_LENGTH);
    byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA1, password, salt, LEGACY_ITERATIONS, KEY_LENGTH, StratumFormat.NAME);
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new IvParameterSpec(file, HEADER_LENGTH + LEGACY_SALT_LENGTH, BLOCK));
      return cipher.doFinal(file, LEGACY_BODY, file.length - LEGACY_BODY);
    } catch (BadPaddingException e) {
      throw new WrongPassphraseException("the password does not open the Stratum backup (legacy), or the file is "
          + "damaged: this older format has no authentication to tell the two apart");
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-CBC is required of every JDK", e);
    } finally {
      Wipe.bytes(key);
    }
  }

  private static Map<String, Object> json(byte[] plain, boolean strong) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(plain)).toString();
    } catch (CharacterCodingException e) {
      text = null;
    }
    if (!strong && (text == null || !text.startsWith("{"))) {
      // One wrong key in 256 or so leaves valid padding; its plaintext is noise.
      throw new WrongPassphraseException("the password does not open the Stratum backup (legacy), or the file is "
          + "damaged: it decrypts to noise, and this older format has no authentication to tell the two apart");
    }
    if (text == null) {
      throw new VaultImportException("the encrypted Stratum backup opens but holds no UTF-8 text");
    }
    Object json;
    try {
      json = Json.parse(text);
    } catch (VaultImportException e) {
      throw new VaultImportException("the decrypted Stratum backup is " + e.getMessage());
    }
    return JsonFields.object(json, "the decrypted Stratum backup");
  }
}
