package io.totpkit.bench.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What happens to a picture between the phone and the agency: JPEG compression at a quality setting, and a
 * messenger's pipeline, which shrinks the long side to a limit with an area-averaging filter and recompresses.
 *
 * <p>Thread-safety: stateless.
 */
final class Encoding {
  private Encoding() {}

  /** The JPEG file of an image at {@code quality} (1–100) with the JDK's encoder (4:2:0 chroma subsampling). */
  static byte[] jpeg(BufferedImage image, int quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a JPEG to memory failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The PNG file of an image. */
  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /** Decodes an image file the JDK reads, as {@code TYPE_INT_RGB}. */
  static BufferedImage decode(byte[] file) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException("reading an image from memory failed", e);
    }
    if (image == null) {
      throw new IllegalArgumentException("not an image file the JDK reads");
    }
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    return Pixels.image(Pixels.of(image), image.getWidth(), image.getHeight());
  }

  /**
   * Sends a picture through a messenger {@code times} times (forwarded): each time the long side is brought down to
   * at most {@code longSide} pixels and the result is recompressed as JPEG at {@code quality}.
   */
  static byte[] messenger(BufferedImage image, int longSide, int quality, int times) {
    byte[] file = null;
    BufferedImage current = image;
    for (int i = 0; i < times; i++) {
      file = jpeg(shrink(current, longSide), quality);
      current = decode(file);
    }
    return file;
  }

  /** Shrinks so that the long side is at most {@code longSide}, each new pixel the average of the area it covers. */
  static BufferedImage shrink(BufferedImage image, int longSide) {
    int width = image.getWidth();
    int height = image.getHeight();
    double factor = (double) longSide / Math.max(width, height);
    if (factor >= 1) {
      return image;
    }
    int newWidth = Math.max(1, (int) Math.round(width * factor));
    int newHeight = Math.max(1, (int) Math.round(height * factor));
    int[] source = Pixels.of(image);
    double[][] rows = new double[3][newWidth * height];
    for (int y = 0; y < height; y++) {
      average(source, y * width, width, newWidth, rows, y * newWidth);
    }
    int[] out = new int[newWidth * newHeight];
    double[][] column = new double[3][newHeight];
    for (int x = 0; x < newWidth; x++) {
      averageColumn(rows, x, newWidth, height, newHeight, column);
      for (int y = 0; y < newHeight; y++) {
        out[y * newWidth + x] = Pixels.pack(column[0][y], column[1][y], column[2][y]);
      }
    }
    return Pixels.image(out, newWidth, newHeight);
  }

  /** Area-averages one row of packed pixels ({@code length} long) into {@code newLength} values per channel. */
  private static void average(int[] source, int start, int length, int newLength, double[][] out, int outStart) {
    double scale = (double) length / newLength;
    for (int i = 0; i < newLength; i++) {
      double from = i * scale;
      double to = from + scale;
      double[] sums = new double[3];
      for (int k = (int) from; k < Math.min(length, Math.ceil(to)); k++) {
        double weight = Math.min(to, k + 1) - Math.max(from, k);
        int p = source[start + k];
        sums[0] += (p >> 16 & 0xff) * weight;
        sums[1] += (p >> 8 & 0xff) * weight;
        sums[2] += (p & 0xff) * weight;
      }
      for (int c = 0; c < 3; c++) {
        out[c][outStart + i] = sums[c] / scale;
      }
    }
  }

  /** Area-averages column {@code x} of per-channel rows into {@code newLength} values per channel. */
  private static void averageColumn(double[][] rows, int x, int width, int length, int newLength, double[][] out) {
    double scale = (double) length / newLength;
    for (int i = 0; i < newLength; i++) {
      double from = i * scale;
      double to = from + scale;
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        for (int k = (int) from; k < Math.min(length, Math.ceil(to)); k++) {
          sum += rows[c][k * width + x] * (Math.min(to, k + 1) - Math.max(from, k));
        }
        out[c][i] = sum / scale;
      }
    }
  }
}
