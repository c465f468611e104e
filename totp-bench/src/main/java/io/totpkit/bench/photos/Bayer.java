package io.totpkit.bench.photos;

/**
 * A colour camera's sensor: each photosite sees one colour through a filter in the RGGB Bayer pattern, and the
 * camera interpolates the two colours it did not see from the neighbours (bilinear demosaicing). Red and blue are
 * sampled on a grid twice as coarse as the picture, so a fine pattern such as a screen's sub-pixels aliases into
 * coloured fringes.
 *
 * <p>Thread-safety: stateless.
 */
final class Bayer {
  private Bayer() {}

  /** Which channel (0 red, 1 green, 2 blue) the photosite at ({@code x}, {@code y}) sees. */
  static int channel(int x, int y) {
    if ((y & 1) == 0) {
      return (x & 1) == 0 ? 0 : 1;
    }
    return (x & 1) == 0 ? 1 : 2;
  }

  /** Interpolates a full-colour picture from one value per photosite; returns packed RGB. */
  static int[] demosaic(double[] mosaic, int width, int height) {
    int[] out = new int[width * height];
    double[] rgb = new double[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          rgb[c] = average(mosaic, width, height, x, y, c);
        }
        out[y * width + x] = Pixels.pack(rgb[0], rgb[1], rgb[2]);
      }
    }
    return out;
  }

  /** The mean of the photosites of channel {@code c} in the 3×3 neighbourhood (the site itself when it is one). */
  private static double average(double[] mosaic, int width, int height, int x, int y, int c) {
    if (channel(x, y) == c) {
      return mosaic[y * width + x];
    }
    double sum = 0;
    int count = 0;
    for (int dy = -1; dy <= 1; dy++) {
      int yy = y + dy;
      if (yy < 0 || yy >= height) {
        continue;
      }
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        if (xx >= 0 && xx < width && channel(xx, yy) == c) {
          sum += mosaic[yy * width + xx];
          count++;
        }
      }
    }
    return count == 0 ? 0 : sum / count;
  }
}
