package io.totpkit.bench.photos;

import java.awt.image.BufferedImage;

/**
 * A lamp or window reflected in the screen's glass: a bright elliptical highlight with a soft halo, added to the
 * screen's light and clipped at full scale, so that at high strength the dark modules under its core turn white.
 *
 * <p>Thread-safety: stateless.
 */
final class Glare {
  private Glare() {}

  /**
   * Adds a highlight centred at ({@code cx}, {@code cy}) with semi-axes {@code a} and {@code b} pixels (one
   * standard deviation of the core), turned by {@code degrees}, whose core adds {@code strength} to every channel
   * (255 = full scale); the halo is three times as wide and a quarter as strong.
   */
  static BufferedImage highlight(BufferedImage image, double cx, double cy, double a, double b, double degrees,
      double strength) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = Pixels.of(image);
    double cos = Math.cos(Math.toRadians(degrees));
    double sin = Math.sin(Math.toRadians(degrees));
    double reach = 9 * Math.max(a, b);
    int x0 = (int) Math.max(0, cx - reach);
    int x1 = (int) Math.min(width, cx + reach);
    int y0 = (int) Math.max(0, cy - reach);
    int y1 = (int) Math.min(height, cy + reach);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double dx = x - cx;
        double dy = y - cy;
        double u = (dx * cos + dy * sin) / a;
        double v = (-dx * sin + dy * cos) / b;
        double d2 = u * u + v * v;
        double light = strength * (Math.exp(-d2 / 2) + 0.25 * Math.exp(-d2 / 18));
        int p = pixels[y * width + x];
        // A slightly warm lamp.
        pixels[y * width + x] = Pixels.pack((p >> 16 & 0xff) + light, (p >> 8 & 0xff) + light * 0.97,
            (p & 0xff) + light * 0.9);
      }
    }
    return Pixels.image(pixels, width, height);
  }
}
