package io.totpkit.qr;

import com.google.zxing.common.PerspectiveTransform;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * What photographing a phone screen does to a screenshot, one kind of damage per method, each driven by one level,
 * so that tests can compose them and measure each kind apart:
 *
 * <pre>{@code
 * Shot shot = PhotoDamage.photograph(screen, Camera.portrait().tilted(0.3, 0).withPixelGrid(0.25), random);
 * BufferedImage damaged = PhotoDamage.defocus(PhotoDamage.glare(shot.image, 0.9, shot.x(540, 900),
 *     shot.y(540, 900), 250), 2.0);
 * byte[] sent = TestImages.jpeg(damaged, 0.5f);
 * }</pre>
 *
 * <ul>
 *   <li>{@link #photograph}: the screen seen by a camera: placed, rotated and tilted (perspective), never pure black
 *       or white, with sensor noise; optionally with the screen's pixel grid (subpixel stripes and the dark gaps
 *       between pixels), which the camera's coarser grid samples into moiré bands.</li>
 *   <li>{@link #glare}: a reflection on the glass, washing out a round area.</li>
 *   <li>{@link #defocus}: a Gaussian blur of the given standard deviation.</li>
 *   <li>{@link TestImages#jpeg} and {@link TestImages#scale}: what the messenger does afterwards.</li>
 * </ul>
 *
 * <p>Everything is deterministic for a given {@link Random}; the pictures are grey (the decoder reads luminance).
 */
final class PhotoDamage {
  /** BT.601 luma weights of the red, green and blue subpixels. */
  private static final float[] STRIPE_WEIGHTS = {0.299f, 0.587f, 0.114f};

  private PhotoDamage() {}

  /** How a camera sees the screen. Immutable; start from {@link #portrait()} and change one thing at a time. */
  static final class Camera {
    final int width;
    final int height;
    /** The screen's height as a fraction of the photo's height. */
    final double cover;
    /** Rotation in the picture plane, in degrees. */
    final double degrees;
    /** How much shorter the screen's top edge is than its bottom edge (the phone tilted back), 0 to 1. */
    final double tiltTop;
    /** How much shorter the screen's left edge is than its right edge (the phone turned), 0 to 1. */
    final double tiltSide;
    /** The dark gap between the screen's subpixels as a fraction of a subpixel, or a negative number for none. */
    final double pixelGap;
    /** Samples per photo pixel along each axis; fewer samples alias more. */
    final int samples;
    /** The standard deviation of the sensor noise, in grey levels. */
    final double noise;

    private Camera(int width, int height, double cover, double degrees, double tiltTop, double tiltSide,
        double pixelGap, int samples, double noise) {
      this.width = width;
      this.height = height;
      this.cover = cover;
      this.degrees = degrees;
      this.tiltTop = tiltTop;
      this.tiltSide = tiltSide;
      this.pixelGap = pixelGap;
      this.samples = samples;
      this.noise = noise;
    }

    /** A 1080×2340 photo, square on, the screen filling 85% of its height, no pixel grid, noise 3. */
    static Camera portrait() {
      return new Camera(1080, 2340, 0.85, 0, 0, 0, -1, 2, 3);
    }

    Camera size(int width, int height) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, pixelGap, samples, noise);
    }

    Camera covering(double cover) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, pixelGap, samples, noise);
    }

    Camera rotated(double degrees) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, pixelGap, samples, noise);
    }

    Camera tilted(double top, double side) {
      return new Camera(width, height, cover, degrees, top, side, pixelGap, samples, noise);
    }

    Camera withPixelGrid(double gap) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, gap, samples, noise);
    }

    Camera sampling(int samples) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, pixelGap, samples, noise);
    }

    Camera noisy(double noise) {
      return new Camera(width, height, cover, degrees, tiltTop, tiltSide, pixelGap, samples, noise);
    }
  }

  /** A photo of a screen and where the screen landed in it. */
  static final class Shot {
    final BufferedImage image;
    private final PerspectiveTransform toPhoto;

    private Shot(BufferedImage image, PerspectiveTransform toPhoto) {
      this.image = image;
      this.toPhoto = toPhoto;
    }

    /** The photo's x coordinate of the screen's point ({@code x}, {@code y}). */
    float x(float x, float y) {
      float[] point = {x, y};
      toPhoto.transformPoints(point);
      return point[0];
    }

    /** The photo's y coordinate of the screen's point ({@code x}, {@code y}). */
    float y(float x, float y) {
      float[] point = {x, y};
      toPhoto.transformPoints(point);
      return point[1];
    }
  }

  /** Photographs {@code screen} as {@code camera} sees it, on a grey background. */
  static Shot photograph(BufferedImage screen, Camera camera, Random random) {
    int sw = screen.getWidth();
    int sh = screen.getHeight();
    double scale = camera.height * camera.cover / sh;
    double hw = sw * scale / 2;
    double hh = sh * scale / 2;
    // The screen's corners (top-left, top-right, bottom-right, bottom-left) around the photo's centre, tilted.
    double[][] corners = {
        {-hw * (1 - camera.tiltTop), -hh * (1 - camera.tiltSide)},
        {hw * (1 - camera.tiltTop), -hh},
        {hw, hh},
        {-hw, hh * (1 - camera.tiltSide)}};
    double angle = Math.toRadians(camera.degrees);
    float[] quad = new float[8];
    for (int i = 0; i < 4; i++) {
      double x = corners[i][0];
      double y = corners[i][1];
      quad[2 * i] = (float) (camera.width / 2.0 + x * Math.cos(angle) - y * Math.sin(angle));
      quad[2 * i + 1] = (float) (camera.height / 2.0 + x * Math.sin(angle) + y * Math.cos(angle));
    }
    PerspectiveTransform toPhoto = PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, sw, 0, sw, sh, 0, sh,
        quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7]);
    PerspectiveTransform toScreen = PerspectiveTransform.quadrilateralToQuadrilateral(
        quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7], 0, 0, sw, 0, sw, sh, 0, sh);
    int[] rgb = screen.getRGB(0, 0, sw, sh, null, 0, sw);
    float[] grey = greyOf(rgb);
    int width = camera.width;
    int height = camera.height;
    // The screen coordinates of every photo pixel's corner; samples inside a pixel are interpolated between them.
    float[][] us = new float[height + 1][];
    float[][] vs = new float[height + 1][];
    for (int y = 0; y <= height; y++) {
      float[] points = new float[2 * (width + 1)];
      for (int x = 0; x <= width; x++) {
        points[2 * x] = x;
        points[2 * x + 1] = y;
      }
      toScreen.transformPoints(points);
      us[y] = new float[width + 1];
      vs[y] = new float[width + 1];
      for (int x = 0; x <= width; x++) {
        us[y][x] = points[2 * x];
        vs[y][x] = points[2 * x + 1];
      }
    }
    int background = 0x80 + random.nextInt(0x30);
    int n = camera.samples;
    int[] out = new int[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double sum = 0;
        int inside = 0;
        for (int sy = 0; sy < n; sy++) {
          float fy = (sy + 0.5f) / n;
          for (int sx = 0; sx < n; sx++) {
            float fx = (sx + 0.5f) / n;
            float u = lerp(lerp(us[y][x], us[y][x + 1], fx), lerp(us[y + 1][x], us[y + 1][x + 1], fx), fy);
            float v = lerp(lerp(vs[y][x], vs[y][x + 1], fx), lerp(vs[y + 1][x], vs[y + 1][x + 1], fx), fy);
            if (u >= 0 && v >= 0 && u < sw && v < sh) {
              sum += camera.pixelGap < 0 ? bilinear(grey, sw, sh, u - 0.5f, v - 0.5f)
                  : subpixel(rgb, sw, u, v, camera.pixelGap);
              inside++;
            }
          }
        }
        double value = inside == 0 ? background
            : (20 + 0.82 * sum / inside) * inside / (n * n) + background * (1 - (double) inside / (n * n));
        value += random.nextGaussian() * camera.noise;
        int level = (int) Math.max(0, Math.min(255, Math.round(value)));
        out[y * width + x] = level * 0x010101;
      }
    }
    BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    photo.setRGB(0, 0, width, height, out, 0, width);
    return new Shot(photo, toPhoto);
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static float[] greyOf(int[] rgb) {
    float[] grey = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      grey[i] = 0.299f * (rgb[i] >> 16 & 0xff) + 0.587f * (rgb[i] >> 8 & 0xff) + 0.114f * (rgb[i] & 0xff);
    }
    return grey;
  }

  private static float bilinear(float[] grey, int w, int h, float u, float v) {
    int u0 = Math.max(0, Math.min(w - 1, (int) Math.floor(u)));
    int v0 = Math.max(0, Math.min(h - 1, (int) Math.floor(v)));
    int u1 = Math.min(w - 1, u0 + 1);
    int v1 = Math.min(h - 1, v0 + 1);
    float fu = Math.max(0, Math.min(1, u - u0));
    float fv = Math.max(0, Math.min(1, v - v0));
    return (grey[v0 * w + u0] * (1 - fu) + grey[v0 * w + u1] * fu) * (1 - fv)
        + (grey[v1 * w + u0] * (1 - fu) + grey[v1 * w + u1] * fu) * fv;
  }

  /**
   * The light the screen emits at ({@code u}, {@code v}): each pixel is three vertical stripes, red, green and blue,
   * lit by its colour channel, with a dark gap after each stripe and under each row. As luminance the green stripe
   * is bright and the blue one nearly dark, so even a white area is a fine grating the camera cannot resolve.
   */
  private static float subpixel(int[] screen, int sw, float u, float v, double gap) {
    int px = (int) u;
    int py = (int) v;
    float across = (u - px) * 3;
    int stripe = Math.min(2, (int) across);
    if (across - stripe > 1 - gap || v - py > 1 - gap) {
      return 0;
    }
    int channel = screen[py * sw + px] >> (16 - 8 * stripe) & 0xff;
    // Three stripes share the pixel and only part of each is lit: scale so that a lit area's mean is its grey.
    return (float) (channel * STRIPE_WEIGHTS[stripe] * 3 / ((1 - gap) * (1 - gap)));
  }

  /**
   * A reflection on the glass: brightness added around ({@code x}, {@code y}) with a Gaussian fall-off of the given
   * radius; {@code strength} 1 lifts the centre to white whatever was there.
   */
  static BufferedImage glare(BufferedImage image, double strength, double x, double y, double radius) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int py = 0; py < h; py++) {
      for (int px = 0; px < w; px++) {
        double d2 = ((px - x) * (px - x) + (py - y) * (py - y)) / (radius * radius);
        double lift = strength * Math.exp(-d2 / 2);
        int value = rgb[py * w + px] & 0xff;
        int level = (int) Math.min(255, Math.round(value + (255 - value) * lift));
        rgb[py * w + px] = level * 0x010101;
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, rgb, 0, w);
    return out;
  }

  /** Out of focus: a Gaussian blur with standard deviation {@code sigma} pixels (0 returns a copy). */
  static BufferedImage defocus(BufferedImage image, double sigma) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    float[] grey = new float[w * h];
    for (int i = 0; i < rgb.length; i++) {
      grey[i] = rgb[i] & 0xff;
    }
    if (sigma > 0) {
      int radius = (int) Math.ceil(3 * sigma);
      float[] kernel = new float[2 * radius + 1];
      float total = 0;
      for (int i = -radius; i <= radius; i++) {
        kernel[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
        total += kernel[i + radius];
      }
      for (int i = 0; i < kernel.length; i++) {
        kernel[i] /= total;
      }
      grey = convolve(convolve(grey, w, h, kernel, true), w, h, kernel, false);
    }
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = Math.max(0, Math.min(255, Math.round(grey[i]))) * 0x010101;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, rgb, 0, w);
    return out;
  }

  private static float[] convolve(float[] in, int w, int h, float[] kernel, boolean horizontal) {
    float[] out = new float[in.length];
    int radius = kernel.length / 2;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
          int sx = horizontal ? Math.max(0, Math.min(w - 1, x + k)) : x;
          int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + k));
          sum += in[sy * w + sx] * kernel[k + radius];
        }
        out[y * w + x] = sum;
      }
    }
    return out;
  }
}
