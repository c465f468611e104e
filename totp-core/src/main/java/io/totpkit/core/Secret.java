package io.totpkit.core;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The shared key of a HOTP or TOTP account: bytes that copy in and copy out, and never show themselves.
 *
 * <pre>{@code
 * Secret typed = Secret.fromBase32("jbsw y3dp ehpk 3pxp");   // as a person copies it off a screen
 * Secret fresh = Secret.generate(HmacAlgorithm.SHA1);       // 20 random bytes from SecureRandom
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>{@link #toString()} shows the length only; no exception message quotes key material.
 *   <li>{@link #equals(Object)} compares in constant time; {@link #hashCode()} depends on the length only, so a hash
 *       table cannot become an oracle for the key bytes.
 *   <li>{@link #destroy()} overwrites the bytes with zeros; every later use throws {@link IllegalStateException}.
 *   <li>{@link #generate(HmacAlgorithm)} draws from {@link SecureRandom} and never produces fewer than 16 bytes
 *       (RFC 4226 §4, requirement R6: at least 128 bits).
 * </ul>
 *
 * <p>Thread-safety: safe for concurrent reads. {@link #destroy()} is meant for the end of the secret's life; a read
 * racing with it may see zeros or fail.
 */
public final class Secret implements Destroyable {
  /** The smallest secret {@link #generate(int)} makes: RFC 4226 R6 requires 128 bits. */
  public static final int MIN_GENERATED_LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] bytes;
  private volatile boolean destroyed;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Decodes a Base32 key as people copy it: case, spaces, hyphens and trailing padding do not matter.
   *
   * @param base32 the key text, for example {@code "JBSW Y3DP EHPK 3PXP"}
   * @return the secret
   * @throws InvalidSecretException if the text holds any other character, padding before the end, a length no
   *     encoder produces, or nothing at all; the message names the position and kind of the problem, not the key
   */
  public static Secret fromBase32(CharSequence base32) {
    Objects.requireNonNull(base32, "base32");
    return new Secret(Base32.decode(base32));
  }

  /**
   * Wraps a copy of raw key bytes. The caller keeps ownership of {@code key} and may zero it afterwards.
   *
   * @param key the key, at least one byte long
   * @return the secret
   * @throws InvalidSecretException if {@code key} is empty
   */
  public static Secret fromBytes(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0) {
      throw new InvalidSecretException("secret is empty: a key needs at least one byte");
    }
    return new Secret(key.clone());
  }

  /**
   * Generates a random secret as long as the algorithm's hash output (20, 32 or 64 bytes), the length RFC 4226 and
   * RFC 6238 recommend.
   *
   * @param algorithm the HMAC hash the secret will be used with
   * @return a new secret from {@link SecureRandom}
   */
  public static Secret generate(HmacAlgorithm algorithm) {
    return generate(algorithm.outputLength());
  }

  /**
   * Generates a random secret of {@code length} bytes from {@link SecureRandom}.
   *
   * @param length the key length in bytes, at least {@value #MIN_GENERATED_LENGTH}
   * @return a new secret
   * @throws IllegalArgumentException if {@code length} is below {@value #MIN_GENERATED_LENGTH}
   */
  public static Secret generate(int length) {
    return generate(length, RANDOM);
  }

  /**
   * Generates a random secret of {@code length} bytes from the given {@link SecureRandom}, for callers that manage
   * their own source (a hardware-backed provider, say).
   *
   * @param length the key length in bytes, at least {@value #MIN_GENERATED_LENGTH}
   * @param random the source of randomness
   * @return a new secret
   * @throws IllegalArgumentException if {@code length} is below {@value #MIN_GENERATED_LENGTH}
   */
  public static Secret generate(int length, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (length < MIN_GENERATED_LENGTH) {
      throw new IllegalArgumentException("generated secret length must be at least " + MIN_GENERATED_LENGTH
          + " bytes (RFC 4226 requires 128 bits), was " + length);
    }
    byte[] key = new byte[length];
    random.nextBytes(key);
    return new Secret(key);
  }

  /**
   * Returns a copy of the key bytes. The caller owns the copy and should zero it when done.
   *
   * @return a new array holding the key
   * @throws IllegalStateException if the secret was destroyed
   */
  public byte[] bytes() {
    checkNotDestroyed();
    return bytes.clone();
  }

  /**
   * Returns the key encoded as upper-case Base32 without padding, the form authenticator apps show. This string is
   * key material: keep it out of logs.
   *
   * @return the key in Base32
   * @throws IllegalStateException if the secret was destroyed
   */
  public String toBase32() {
    checkNotDestroyed();
    return Base32.encode(bytes);
  }

  /**
   * Returns the key length in bytes.
   *
   * @return the length, at least 1
   */
  public int length() {
    return bytes.length;
  }

  /** Overwrites the key bytes with zeros; the secret cannot be used afterwards. Calling it again does nothing. */
  @Override
  public void destroy() {
    destroyed = true;
    Wipe.bytes(bytes);
  }

  /** Returns whether {@link #destroy()} has been called. */
  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Gives the package direct read access to the key, without a copy; callers must not modify or keep it. */
  byte[] bytesForUse() {
    checkNotDestroyed();
    return bytes;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
  }

  /**
   * Compares two secrets' key bytes in constant time (the time depends on the lengths only).
   *
   * @param other the object to compare with
   * @return whether {@code other} is a secret with the same key bytes
   * @throws IllegalStateException if either secret was destroyed
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Secret)) {
      return false;
    }
    Secret that = (Secret) other;
    // MessageDigest.isEqual examines every byte whatever it finds: no early exit that would time the key.
    return MessageDigest.isEqual(bytesForUse(), that.bytesForUse());
  }

  /** Returns the key length: a hash over the key bytes would let the hash table's timing leak them. */
  @Override
  public int hashCode() {
    return bytes.length;
  }

  /** Returns a description with the length only, never the key: {@code Secret[20 bytes]}. */
  @Override
  public String toString() {
    return destroyed ? "Secret[destroyed]" : "Secret[" + bytes.length + " bytes]";
  }
}
