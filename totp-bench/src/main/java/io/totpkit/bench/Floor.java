package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The floor for any HMAC on the JDK: two compressions through the JDK's intrinsic {@link MessageDigest}. An update of
 * one block minus the padding (55 bytes for SHA-1/256, 111 for SHA-512) then {@code digest(out, 0, n)} is exactly one
 * compression; doing it twice is half of what an HMAC over a short message needs (four compressions), and no HMAC
 * can do fewer than two. Not thread-safe: one per benchmark state.
 */
final class Floor {
  private final MessageDigest digest;
  private final byte[] block;
  private final byte[] out;
  private final int outLength;
  private final int messageLength;

  Floor(HmacAlgorithm algorithm) {
    try {
      digest = MessageDigest.getInstance(algorithm.digestName());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    int blockLength = algorithm == HmacAlgorithm.SHA512 ? 128 : 64;
    int lengthField = algorithm == HmacAlgorithm.SHA512 ? 16 : 8;
    messageLength = blockLength - lengthField - 1;
    block = new byte[messageLength];
    for (int i = 0; i < messageLength; i++) {
      block[i] = (byte) (i * 31 + 7);
    }
    outLength = algorithm.outputLength();
    out = new byte[outLength];
  }

  /** Two compressions; {@code counter} changes the input so nothing can be hoisted. Returns a byte of the result. */
  int twoCompressions(long counter) {
    block[0] = (byte) counter;
    try {
      digest.update(block, 0, messageLength);
      digest.digest(out, 0, outLength);
      digest.update(block, 0, messageLength);
      digest.digest(out, 0, outLength);
    } catch (DigestException e) {
      throw new AssertionError(e);
    }
    return out[0];
  }
}
