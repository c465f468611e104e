package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Inputs shared by the benchmarks, computed once: the RFC 6238 keys and a walk of times one step apart. */
final class Fixtures {
  /** Times walked by the generation benchmarks: a power of two, so {@code i & MASK} indexes them. */
  static final int TIMES = 1024;
  static final int MASK = TIMES - 1;
  /** 2026-11-23T10:00:10Z, ten seconds into a step. */
  static final long START_SECONDS = 1_795_428_010L;
  static final long PERIOD = 30;

  private Fixtures() {}

  /** The RFC 6238 Appendix B key for {@code algorithm}: 20, 32 or 64 bytes of ASCII digits. */
  static byte[] rfcKey(HmacAlgorithm algorithm) {
    String seed = "1234567890";
    StringBuilder key = new StringBuilder();
    while (key.length() < algorithm.outputLength()) {
      key.append(seed);
    }
    return key.substring(0, algorithm.outputLength()).getBytes(StandardCharsets.US_ASCII);
  }

  static Secret secret(HmacAlgorithm algorithm) {
    return Secret.fromBytes(rfcKey(algorithm));
  }

  /** {@link #TIMES} instants, one step apart, each ten seconds into its step. */
  static Instant[] times() {
    Instant[] times = new Instant[TIMES];
    for (int i = 0; i < TIMES; i++) {
      times[i] = Instant.ofEpochSecond(START_SECONDS + PERIOD * i);
    }
    return times;
  }

  /** The JCA name of the HMAC over {@code algorithm}. */
  static String macName(HmacAlgorithm algorithm) {
    switch (algorithm) {
      case SHA1:
        return "HmacSHA1";
      case SHA256:
        return "HmacSHA256";
      case SHA512:
        return "HmacSHA512";
      default:
        throw new AssertionError("unknown algorithm " + algorithm);
    }
  }

  /** Dynamic truncation (RFC 4226 §5.3) of an HMAC output of {@code length} bytes in {@code hash}. */
  static int truncate(byte[] hash, int length) {
    int offset = hash[length - 1] & 0x0f;
    return ((hash[offset] & 0x7f) << 24)
        | ((hash[offset + 1] & 0xff) << 16)
        | ((hash[offset + 2] & 0xff) << 8)
        | (hash[offset + 3] & 0xff);
  }

  static void writeCounter(byte[] buf, long counter) {
    for (int i = 7; i >= 0; i--) {
      buf[i] = (byte) counter;
      counter >>>= 8;
    }
  }
}
