package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads andOTP's password-encrypted backups ({@code otp_accounts.json.aes}), as andOTP writes them since 0.6.3
 * ({@code BackupHelper.backupToFile}, {@code EncryptedRestoreTask}):
 *
 * <pre>
 * iterations (4 bytes, big-endian) ‖ salt (12 bytes) ‖ nonce (12 bytes) ‖ AES-256-GCM ciphertext ‖ tag (16 bytes)
 * key = PBKDF2-HMAC-SHA1(password as UTF-8, salt, iterations, 256 bits)
 * </pre>
 *
 * <p>The plaintext is the plain backup's JSON array, read by {@link AndOtpFormat}. andOTP draws the iteration count
 * at random from 1 000–5 000 (0.6.3 to 0.7.0) or 140 000–160 000 (0.7.1 on). The file has no magic, so it is
 * recognised by those counts in its first four bytes and a length that holds the header, nonce and tag. That keeps
 * other binary files out (a ZIP, SQLite or PNG file starts with a non-zero byte, random bytes match about once in
 * 180 000) and caps the key derivation at 160 000 iterations, about a tenth of a second.
 *
 * <p>GCM cannot tell a wrong password from altered bytes, so a failed tag is a {@link WrongPassphraseException} whose
 * message says both. Backups made before 0.6.3 (key = SHA-256 of the password, file = nonce ‖ ciphertext ‖ tag) are
 * not read: they carry no header and cannot be told from random bytes.
 *
 * <p>Source: andOTP's {@code app/src/main/java/org/shadowice/flocke/andotp/Utilities/BackupHelper.java},
 * {@code Utilities/EncryptionHelper.java}, {@code Utilities/Constants.java} and
 * {@code Tasks/EncryptedRestoreTask.java} (github.com/andOTP/andOTP, version 0.9.0.1; the counts from commits
 * d96b0373 and 6bd7ff0f); Aegis's {@code AndOtpImporter.java} reads the same layout.
 *
 * <p>Thread-safety: stateless.
 */
final class AndOtpEncryptedFormat implements ImportReader {
  static final String FORMAT = AndOtpFormat.NAME + " (encrypted)";
  private static final int SALT_LENGTH = 12;
  /** Iteration count and salt; the nonce, ciphertext and tag follow, as {@link Aead#open} reads them. */
  private static final int HEADER = 4 + SALT_LENGTH;
  static final int MIN_LENGTH = HEADER + Aead.OVERHEAD;
  /** No plain backup longer than the JSON reader reads can be inside. */
  static final int MAX_LENGTH = MIN_LENGTH + Json.MAX_LENGTH;

  @Override
  public String name() {
    return AndOtpFormat.NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    byte[] bytes = input.bytes();
    return bytes.length >= MIN_LENGTH && writtenByAndOtp(iterations(bytes));
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    byte[] bytes = input.bytes();
    if (bytes.length < MIN_LENGTH) {
      throw new VaultImportException("the andOTP backup is cut short: " + bytes.length + " bytes, where the header, "
          + "nonce and tag alone take " + MIN_LENGTH);
    }
    int iterations = iterations(bytes);
    if (!writtenByAndOtp(iterations)) {
      throw new VaultImportException("the andOTP backup's header asks for " + Integer.toUnsignedString(iterations)
          + " PBKDF2 iterations; andOTP writes 1000 to 5000 or 140000 to 160000, so the file is damaged or no "
          + "andOTP backup");
    }
    if (bytes.length > MAX_LENGTH) {
      throw new VaultImportException("the andOTP backup is " + bytes.length + " bytes; at most " + MAX_LENGTH
          + " are read");
    }
    List<?> entries = Imports.withPassword(password, FORMAT, secret -> decrypt(bytes, iterations, secret));
    return AndOtpFormat.entries(entries, FORMAT);
  }

  /** The iteration counts andOTP draws from: 1 000–5 000 (0.6.3 to 0.7.0), 140 000–160 000 (0.7.1 on). */
  private static boolean writtenByAndOtp(int iterations) {
    return (iterations >= 1_000 && iterations <= 5_000) || (iterations >= 140_000 && iterations <= 160_000);
  }

  private static int iterations(byte[] bytes) {
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  private static List<?> decrypt(byte[] bytes, int iterations, byte[] password) {
    byte[] salt = Arrays.copyOfRange(bytes, 4, HEADER);
    byte[] key = Pbkdf2.derive(Pbkdf2.Hash.SHA1, password, salt, iterations, Aead.KEY_LENGTH, FORMAT);
    byte[] plain;
    try {
      plain = Aead.open(key, bytes, HEADER, bytes.length - HEADER, null);
    } finally {
      Wipe.bytes(key);
    }
    if (plain == null) {
      throw new WrongPassphraseException("the password does not open the andOTP backup, or the file was altered or "
          + "cut short (its encryption cannot tell the two apart)");
    }
    Object json;
    try {
      // The decoded String cannot be wiped; it lives until the import returns, as the plain backup's would.
      json = Json.parse(new String(plain, StandardCharsets.UTF_8));
    } catch (VaultImportException e) {
      throw new VaultImportException("the andOTP backup opened, but what it holds is " + e.getMessage());
    } finally {
      Wipe.bytes(plain);
    }
    if (!(json instanceof List)) {
      throw new VaultImportException("the andOTP backup opened, but holds no JSON array of entries");
    }
    return (List<?>) json;
  }
}
