package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damages real image files at random, 90 per format (seeded: flipped bytes, cut tails, spliced garbage), and checks
 * that reading them never escapes as anything but a {@link QrCodeException}: ImageIO throws a zoo of exceptions on
 * hostile input, and none of them may reach the caller.
 */
class DamagedFileTest {
  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
  void readText_damagedFiles_failOnlyWithQrCodeException(String format) {
    Random random = new Random(format.hashCode());
    BufferedImage code = TestImages.code(QrCodesReadTest.TIKTOK.toUriString(), 3, 4, false);
    byte[] original = TestImages.encode(code, format);
    int[] outcomes = new int[QrCodeException.Reason.values().length + 1];
    for (int i = 0; i < 90; i++) {
      byte[] damaged = original.clone();
      switch (i % 3) {
        case 0:
          for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
          }
          break;
        case 1:
          damaged = java.util.Arrays.copyOf(damaged, 1 + random.nextInt(damaged.length - 1));
          break;
        default:
          int at = random.nextInt(damaged.length);
          for (int j = at; j < Math.min(damaged.length, at + 1 + random.nextInt(64)); j++) {
            damaged[j] = (byte) random.nextInt(256);
          }
      }
      try {
        QrCodes.readText(damaged);
        outcomes[outcomes.length - 1]++;
      } catch (QrCodeException e) {
        outcomes[e.reason().ordinal()]++;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        fail("damaged " + format + " #" + i + " escaped as " + e, e);
      }
    }
    assertThat(outcomes[QrCodeException.Reason.UNREADABLE_IMAGE.ordinal()] + outcomes[outcomes.length - 1])
        .as("some damage is caught, some is survived").isPositive();
  }
}
