package io.totpkit.ocr;

import java.awt.image.BufferedImage;

/**
 * An 8-bit grey copy of a picture (0 = black, 255 = white, row after row), the form Tesseract is given, with the few
 * operations the reader needs: crop, invert, resize. Transparent pixels are composited over white, as a viewer shows
 * them. Instances are never modified after construction.
 */
final class GreyImage {
  final byte[] pixels;
  final int width;
  final int height;

  GreyImage(byte[] pixels, int width, int height) {
    if (width < 1 || height < 1 || pixels.length != width * height) {
      throw new AssertionError("pixel array does not match " + width + "×" + height);
    }
    this.pixels = pixels;
    this.width = width;
    this.height = height;
  }

  static GreyImage of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] out = new byte[Math.multiplyExact(width, height)];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int argb = row[x];
        // ITU-R BT.601 luma in fixed point, as zxing and totp-qr compute it.
        int grey = (306 * (argb >> 16 & 0xff) + 601 * (argb >> 8 & 0xff) + 117 * (argb & 0xff) + 0x200) >> 10;
        int alpha = argb >>> 24;
        out[y * width + x] = (byte) ((grey * alpha + 255 * (255 - alpha) + 127) / 255);
      }
    }
    return new GreyImage(out, width, height);
  }

  int at(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  /** The median grey level of a sparse sample: below 128 means light text on a dark background. */
  int median() {
    return median(0, 0, width, height);
  }

  /** The median grey level of a sparse sample of the rectangle. */
  int median(int left, int top, int w, int h) {
    int[] histogram = new int[256];
    int step = Math.max(1, (int) Math.sqrt((double) w * h / 20_000));
    int count = 0;
    for (int y = top; y < top + h; y += step) {
      for (int x = left; x < left + w; x += step) {
        histogram[at(x, y)]++;
        count++;
      }
    }
    int seen = 0;
    for (int level = 0; level < 256; level++) {
      seen += histogram[level];
      if (seen * 2 >= count) {
        return level;
      }
    }
    return 255;
  }

  /** The rectangle, clipped to the picture; {@code null} when nothing of it is inside. */
  GreyImage crop(int left, int top, int w, int h) {
    int x0 = Math.max(0, left);
    int y0 = Math.max(0, top);
    int x1 = Math.min(width, left + w);
    int y1 = Math.min(height, top + h);
    if (x1 <= x0 || y1 <= y0) {
      return null;
    }
    byte[] out = new byte[(x1 - x0) * (y1 - y0)];
    for (int y = y0; y < y1; y++) {
      System.arraycopy(pixels, y * width + x0, out, (y - y0) * (x1 - x0), x1 - x0);
    }
    return new GreyImage(out, x1 - x0, y1 - y0);
  }

  /** A copy on a white canvas with {@code margin} pixels on every side. */
  GreyImage padded(int margin) {
    int w = width + 2 * margin;
    int h = height + 2 * margin;
    byte[] out = white(Math.multiplyExact(w, h));
    for (int y = 0; y < height; y++) {
      System.arraycopy(pixels, y * width, out, (y + margin) * w + margin, width);
    }
    return new GreyImage(out, w, h);
  }

  /** The image {@code times} times side by side, {@code gap} white columns apart, on a white margin. */
  GreyImage repeated(int times, int gap, int margin) {
    int w = times * width + (times - 1) * gap + 2 * margin;
    int h = height + 2 * margin;
    byte[] out = white(Math.multiplyExact(w, h));
    for (int t = 0; t < times; t++) {
      for (int y = 0; y < height; y++) {
        System.arraycopy(pixels, y * width, out, (y + margin) * w + margin + t * (width + gap), width);
      }
    }
    return new GreyImage(out, w, h);
  }

  private static byte[] white(int size) {
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      out[i] = (byte) 0xff;
    }
    return out;
  }

  GreyImage inverted() {
    byte[] out = new byte[pixels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ~pixels[i];
    }
    return new GreyImage(out, width, height);
  }

  /**
   * Resizes by {@code factor}: bilinear interpolation to enlarge, the mean of each source area to shrink (which also
   * smooths JPEG noise).
   */
  GreyImage scaled(double factor) {
    int w = Math.max(1, (int) Math.round(width * factor));
    int h = Math.max(1, (int) Math.round(height * factor));
    return factor >= 1 ? enlarged(w, h) : shrunk(w, h);
  }

  private GreyImage enlarged(int w, int h) {
    byte[] out = new byte[Math.multiplyExact(w, h)];
    double sx = (double) width / w;
    double sy = (double) height / h;
    for (int y = 0; y < h; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min(height - 1, (int) fy);
      int y1 = Math.min(height - 1, y0 + 1);
      double wy = fy - y0;
      for (int x = 0; x < w; x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = Math.min(width - 1, (int) fx);
        int x1 = Math.min(width - 1, x0 + 1);
        double wx = fx - x0;
        double top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
        double bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
        out[y * w + x] = (byte) (int) Math.round(top * (1 - wy) + bottom * wy);
      }
    }
    return new GreyImage(out, w, h);
  }

  private GreyImage shrunk(int w, int h) {
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      int top = (int) ((long) y * height / h);
      int bottom = Math.max(top + 1, (int) ((long) (y + 1) * height / h));
      for (int x = 0; x < w; x++) {
        int left = (int) ((long) x * width / w);
        int right = Math.max(left + 1, (int) ((long) (x + 1) * width / w));
        int sum = 0;
        for (int yy = top; yy < bottom; yy++) {
          for (int xx = left, at = yy * width + left; xx < right; xx++, at++) {
            sum += pixels[at] & 0xff;
          }
        }
        int area = (bottom - top) * (right - left);
        out[y * w + x] = (byte) ((sum + area / 2) / area);
      }
    }
    return new GreyImage(out, w, h);
  }
}
