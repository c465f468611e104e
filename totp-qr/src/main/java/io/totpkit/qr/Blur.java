package io.totpkit.qr;

/**
 * Blurs a grey-scale picture in time independent of the radius: box filters by running sums, three of them in a row
 * for a Gaussian (the repeated box converges on it; three passes are within a few percent). The photo repairs build
 * on it: de-moiré is a blur, an unsharp mask adds back the difference from one, and contrast normalisation divides by
 * a blurred local spread.
 */
final class Blur {
  /** The widest box this class blurs with; the repairs use radii under 20. */
  static final int MAX_RADIUS = 100;

  private Blur() {}

  /** A Gaussian blur of standard deviation about {@code sigma} pixels, approximated by three box blurs. */
  static int[] gaussian(byte[] pixels, int width, int height, double sigma) {
    int[] values = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      values[i] = pixels[i] & 0xff;
    }
    return gaussian(values, width, height, sigma);
  }

  /** As {@link #gaussian(byte[], int, int, double)}, for values that need not fit a byte; returns a new array. */
  static int[] gaussian(int[] values, int width, int height, double sigma) {
    // Three boxes of width w have variance 3 (w² - 1) / 12; choose the odd w closest to the wanted sigma.
    int radius = Math.max(0, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
    int[] out = values.clone();
    int[] scratch = new int[values.length];
    for (int pass = 0; pass < 3; pass++) {
      box(out, scratch, width, height, radius);
    }
    return out;
  }

  /**
   * Replaces each value by the mean of the {@code (2 radius + 1)²} square around it (edges repeated), in place;
   * {@code scratch} is a work array of the same length. Both passes walk the pixels row by row: the vertical one keeps
   * a running sum per column, which reads memory in order instead of striding down columns.
   */
  static void box(int[] values, int[] scratch, int width, int height, int radius) {
    if (radius == 0) {
      return;
    }
    if (radius > MAX_RADIUS) {
      throw new AssertionError("box radius " + radius + " is over " + MAX_RADIUS);
    }
    int span = 2 * radius + 1;
    // Rounded division by span as a multiplication by its fixed-point reciprocal: exact while the sum stays under
    // 2³² / span, which a sum of span squared grey levels (at most 255² × span) does while span < 257.
    long reciprocal = (1L << 32) / span + 1;
    int half = span / 2;
    for (int y = 0; y < height; y++) {
      int row = y * width;
      long sum = 0;
      for (int i = -radius; i <= radius; i++) {
        sum += values[row + Math.max(0, Math.min(width - 1, i))];
      }
      for (int x = 0; x < width; x++) {
        scratch[row + x] = (int) ((sum + half) * reciprocal >> 32);
        sum += values[row + Math.min(width - 1, x + radius + 1)] - values[row + Math.max(0, x - radius)];
      }
    }
    long[] sums = new long[width];
    for (int i = -radius; i <= radius; i++) {
      int row = Math.max(0, Math.min(height - 1, i)) * width;
      for (int x = 0; x < width; x++) {
        sums[x] += scratch[row + x];
      }
    }
    for (int y = 0; y < height; y++) {
      int row = y * width;
      int entering = Math.min(height - 1, y + radius + 1) * width;
      int leaving = Math.max(0, y - radius) * width;
      for (int x = 0; x < width; x++) {
        values[row + x] = (int) ((sums[x] + half) * reciprocal >> 32);
        sums[x] += scratch[entering + x] - scratch[leaving + x];
      }
    }
  }
}
