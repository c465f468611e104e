package io.totpkit.core;

import java.util.Locale;

/**
 * The hash functions HOTP and TOTP may use with HMAC (RFC 2104): SHA-1 is the RFC 4226 default and what nearly every
 * authenticator app assumes; SHA-256 and SHA-512 are allowed by RFC 6238.
 *
 * <p>Thread-safety: immutable.
 */
public enum HmacAlgorithm {
  /** HMAC-SHA-1: 20-byte output, 64-byte block. The default everywhere. */
  SHA1("SHA-1", 20, 64),
  /** HMAC-SHA-256: 32-byte output, 64-byte block. */
  SHA256("SHA-256", 32, 64),
  /** HMAC-SHA-512: 64-byte output, 128-byte block. */
  SHA512("SHA-512", 64, 128);

  private final String digestName;
  private final int outputLength;
  private final int blockLength;

  HmacAlgorithm(String digestName, int outputLength, int blockLength) {
    this.digestName = digestName;
    this.outputLength = outputLength;
    this.blockLength = blockLength;
  }

  /**
   * Returns the JCA name of the underlying hash, as {@link java.security.MessageDigest#getInstance(String)} takes it.
   *
   * @return for example {@code "SHA-256"}
   */
  public String digestName() {
    return digestName;
  }

  /**
   * Returns the length of the hash output in bytes, which is also the key length that RFC 4226 recommends.
   *
   * @return 20, 32 or 64
   */
  public int outputLength() {
    return outputLength;
  }

  /** Returns the hash's block length in bytes; HMAC hashes keys longer than this first. */
  int blockLength() {
    return blockLength;
  }

  /**
   * Returns the name used in {@code otpauth://} URIs ({@code SHA1}, {@code SHA256}, {@code SHA512}).
   *
   * @return the name as it is written in an {@code algorithm=} parameter
   */
  public String uriName() {
    return name();
  }

  /**
   * Finds the algorithm that an {@code otpauth://} URI or a user names, leniently: case is ignored, and so are a
   * hyphen and an {@code Hmac} prefix, so {@code sha256}, {@code SHA-256} and {@code HmacSHA256} all name
   * {@link #SHA256}.
   *
   * @param name the name to look up
   * @return the algorithm
   * @throws IllegalArgumentException if the name is not one of the three supported hashes
   */
  public static HmacAlgorithm fromName(String name) {
    String normalized = name.toUpperCase(Locale.ROOT).replace("-", "");
    if (normalized.startsWith("HMAC")) {
      normalized = normalized.substring(4);
    }
    switch (normalized) {
      case "SHA1":
        return SHA1;
      case "SHA256":
        return SHA256;
      case "SHA512":
        return SHA512;
      default:
        throw new IllegalArgumentException("unsupported algorithm " + Printable.quote(name)
            + " (expected SHA1, SHA256 or SHA512)");
    }
  }
}
