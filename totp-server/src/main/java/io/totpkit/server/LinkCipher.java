package io.totpkit.server;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a link's own secret (an invitation's 256 random bits): what the invitee sends is kept so that only
 * someone holding the link, or the OWNER who made it, can read it. The key is never stored in the clear.
 *
 * <p>Thread-safety: stateless.
 */
final class LinkCipher {
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private LinkCipher() {}

  static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  /** The plaintext, or {@code null} if the key is wrong or the bytes were altered. */
  static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
    if (sealed.length < NONCE + 16) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, NONCE));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (javax.crypto.AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }
}
