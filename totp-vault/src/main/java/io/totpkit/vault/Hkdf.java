package io.totpkit.vault;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA-256 (<a href="https://www.rfc-editor.org/rfc/rfc5869">RFC 5869</a>); the only class that touches
 * BouncyCastle's HKDF.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Hkdf {
  private Hkdf() {}

  /**
   * Extracts and expands {@code length} bytes; the caller zeroes the result.
   *
   * @param ikm input key material
   * @param salt the salt, or {@code null} for none
   * @param info the context label
   * @param length the output length, at most 8160
   * @return a new array
   */
  static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }

  /**
   * Expands {@code prk} without the extract step (RFC 5869 §2.3 alone), as Bitwarden stretches a password-derived key
   * into its encryption and MAC keys; the caller zeroes the result.
   *
   * @param prk the pseudorandom key, at least 32 bytes
   * @param info the context label
   * @param length the output length, at most 8160
   * @return a new array
   */
  static byte[] expand(byte[] prk, byte[] info, int length) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(HKDFParameters.skipExtractParameters(prk, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }

  /** A 32-byte key for one use in one vault: info is the use's label followed by the vault id. */
  static byte[] deriveFor(byte[] ikm, byte[] salt, byte[] label, byte[] vaultId) {
    byte[] info = new byte[label.length + vaultId.length];
    System.arraycopy(label, 0, info, 0, label.length);
    System.arraycopy(vaultId, 0, info, label.length, vaultId.length);
    return derive(ikm, salt, info, 32);
  }
}
