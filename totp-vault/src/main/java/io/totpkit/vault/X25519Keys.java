package io.totpkit.vault;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key agreement (<a href="https://www.rfc-editor.org/rfc/rfc7748">RFC 7748</a>) on plain byte arrays the caller
 * can zero; the only class that touches BouncyCastle's X25519.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class X25519Keys {
  static final int KEY_LENGTH = 32;

  private X25519Keys() {}

  /** Returns a new clamped private key drawn from {@code random}. */
  static byte[] generatePrivateKey(SecureRandom random) {
    byte[] key = new byte[KEY_LENGTH];
    X25519.generatePrivateKey(random, key);
    return key;
  }

  /** Returns the public key of {@code privateKey}. */
  static byte[] publicKey(byte[] privateKey) {
    byte[] publicKey = new byte[KEY_LENGTH];
    X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  /**
   * Returns the shared secret of {@code privateKey} and {@code publicKey}.
   *
   * @throws VaultTamperedException if the public key is a low-order point (the agreement is all zeros)
   */
  static byte[] agree(byte[] privateKey, byte[] publicKey) {
    byte[] shared = new byte[KEY_LENGTH];
    if (!X25519.calculateAgreement(privateKey, 0, publicKey, 0, shared, 0)) {
      throw new VaultTamperedException("a key slot holds an invalid X25519 public key");
    }
    return shared;
  }
}
