package io.totpkit.bench.photos;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A phone camera photographing another phone's screen: where the screen lands in the frame for a given tilt, and the
 * picture the sensor records. The screen is seen either as its pixels, each camera pixel averaging a grid of
 * bilinear point samples (a clean geometric warp), or as its light-emitting sub-pixels, red, green and blue stripes
 * with dark gaps around them, whose light each photosite of a Bayer sensor collects over its whole footprint, in its
 * one colour: that grid beats against the sensor's and makes moiré. Around the screen lie a black bezel and a desk.
 *
 * <p>Thread-safety: stateless.
 */
final class Camera {
  /** Share of a screen pixel's width each sub-pixel stripe lights, and of its height. */
  private static final double STRIPE_FILL = 0.6;
  private static final double ROW_FILL = 0.6;
  private static final int BEZEL = 0x0c0c0e;

  private Camera() {}

  /**
   * Where a screen's corners land in a frame (top-left, top-right, bottom-right, bottom-left) when the camera looks
   * at it from a distance of 1.6 screen heights, the screen turned by {@code tiltDegrees} about its vertical (or
   * horizontal) centre line and the camera rolled by {@code rollDegrees}; at no tilt the screen fills {@code fill}
   * of the frame, and the picture is made smaller when the tilted screen would not fit.
   */
  static double[] corners(int screenWidth, int screenHeight, int frameWidth, int frameHeight, double fill,
      double tiltDegrees, boolean aboutVertical, double rollDegrees) {
    double distance = 1.6 * Math.max(screenWidth, screenHeight);
    double scale = fill * Math.min((double) frameWidth / screenWidth, (double) frameHeight / screenHeight);
    double tilt = Math.toRadians(tiltDegrees);
    double roll = Math.toRadians(rollDegrees);
    double[][] screen = {{-screenWidth / 2.0, -screenHeight / 2.0}, {screenWidth / 2.0, -screenHeight / 2.0},
        {screenWidth / 2.0, screenHeight / 2.0}, {-screenWidth / 2.0, screenHeight / 2.0}};
    double[] offsets = new double[8];
    double overflow = 1;
    for (int k = 0; k < 4; k++) {
      double x = screen[k][0];
      double y = screen[k][1];
      double z;
      if (aboutVertical) {
        z = x * Math.sin(tilt);
        x = x * Math.cos(tilt);
      } else {
        z = y * Math.sin(tilt);
        y = y * Math.cos(tilt);
      }
      double u = x * distance / (distance + z) * scale;
      double v = y * distance / (distance + z) * scale;
      offsets[2 * k] = u * Math.cos(roll) - v * Math.sin(roll);
      offsets[2 * k + 1] = u * Math.sin(roll) + v * Math.cos(roll);
      overflow = Math.max(overflow, Math.abs(offsets[2 * k]) / (0.49 * frameWidth));
      overflow = Math.max(overflow, Math.abs(offsets[2 * k + 1]) / (0.49 * frameHeight));
    }
    // The photographer steps back until the whole screen is in the frame.
    double[] corners = new double[8];
    for (int k = 0; k < 4; k++) {
      corners[2 * k] = frameWidth / 2.0 + offsets[2 * k] / overflow;
      corners[2 * k + 1] = frameHeight / 2.0 + offsets[2 * k + 1] / overflow;
    }
    return corners;
  }

  /**
   * Warps a screen whose corners land at {@code corners} into a {@code width}×{@code height} frame, with its exact
   * colours: each frame pixel averages 2×2 bilinear samples of the screen's pixels.
   *
   * @param random picks the desk's colour
   */
  static BufferedImage warp(BufferedImage screen, double[] corners, int width, int height, Random random) {
    Frame frame = new Frame(screen, corners, height, random);
    int[] out = new int[width * height];
    double[] point = new double[2];
    int[] rgb = new int[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double r = 0;
        double g = 0;
        double b = 0;
        for (int j = 0; j < 2; j++) {
          for (int i = 0; i < 2; i++) {
            frame.toScreen.map(x + (i + 0.5) / 2, y + (j + 0.5) / 2, point);
            if (frame.onScreen(point)) {
              bilinear(frame.source, frame.sw, frame.sh, point[0] - 0.5, point[1] - 0.5, rgb);
            } else {
              frame.surroundings(point, y, rgb);
            }
            r += rgb[0];
            g += rgb[1];
            b += rgb[2];
          }
        }
        out[y * width + x] = Pixels.pack(r / 4, g / 4, b / 4);
      }
    }
    return Pixels.image(out, width, height);
  }

  /**
   * Photographs the sub-pixels of a screen whose corners land at {@code corners} in a {@code width}×{@code height}
   * frame with a Bayer sensor. Each photosite collects the light of the central {@code aperture} of its footprint
   * (1 for photosites with no gaps between them; less stands for a sharper lens and the sharpening phones apply,
   * which both make moiré stronger), in its own colour; the camera then demosaics.
   *
   * @param toned whether the screen looks as photographed (black lifted to grey, white a little blue and dimmer)
   *     rather than with its exact colours
   * @param random picks the desk's colour
   */
  static BufferedImage photograph(BufferedImage screen, double[] corners, int width, int height, double aperture,
      boolean toned, Random random) {
    Frame frame = new Frame(screen, corners, height, random);
    double[] mosaic = new double[width * height];
    double[] point = new double[2];
    double[] right = new double[2];
    double[] below = new double[2];
    int[] rgb = new int[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        // The photosite's footprint on the screen: the box around where its centre and its neighbours' centres go.
        frame.toScreen.map(x + 0.5, y + 0.5, point);
        if (frame.onScreen(point)) {
          frame.toScreen.map(x + 1.5, y + 0.5, right);
          frame.toScreen.map(x + 0.5, y + 1.5, below);
          double wx = (Math.abs(right[0] - point[0]) + Math.abs(below[0] - point[0])) * aperture / 2;
          double wy = (Math.abs(right[1] - point[1]) + Math.abs(below[1] - point[1])) * aperture / 2;
          integrate(frame.source, frame.sw, frame.sh, point[0] - wx, point[1] - wy, point[0] + wx, point[1] + wy,
              rgb);
          if (toned) {
            tone(rgb);
          }
        } else {
          frame.surroundings(point, y, rgb);
        }
        mosaic[y * width + x] = rgb[Bayer.channel(x, y)];
      }
    }
    return Pixels.image(Bayer.demosaic(mosaic, width, height), width, height);
  }

  /** The screen's pixels, the map from the frame onto the screen, and what lies around the screen. */
  private static final class Frame {
    final int[] source;
    final int sw;
    final int sh;
    final Homography toScreen;
    private final int height;
    private final double bezel;
    private final int[] desk;

    Frame(BufferedImage screen, double[] corners, int height, Random random) {
      this.sw = screen.getWidth();
      this.sh = screen.getHeight();
      this.source = Pixels.of(screen);
      this.toScreen = Homography.quadToQuad(corners, new double[] {0, 0, sw, 0, sw, sh, 0, sh});
      this.height = height;
      this.bezel = 0.035 * sw;
      int grey = 0x50 + random.nextInt(0x40);
      this.desk = new int[] {grey + 12, grey, grey - 14};
    }

    boolean onScreen(double[] point) {
      return point[0] >= 0 && point[1] >= 0 && point[0] < sw && point[1] < sh;
    }

    /** Off the screen: its black bezel, then a desk that is lit a little more towards the bottom of the frame. */
    void surroundings(double[] point, int y, int[] rgb) {
      double sx = point[0];
      double sy = point[1];
      if (sx >= -bezel && sy >= -bezel && sx < sw + bezel && sy < sh + bezel) {
        rgb[0] = BEZEL >> 16;
        rgb[1] = BEZEL >> 8 & 0xff;
        rgb[2] = BEZEL & 0xff;
        return;
      }
      double shade = 0.8 + 0.4 * y / height;
      for (int c = 0; c < 3; c++) {
        rgb[c] = (int) (desk[c] * shade);
      }
    }
  }

  /**
   * The light the sub-pixels send into a box of the screen: a screen pixel
   * is three vertical stripes, red, green and blue, each lit over {@link #STRIPE_FILL} of its third and
   * {@link #ROW_FILL} of its height, and a stripe's light goes to its own colour only. Scaled so that a white area
   * gives white.
   */
  private static void integrate(int[] source, int width, int height, double x0, double y0, double x1, double y1,
      int[] rgb) {
    double[] light = new double[3];
    for (int py = Math.max(0, (int) y0); py <= Math.min(height - 1, (int) y1); py++) {
      double rows = overlap(py, py + ROW_FILL, y0, y1);
      if (rows <= 0) {
        continue;
      }
      for (int px = Math.max(0, (int) x0); px <= Math.min(width - 1, (int) x1); px++) {
        int value = source[py * width + px];
        for (int c = 0; c < 3; c++) {
          double left = px + c / 3.0;
          double lit = overlap(left, left + STRIPE_FILL / 3, x0, x1);
          light[c] += (value >> (16 - 8 * c) & 0xff) * lit * rows;
        }
      }
    }
    double scale = 3 / (STRIPE_FILL * ROW_FILL * Math.max(1e-9, (x1 - x0) * (y1 - y0)));
    for (int c = 0; c < 3; c++) {
      rgb[c] = (int) Math.round(light[c] * scale);
    }
  }

  private static double overlap(double from, double to, double low, double high) {
    return Math.max(0, Math.min(to, high) - Math.max(from, low));
  }

  private static void bilinear(int[] source, int width, int height, double x, double y, int[] rgb) {
    int x0 = clamp((int) Math.floor(x), width - 1);
    int y0 = clamp((int) Math.floor(y), height - 1);
    int x1 = Math.min(width - 1, x0 + 1);
    int y1 = Math.min(height - 1, y0 + 1);
    double fx = Math.max(0, Math.min(1, x - x0));
    double fy = Math.max(0, Math.min(1, y - y0));
    int p00 = source[y0 * width + x0];
    int p10 = source[y0 * width + x1];
    int p01 = source[y1 * width + x0];
    int p11 = source[y1 * width + x1];
    for (int c = 0; c < 3; c++) {
      int shift = 16 - 8 * c;
      double top = (p00 >> shift & 0xff) * (1 - fx) + (p10 >> shift & 0xff) * fx;
      double bottom = (p01 >> shift & 0xff) * (1 - fx) + (p11 >> shift & 0xff) * fx;
      rgb[c] = (int) Math.round(top * (1 - fy) + bottom * fy);
    }
  }

  /** A photographed screen: its black is the room's reflection, its white a little blue and below full scale. */
  private static void tone(int[] rgb) {
    rgb[0] = 26 + rgb[0] * (226 - 26) / 255;
    rgb[1] = 27 + rgb[1] * (232 - 27) / 255;
    rgb[2] = 32 + rgb[2] * (244 - 32) / 255;
  }

  private static int clamp(int value, int max) {
    return Math.max(0, Math.min(max, value));
  }
}
