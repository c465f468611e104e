package io.totpkit.vault;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt (<a href="https://www.rfc-editor.org/rfc/rfc7914">RFC 7914</a>), used only to open password-protected Aegis
 * exports; the only class that touches BouncyCastle's scrypt.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class Scrypt {
  /** The most memory ({@code 128 * N * r * p} bytes) a file may ask for: Aegis uses 32 MiB. */
  static final long MAX_MEMORY_BYTES = 256L << 20;

  private Scrypt() {}

  /**
   * Derives {@code length} bytes, refusing parameters a hostile file could use to exhaust memory or time.
   *
   * @throws VaultImportException if the parameters are out of range
   */
  static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
    if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || p > 16 || r > 64
        || 128L * n * r * p > MAX_MEMORY_BYTES) {
      throw new VaultImportException("the Aegis slot's scrypt parameters (n=" + n + ", r=" + r + ", p=" + p
          + ") are outside the accepted range (n a power of two, 128*n*r*p at most 256 MiB, p at most 16)");
    }
    return SCrypt.generate(password, salt, n, r, p, length);
  }
}
