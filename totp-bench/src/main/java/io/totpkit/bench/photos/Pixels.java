package io.totpkit.bench.photos;

import java.awt.image.BufferedImage;

/**
 * Packed {@code 0xRRGGBB} pixel arrays and the images they come from and go to: every damage step works on them.
 *
 * <p>Thread-safety: stateless.
 */
final class Pixels {
  private Pixels() {}

  static int[] of(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  static BufferedImage image(int[] rgb, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  /** Packs three channel values, rounded and clipped to 0..255: light beyond full scale is lost, as on a sensor. */
  static int pack(double r, double g, double b) {
    return channel(r) << 16 | channel(g) << 8 | channel(b);
  }

  static int channel(double value) {
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }
}
