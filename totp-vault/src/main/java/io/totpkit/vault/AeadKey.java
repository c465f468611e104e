package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256-GCM key with its own cached {@link Cipher}, for the hot paths (a reveal opens one entry secret and seals
 * one audit record): looking a cipher up per call costs more than the encryption. Same wire format as {@link Aead}.
 *
 * <p>Thread-safety: not thread-safe; {@link Vault} uses it under its lock.
 */
final class AeadKey implements AutoCloseable {
  private final byte[] key;
  private final SecretKeySpec spec;
  private final Cipher cipher;

  AeadKey(byte[] key) {
    this.key = key.clone();
    this.spec = new SecretKeySpec(this.key, "AES");
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  byte[] seal(byte[] plaintext, byte[] associatedData, SecureRandom random) {
    byte[] out = new byte[Aead.NONCE_LENGTH + plaintext.length + Aead.TAG_LENGTH];
    byte[] nonce = new byte[Aead.NONCE_LENGTH];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 0, Aead.NONCE_LENGTH);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(Aead.TAG_LENGTH * 8, nonce));
      cipher.updateAAD(associatedData);
      cipher.doFinal(plaintext, 0, plaintext.length, out, Aead.NONCE_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  /** Returns the plaintext, or {@code null} if the tag does not verify. */
  byte[] open(byte[] sealed, int offset, int length, byte[] associatedData) {
    if (length < Aead.OVERHEAD) {
      return null;
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(Aead.TAG_LENGTH * 8, sealed, offset,
          Aead.NONCE_LENGTH));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, offset + Aead.NONCE_LENGTH, length - Aead.NONCE_LENGTH);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new AssertionError("AES-256-GCM is required of every JDK", e);
    }
  }

  byte[] open(byte[] sealed, byte[] associatedData) {
    return open(sealed, 0, sealed.length, associatedData);
  }

  /** Zeroes this object's copy of the key (the JDK's internal copies become garbage with it). */
  @Override
  public void close() {
    Wipe.bytes(key);
  }
}
