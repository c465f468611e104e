package io.totpkit.bench.photos;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A camera sensor's noise in poor light: each channel of each pixel counts photons, so its noise grows with the
 * square root of its light (shot noise), plus a fixed read noise; the camera then amplifies the count back to full
 * scale, noise included. Fewer photons at white means a darker room and a noisier picture.
 *
 * <p>Thread-safety: stateless.
 */
final class SensorNoise {
  /** Read noise, in photo-electrons. */
  private static final double READ_NOISE = 2;

  private SensorNoise() {}

  /**
   * Adds shot and read noise for an exposure that collects {@code photonsAtWhite} photo-electrons in a white pixel.
   * The standard deviation at white is then about {@code 255 / sqrt(photonsAtWhite)}.
   */
  static BufferedImage expose(BufferedImage image, double photonsAtWhite, Random random) {
    int[] pixels = Pixels.of(image);
    double gain = 255 / photonsAtWhite;
    double[] channels = new double[3];
    for (int i = 0; i < pixels.length; i++) {
      int p = pixels[i];
      for (int c = 0; c < 3; c++) {
        double photons = (p >> (16 - 8 * c) & 0xff) / gain;
        double sigma = Math.sqrt(photons + READ_NOISE * READ_NOISE);
        channels[c] = (photons + random.nextGaussian() * sigma) * gain;
      }
      pixels[i] = Pixels.pack(channels[0], channels[1], channels[2]);
    }
    return Pixels.image(pixels, image.getWidth(), image.getHeight());
  }

  /** The photons at white that give a standard deviation of {@code sigma} (0..255 scale) at white. */
  static double photonsForSigmaAtWhite(double sigma) {
    return (255 / sigma) * (255 / sigma);
  }
}
