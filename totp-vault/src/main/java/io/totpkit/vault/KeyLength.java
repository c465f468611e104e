package io.totpkit.vault;

import io.totpkit.core.Secret;

/**
 * How long an account's key must be for the vault to store it, and how long it should be. The rule is written here
 * once: the vault refuses keys shorter than {@link #MINIMUM_BITS} wherever an entry is stored (add, update, import),
 * and tools warn about keys shorter than {@link #RECOMMENDED_BITS}.
 *
 * <p>A key this short is rarely what the service issued: the usual cause is a setup key cut off when it was copied
 * (a missed group of {@code ABCD EFGH …}, half a selection), and its codes would simply never match. So the vault says
 * so instead of storing it.
 *
 * <p>Thread-safety: stateless.
 */
public final class KeyLength {
  /**
   * The shortest key the vault stores: 80 bits. Google Authenticator's setup keys were 16 Base32 characters long, 80
   * bits (the Key Uri Format's example {@code JBSWY3DPEHPK3PXP} is one), and real accounts still use keys of that
   * length, so the vault cannot ask for more without locking agencies out of accounts they hold.
   */
  public static final int MINIMUM_BITS = 80;

  /**
   * The length a key should have: 128 bits. RFC 4226 §4, requirement R6: "The length of the shared secret MUST be at
   * least 128 bits. This document RECOMMENDs a shared secret length of 160 bits." Keys between {@link #MINIMUM_BITS}
   * and this are stored, and warned about.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc4226#section-4">RFC 4226 §4</a>
   */
  public static final int RECOMMENDED_BITS = 128;

  private KeyLength() {}

  /**
   * Returns a key's length in bits, as {@link #MINIMUM_BITS} and {@link #RECOMMENDED_BITS} count it.
   *
   * @param secret the key
   * @return its length in bits
   */
  public static int bits(Secret secret) {
    return secret.length() * Byte.SIZE;
  }

  /** Why the vault refuses {@code secret}, or {@code null} when it is at least {@link #MINIMUM_BITS} long. */
  static String refusal(Secret secret) {
    int bits = bits(secret);
    if (bits >= MINIMUM_BITS) {
      return null;
    }
    return "the key is only " + bits + " bits; the vault stores keys of at least " + MINIMUM_BITS + " bits (RFC 4226 "
        + "asks for " + RECOMMENDED_BITS + "): was the key cut off when it was copied?";
  }

  /**
   * Refuses a key shorter than {@link #MINIMUM_BITS}.
   *
   * @throws IllegalArgumentException naming the key's length, if it is too short
   */
  static void requireMinimum(Secret secret) {
    String refusal = refusal(secret);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
