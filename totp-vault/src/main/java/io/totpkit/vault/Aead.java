package io.totpkit.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM through the JDK's hardware-accelerated {@code AES/GCM/NoPadding}: 96-bit random nonces, 128-bit tags.
 * A sealed value is {@code nonce ‖ ciphertext ‖ tag}.
 *
 * <p>The JDK's {@link SecretKeySpec} keeps a copy of the key that cannot be destroyed on JDK 17; instances live only
 * for one call, so the copy becomes garbage at once. Callers keep and zero their own key arrays.
 *
 * <p>Thread-safety: stateless; safe from any thread (each call gets its own {@link Cipher}).
 */
final class Aead {
  static final int KEY_LENGTH = 32;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;
  static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;
  /**
   * Large plaintexts are fed to the cipher in pieces of this size. One {@code doFinal} over a whole 2 MB body runs
   * GHASH's Java fallback (its hardware intrinsic applies only once the calling code is compiled, and a handful of
   * huge calls never get it compiled): measured here, 30–40 ms for 1.7 MB against 3 ms in 16 KiB pieces.
   */
  private static final int PIECE = 16 * 1024;

  private Aead() {}

  /** Seals {@code plaintext} under {@code key} with a fresh nonce from {@code random}. */
  static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
    return seal(key, plaintext, 0, plaintext.length, associatedData, random);
  }

  static byte[] seal(byte[] key, byte[] plaintext, int offset, int length, byte[] associatedData,
      SecureRandom random) {
    byte[] out = new byte[NONCE_LENGTH + length + TAG_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_LENGTH * 8, out, 0, NONCE_LENGTH));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      int written = NONCE_LENGTH;
      int done = 0;
      while (length - done > PIECE) {
        written += cipher.update(plaintext, offset + done, PIECE, out, written);
        done += PIECE;
      }
      cipher.doFinal(plaintext, offset + done, length - done, out, written);
      return out;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  /**
   * Opens a sealed value.
   *
   * @return the plaintext, or {@code null} if the tag does not verify (wrong key or altered bytes)
   */
  static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
    return open(key, sealed, 0, sealed.length, associatedData);
  }

  static byte[] open(byte[] key, byte[] sealed, int offset, int length, byte[] associatedData) {
    if (length < OVERHEAD) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_LENGTH * 8, sealed, offset, NONCE_LENGTH));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      return cipher.doFinal(sealed, offset + NONCE_LENGTH, length - NONCE_LENGTH);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  /** Opens GCM with an explicit nonce and a tag stored apart, as Aegis writes it; {@code null} if it fails. */
  static byte[] openDetached(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag) {
    if (tag.length != TAG_LENGTH) {
      return null;
    }
    byte[] joined = new byte[ciphertext.length + tag.length];
    System.arraycopy(ciphertext, 0, joined, 0, ciphertext.length);
    System.arraycopy(tag, 0, joined, ciphertext.length, tag.length);
    return openJoined(key, nonce, joined);
  }

  /**
   * Opens GCM with an explicit nonce over {@code ciphertext ‖ tag}, as most apps' encrypted exports hold it (2FAS,
   * andOTP, Stratum); {@code null} if it fails or the input is too short to hold a tag.
   */
  static byte[] openJoined(byte[] key, byte[] nonce, byte[] ciphertextAndTag) {
    if (nonce.length < 1 || ciphertextAndTag.length < TAG_LENGTH) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      return cipher.doFinal(ciphertextAndTag);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  /** Seals with an explicit nonce and returns {@code ciphertext ‖ tag}; for writing Aegis-shaped test fixtures. */
  static byte[] sealDetached(byte[] key, byte[] nonce, byte[] plaintext) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }
}
