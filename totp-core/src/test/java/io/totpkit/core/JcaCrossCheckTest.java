package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the hand-assembled HMAC against the JDK's {@code javax.crypto.Mac}, an independent implementation, over key
 * lengths from 1 byte to well past every hash's block (the oathtool table stops at 100 bytes, below SHA-512's 128).
 */
class JcaCrossCheckTest {
  @ParameterizedTest
  @EnumSource(HmacAlgorithm.class)
  void generateInt_randomKeysAndCounters_matchesJcaMac(HmacAlgorithm algorithm) throws GeneralSecurityException {
    SplittableRandom random = new SplittableRandom(20261123L + algorithm.ordinal());
    Mac mac = Mac.getInstance("Hmac" + algorithm.name());
    for (int keyLength = 1; keyLength <= 300; keyLength++) {
      byte[] key = new byte[keyLength];
      random.nextBytes(key);
      mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
      int digits = 6 + random.nextInt(5);
      Hotp hotp = Hotp.builder(Secret.fromBytes(key)).algorithm(algorithm).digits(digits).build();
      for (int i = 0; i < 4; i++) {
        long counter = i == 0 ? Long.MAX_VALUE : (random.nextLong() >>> 1) >>> random.nextInt(63);
        assertThat(hotp.generateInt(counter)).as("key length %d, counter %d", keyLength, counter)
            .isEqualTo(reference(mac, counter, digits));
      }
    }
  }

  /** RFC 4226 §5.3 written out plainly over the JCA. */
  private static int reference(Mac mac, long counter, int digits) {
    byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    int offset = hash[hash.length - 1] & 0xf;
    int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
    return (int) (binary % (long) Math.pow(10, digits));
  }
}
