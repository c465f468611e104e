package io.totpkit.core;

import java.util.Arrays;

/**
 * Zeroes arrays that held key material or passphrases, the one way every totpkit module does it. Each method accepts
 * {@code null} (nothing was allocated yet) so that a {@code finally} block can wipe whatever it got to.
 *
 * <p>Zeroing shortens the time a secret sits in memory; it cannot reach copies the JDK made on its own (a
 * {@code String} a passphrase passed through, a {@code Cipher}'s expanded key). Those become garbage at once.
 *
 * <p>Thread-safety: stateless; the caller owns the arrays.
 */
public final class Wipe {
  private Wipe() {}

  /**
   * Overwrites every byte with zero.
   *
   * @param secret the array, or {@code null}
   */
  public static void bytes(byte[] secret) {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Overwrites every character with {@code '\0'}.
   *
   * @param secret the array, or {@code null}
   */
  public static void chars(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
