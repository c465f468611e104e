package io.totpkit.spring;

import io.totpkit.core.Wipe;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts users' TOTP keys at rest with AES-256-GCM under the current application key of a {@link KeyRing}.
 *
 * <p>Format (version 1): {@code 0x01 || nonce (12 random bytes) || ciphertext || tag (16 bytes)}. The additional
 * authenticated data is {@code "totpkit-key\0" || version || key id || 0x00 || username (UTF-8)}, so a record whose key
 * id or username was changed, or that was copied to another user's row, fails to decrypt. Random 96-bit nonces:
 * one encryption per enrollment or rotation, far below the 2^32 limit per key.
 *
 * <p>Security: key copies and plain keys pass through arrays this class wipes; the JDK's {@link SecretKeySpec} keeps
 * its own copy of the application key until collected (its {@code destroy} is not implemented).
 *
 * <p>Thread-safety: safe for concurrent use (a {@link Cipher} per call).
 */
final class TotpKeyCipher {
  static final byte VERSION = 1;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] CONTEXT = "totpkit-key\0".getBytes(StandardCharsets.US_ASCII);

  private final KeyRing ring;
  private final SecureRandom random;

  TotpKeyCipher(KeyRing ring, SecureRandom random) {
    this.ring = ring;
    this.random = random;
  }

  /** The id new records are encrypted under. */
  String currentKeyId() {
    return ring.currentId();
  }

  /** Encrypts {@code plainKey} for {@code username} under the current key; the caller wipes {@code plainKey}. */
  byte[] encrypt(String username, byte[] plainKey) {
    String keyId = ring.currentId();
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      Cipher cipher = init(Cipher.ENCRYPT_MODE, keyId, nonce, username);
      byte[] sealed = cipher.doFinal(plainKey);
      return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is in every JDK", e);
    }
  }

  /**
   * Decrypts a record's key; the caller wipes the result.
   *
   * @throws TotpKeyStoreException if the key id is not configured or the record fails authentication
   */
  byte[] decrypt(StoredTotpKey record) {
    byte[] data = record.ciphertext();
    if (data.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || data[0] != VERSION) {
      throw new TotpKeyStoreException("The stored TOTP key of user " + record.username()
          + " is not in a format this totpkit reads (version " + (data.length == 0 ? "none" : data[0]) + ")");
    }
    if (!ring.contains(record.keyId())) {
      throw new TotpKeyStoreException("The stored TOTP key of user " + record.username() + " is encrypted under key"
          + " id \"" + record.keyId() + "\", which totpkit.keys.encryption-keys does not hold: put that key back");
    }
    byte[] nonce = Arrays.copyOfRange(data, 1, 1 + NONCE_LENGTH);
    try {
      Cipher cipher = init(Cipher.DECRYPT_MODE, record.keyId(), nonce, record.username());
      return cipher.doFinal(data, 1 + NONCE_LENGTH, data.length - 1 - NONCE_LENGTH);
    } catch (AEADBadTagException e) {
      throw new TotpKeyStoreException("The stored TOTP key of user " + record.username() + " fails authentication"
          + " under key id \"" + record.keyId() + "\": it was altered, belongs to another user, or that key id now"
          + " holds a different key");
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is in every JDK", e);
    }
  }

  private Cipher init(int mode, String keyId, byte[] nonce, String username) throws GeneralSecurityException {
    byte[] key = ring.copyOf(keyId);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(keyId, username));
      return cipher;
    } finally {
      Wipe.bytes(key);
    }
  }

  private static byte[] associatedData(String keyId, String username) {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    byte[] user = username.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(CONTEXT.length + 1 + id.length + 1 + user.length)
        .put(CONTEXT).put(VERSION).put(id).put((byte) 0).put(user).array();
  }

  @Override
  public String toString() {
    return "TotpKeyCipher{AES-256-GCM, " + ring + "}";
  }
}
