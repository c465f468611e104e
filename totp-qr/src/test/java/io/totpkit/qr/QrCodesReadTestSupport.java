package io.totpkit.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

final class QrCodesReadTestSupport {
  private QrCodesReadTestSupport() {}

  /** Round-trips an image through JPEG at the given quality and returns the decoded result. */
  static BufferedImage jpegOf(BufferedImage image, float quality) {
    try {
      return ImageIO.read(new ByteArrayInputStream(TestImages.jpeg(image, quality)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
