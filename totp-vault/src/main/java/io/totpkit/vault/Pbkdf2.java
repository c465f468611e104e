package io.totpkit.vault;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2 (<a href="https://www.rfc-editor.org/rfc/rfc8018">RFC 8018</a>), used only to open other apps' encrypted
 * exports (2FAS, andOTP, Stratum); the only class that touches BouncyCastle's PBKDF2. Works on the password's UTF-8
 * bytes, as those apps do, and refuses iteration counts a hostile file could use to burn time.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Pbkdf2 {
  /** The most iterations a file may ask for: andOTP uses up to 160 000, about 0.1 s; this is some seconds. */
  static final int MAX_ITERATIONS = 2_000_000;

  /** The HMAC hash. */
  enum Hash { SHA1, SHA256, SHA512 }

  private Pbkdf2() {}

  /**
   * Derives {@code length} bytes; the caller owns and zeroes both arrays.
   *
   * @throws VaultImportException if {@code iterations} is outside 1 to {@link #MAX_ITERATIONS}
   */
  static byte[] derive(Hash hash, byte[] password, byte[] salt, int iterations, int length, String format) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new VaultImportException("the " + format + " file asks for " + iterations + " PBKDF2 iterations; "
          + "1 to " + MAX_ITERATIONS + " are accepted");
    }
    Digest digest = hash == Hash.SHA1 ? new SHA1Digest() : hash == Hash.SHA256 ? new SHA256Digest()
        : new SHA512Digest();
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
    generator.init(password, salt, iterations);
    return ((KeyParameter) generator.generateDerivedMacParameters(length * 8)).getKey();
  }
}
