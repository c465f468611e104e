package io.totpkit.vault;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signatures (<a href="https://www.rfc-editor.org/rfc/rfc8032">RFC 8032</a>) on plain byte arrays the caller
 * can zero; the only class that touches BouncyCastle's Ed25519. The vault's OWNERs sign the member table with it.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Ed25519Keys {
  static final int KEY_LENGTH = Ed25519.SECRET_KEY_SIZE;
  static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

  private Ed25519Keys() {}

  /** Returns a new private key (a 32-byte seed) drawn from {@code random}. */
  static byte[] generatePrivateKey(SecureRandom random) {
    byte[] key = new byte[KEY_LENGTH];
    Ed25519.generatePrivateKey(random, key);
    return key;
  }

  /** Returns the public key of {@code privateKey}. */
  static byte[] publicKey(byte[] privateKey) {
    byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  /** Signs {@code message}. */
  static byte[] sign(byte[] privateKey, byte[] message) {
    byte[] signature = new byte[SIGNATURE_LENGTH];
    Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  /** Whether {@code signature} is {@code publicKey}'s signature of {@code message}; false for any malformed input. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
