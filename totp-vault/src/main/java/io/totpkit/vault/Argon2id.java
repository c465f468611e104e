package io.totpkit.vault;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (<a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106</a>), the passphrase KDF; the only class that
 * touches BouncyCastle's Argon2.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Argon2id {
  private Argon2id() {}

  /**
   * Derives {@code length} bytes from {@code password}; the caller owns and zeroes both arrays.
   *
   * @param password the passphrase's UTF-8 bytes
   * @param salt at least 8 bytes
   * @param params memory, passes and lanes, already validated
   * @param length the output length
   * @return a new array the caller must zero
   */
  static byte[] derive(byte[] password, byte[] salt, KdfParams params, int length) {
    return derive(password, salt, null, null, params, length);
  }

  /** The full form with RFC 9106's optional secret and associated data, used by the RFC's test vector. */
  static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, KdfParams params,
      int length) {
    Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(params.memoryKib())
        .withIterations(params.iterations())
        .withParallelism(params.parallelism());
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (associatedData != null) {
      builder.withAdditional(associatedData);
    }
    Argon2Parameters parameters = builder.build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    // Argon2Parameters keeps copies of salt and secret; clear what it exposes.
    parameters.clear();
    return out;
  }
}
