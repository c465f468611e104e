package io.totpkit.qr;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A grey-scale copy of an image, one byte (0 = black, 255 = white) per pixel, row after row. Transparent pixels are
 * composited over white, as a viewer shows them, so a code drawn on a transparent background stays readable.
 *
 * <p>The common layouts (packed int RGB/ARGB, interleaved byte RGB/BGR/ABGR and grey, indexed) are read straight
 * from the raster's data buffer; anything else goes through {@link BufferedImage#getRGB} one row at a time.
 */
final class Luminance {
  final byte[] pixels;
  final int width;
  final int height;

  Luminance(byte[] pixels, int width, int height) {
    if (pixels.length != width * height) {
      throw new AssertionError("pixel array does not match " + width + "×" + height);
    }
    this.pixels = pixels;
    this.width = width;
    this.height = height;
  }

  static Luminance of(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] out = new byte[Math.multiplyExact(width, height)];
    Raster raster = image.getRaster();
    ColorModel model = image.getColorModel();
    boolean done = false;
    if (raster.getMinX() == 0 && raster.getMinY() == 0) {
      if (raster.getDataBuffer() instanceof DataBufferInt
          && raster.getSampleModel() instanceof SinglePixelPackedSampleModel
          && model instanceof DirectColorModel) {
        done = packedInt(raster, (DirectColorModel) model, out, width, height);
      } else if (raster.getDataBuffer() instanceof DataBufferByte
          && raster.getSampleModel() instanceof ComponentSampleModel
          && model instanceof ComponentColorModel) {
        done = interleavedBytes(raster, (ComponentColorModel) model, out, width, height);
      }
    }
    if (!done && model instanceof IndexColorModel) {
      done = indexed(raster, (IndexColorModel) model, out, width, height);
    }
    if (!done) {
      int[] row = new int[width];
      for (int y = 0; y < height; y++) {
        image.getRGB(0, y, width, 1, row, 0, width);
        for (int x = 0; x < width; x++) {
          int argb = row[x];
          out[y * width + x] = (byte) overWhite(grey(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff), argb >>> 24);
        }
      }
    }
    return new Luminance(out, width, height);
  }

  private static boolean packedInt(Raster raster, DirectColorModel model, byte[] out, int width, int height) {
    boolean alpha = model.hasAlpha();
    if (model.getRedMask() != 0xff0000 || model.getGreenMask() != 0xff00 || model.getBlueMask() != 0xff
        || (alpha && model.getAlphaMask() != 0xff000000) || !model.getColorSpace().isCS_sRGB()) {
      return false;
    }
    boolean premultiplied = model.isAlphaPremultiplied();
    SinglePixelPackedSampleModel sampleModel = (SinglePixelPackedSampleModel) raster.getSampleModel();
    DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
    int[] data = buffer.getData();
    int stride = sampleModel.getScanlineStride();
    int base = buffer.getOffset() - raster.getSampleModelTranslateY() * stride - raster.getSampleModelTranslateX();
    for (int y = 0; y < height; y++) {
      int in = base + y * stride;
      int at = y * width;
      for (int x = 0; x < width; x++) {
        int argb = data[in + x];
        int grey = grey(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff);
        if (alpha) {
          int a = argb >>> 24;
          grey = premultiplied ? Math.min(255, grey + 255 - a) : overWhite(grey, a);
        }
        out[at + x] = (byte) grey;
      }
    }
    return true;
  }

  private static boolean interleavedBytes(Raster raster, ComponentColorModel model, byte[] out, int width,
      int height) {
    ComponentSampleModel sampleModel = (ComponentSampleModel) raster.getSampleModel();
    ColorSpace space = model.getColorSpace();
    int colours = model.getNumColorComponents();
    boolean rgb = colours == 3 && space.isCS_sRGB();
    boolean grey = colours == 1 && space.getType() == ColorSpace.TYPE_GRAY;
    if (!(rgb || grey) || model.isAlphaPremultiplied() || model.getTransferType() != DataBuffer.TYPE_BYTE) {
      return false;
    }
    for (int bits : model.getComponentSize()) {
      if (bits != 8) {
        return false;
      }
    }
    for (int bank : sampleModel.getBankIndices()) {
      if (bank != 0) {
        return false;
      }
    }
    int[] offsets = sampleModel.getBandOffsets();
    boolean alpha = model.hasAlpha();
    int pixelStride = sampleModel.getPixelStride();
    int stride = sampleModel.getScanlineStride();
    DataBufferByte buffer = (DataBufferByte) raster.getDataBuffer();
    byte[] data = buffer.getData();
    int base = buffer.getOffset() - raster.getSampleModelTranslateY() * stride
        - raster.getSampleModelTranslateX() * pixelStride;
    int first = offsets[0];
    int second = rgb ? offsets[1] : first;
    int third = rgb ? offsets[2] : first;
    int alphaOffset = alpha ? offsets[colours] : 0;
    for (int y = 0; y < height; y++) {
      int in = base + y * stride;
      int at = y * width;
      for (int x = 0; x < width; x++, in += pixelStride) {
        int value = rgb
            ? grey(data[in + first] & 0xff, data[in + second] & 0xff, data[in + third] & 0xff)
            : data[in + first] & 0xff;
        out[at + x] = (byte) (alpha ? overWhite(value, data[in + alphaOffset] & 0xff) : value);
      }
    }
    return true;
  }

  private static boolean indexed(Raster raster, IndexColorModel model, byte[] out, int width, int height) {
    if (raster.getNumBands() != 1) {
      return false;
    }
    int size = model.getMapSize();
    int[] lookup = new int[Math.max(size, 1 << Math.min(16, model.getPixelSize()))];
    for (int i = 0; i < size; i++) {
      int argb = model.getRGB(i);
      lookup[i] = overWhite(grey(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff), argb >>> 24);
    }
    for (int i = size; i < lookup.length; i++) {
      lookup[i] = 255;
    }
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
      int at = y * width;
      for (int x = 0; x < width; x++) {
        int index = row[x];
        out[at + x] = (byte) (index >= 0 && index < lookup.length ? lookup[index] : 255);
      }
    }
    return true;
  }

  /** ITU-R BT.601 luma in fixed point, as zxing computes it. */
  private static int grey(int red, int green, int blue) {
    return (306 * red + 601 * green + 117 * blue + 0x200) >> 10;
  }

  private static int overWhite(int grey, int alpha) {
    return (grey * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  /** A picture of the same size from computed values, each clamped to 0–255. */
  Luminance with(int[] values) {
    if (values.length != pixels.length) {
      throw new AssertionError("values do not match " + width + "×" + height);
    }
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, values[i]));
    }
    return new Luminance(out, width, height);
  }

  /** Averages {@code factor × factor} blocks: a smaller copy that also smooths JPEG noise and blur. */
  Luminance downscale(int factor) {
    int w = width / factor;
    int h = height / factor;
    if (w < 1 || h < 1) {
      return null;
    }
    byte[] out = new byte[w * h];
    int area = factor * factor;
    int[] sums = new int[w];
    for (int y = 0; y < h; y++) {
      java.util.Arrays.fill(sums, 0);
      for (int dy = 0; dy < factor; dy++) {
        int in = (y * factor + dy) * width;
        for (int x = 0; x < w; x++) {
          int sum = 0;
          for (int dx = 0, from = in + x * factor; dx < factor; dx++) {
            sum += pixels[from + dx] & 0xff;
          }
          sums[x] += sum;
        }
      }
      for (int x = 0; x < w; x++) {
        out[y * w + x] = (byte) ((sums[x] + area / 2) / area);
      }
    }
    return new Luminance(out, w, h);
  }

  /**
   * Returns the median grey level of a sparse sample: below 128 means a dark picture (dark mode, or an inverted
   * code).
   */
  int sampledMedian() {
    int[] histogram = new int[256];
    int step = Math.max(1, (int) Math.sqrt((double) pixels.length / 20_000));
    int count = 0;
    for (int y = 0; y < height; y += step) {
      for (int x = 0, at = y * width; x < width; x += step) {
        histogram[pixels[at + x] & 0xff]++;
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

  /**
   * Enlarges by a whole factor with bilinear interpolation. It adds no detail, but modules of one or two pixels then
   * span several, which zxing's binarizer blocks and module-size estimates handle far better.
   */
  Luminance upscale(int factor) {
    int w = width * factor;
    int h = height * factor;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      float sy = Math.max(0f, (y + 0.5f) / factor - 0.5f);
      int y0 = Math.min(height - 1, (int) sy);
      int y1 = Math.min(height - 1, y0 + 1);
      float fy = sy - y0;
      for (int x = 0; x < w; x++) {
        float sx = Math.max(0f, (x + 0.5f) / factor - 0.5f);
        int x0 = Math.min(width - 1, (int) sx);
        int x1 = Math.min(width - 1, x0 + 1);
        float fx = sx - x0;
        float top = (pixels[y0 * width + x0] & 0xff) * (1 - fx) + (pixels[y0 * width + x1] & 0xff) * fx;
        float bottom = (pixels[y1 * width + x0] & 0xff) * (1 - fx) + (pixels[y1 * width + x1] & 0xff) * fx;
        out[y * w + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
      }
    }
    return new Luminance(out, w, h);
  }

  /** Sharpens with an unsharp mask (the pixel plus its difference from the 3×3 mean), against JPEG and resize blur. */
  Luminance sharpen() {
    byte[] out = new byte[pixels.length];
    for (int y = 0; y < height; y++) {
      int up = Math.max(0, y - 1) * width;
      int row = y * width;
      int down = Math.min(height - 1, y + 1) * width;
      for (int x = 0; x < width; x++) {
        int left = Math.max(0, x - 1);
        int right = Math.min(width - 1, x + 1);
        int sum = (pixels[up + left] & 0xff) + (pixels[up + x] & 0xff) + (pixels[up + right] & 0xff)
            + (pixels[row + left] & 0xff) + (pixels[row + x] & 0xff) + (pixels[row + right] & 0xff)
            + (pixels[down + left] & 0xff) + (pixels[down + x] & 0xff) + (pixels[down + right] & 0xff);
        int value = 2 * (pixels[row + x] & 0xff) - (sum + 4) / 9;
        out[row + x] = (byte) Math.max(0, Math.min(255, value));
      }
    }
    return new Luminance(out, width, height);
  }
}
