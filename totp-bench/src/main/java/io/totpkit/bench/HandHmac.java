package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The four-compression limit: HMAC assembled by hand over one reused {@link MessageDigest} from precomputed pad
 * blocks, with nothing else around it (no thread confinement, no time-to-step arithmetic). totpkit does exactly this
 * work plus what a shareable, configurable generator needs; the gap between the two is its overhead. Not
 * thread-safe: one per benchmark state.
 */
final class HandHmac {
  private final MessageDigest digest;
  private final byte[] innerPad;
  private final byte[] outerPad;
  private final byte[] buf;
  private final int outLength;

  HandHmac(HmacAlgorithm algorithm, byte[] key) {
    try {
      digest = MessageDigest.getInstance(algorithm.digestName());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    int block = algorithm == HmacAlgorithm.SHA512 ? 128 : 64;
    innerPad = new byte[block];
    outerPad = new byte[block];
    for (int i = 0; i < block; i++) {
      byte b = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
    outLength = algorithm.outputLength();
    buf = new byte[outLength];
  }

  int code(long counter) {
    Fixtures.writeCounter(buf, counter);
    try {
      digest.update(innerPad);
      digest.update(buf, 0, 8);
      digest.digest(buf, 0, outLength);
      digest.update(outerPad);
      digest.update(buf, 0, outLength);
      digest.digest(buf, 0, outLength);
    } catch (DigestException e) {
      throw new AssertionError(e);
    }
    return Fixtures.truncate(buf, outLength) % 1_000_000;
  }
}
