package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The best a caller can do with the JCA: one {@link Mac}, initialised once with the key and reused, writing into a
 * reused buffer ({@code doFinal(out, 0)}), then dynamic truncation. Not thread-safe: one per benchmark state.
 */
final class CachedMac {
  private final Mac mac;
  private final byte[] counterBytes = new byte[8];
  private final byte[] out;
  private final int outLength;
  private final int modulus;

  CachedMac(HmacAlgorithm algorithm, byte[] key, int digits) {
    try {
      mac = Mac.getInstance(Fixtures.macName(algorithm));
      mac.init(new SecretKeySpec(key, Fixtures.macName(algorithm)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    outLength = algorithm.outputLength();
    out = new byte[outLength];
    modulus = (int) Math.pow(10, digits);
  }

  int code(long counter) {
    Fixtures.writeCounter(counterBytes, counter);
    mac.update(counterBytes, 0, 8);
    try {
      mac.doFinal(out, 0);
    } catch (ShortBufferException e) {
      throw new AssertionError(e);
    }
    return Fixtures.truncate(out, outLength) % modulus;
  }
}
