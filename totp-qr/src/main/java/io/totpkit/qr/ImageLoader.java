package io.totpkit.qr;

import io.totpkit.qr.QrCodeException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns untrusted bytes into a {@link BufferedImage} through ImageIO, refusing over-large input before any pixel is
 * decoded and turning every failure of ImageIO into a {@link QrCodeException}.
 */
final class ImageLoader {
  private ImageLoader() {}

  static BufferedImage load(Path file, QrReadOptions options) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > options.maxBytes()) {
        throw tooManyBytes(size, options);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = readCapped(in, options);
      }
    } catch (NoSuchFileException e) {
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the file " + fileName(file) + " does not exist", e);
    } catch (IOException e) {
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the file " + fileName(file) + " cannot be read ("
          + e.getClass().getSimpleName() + ")", e);
    }
    return load(bytes, options);
  }

  static BufferedImage load(InputStream in, QrReadOptions options) {
    byte[] bytes;
    try {
      bytes = readCapped(in, options);
    } catch (IOException e) {
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the image could not be received completely ("
          + e.getClass().getSimpleName() + "); send it again", e);
    }
    return load(bytes, options);
  }

  static BufferedImage load(byte[] bytes, QrReadOptions options) {
    if (bytes.length == 0) {
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the file is empty; send the screenshot itself");
    }
    // A MemoryCacheImageInputStream never writes a temporary file, whatever ImageIO.getUseCache() says.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the file is not an image in a format totpkit can read"
            + " (PNG, JPEG, GIF, BMP); send a screenshot as PNG or JPEG");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // The header's declared size, read before any pixel is decoded: a decompression bomb stops here.
        checkPixels(reader.getWidth(0), reader.getHeight(0), options);
        BufferedImage image = reader.read(0);
        checkPixels(image.getWidth(), image.getHeight(), options);
        return image;
      } finally {
        reader.dispose();
      }
    } catch (QrCodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ImageIO reports damage with IIOException, EOFException, and on hostile input with runtime exceptions too.
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the image cannot be read: it is damaged, truncated or in"
          + " an unsupported variant of its format; send the original screenshot as PNG or JPEG", e);
    }
  }

  static void checkPixels(long width, long height, QrReadOptions options) {
    if (width <= 0 || height <= 0) {
      throw new QrCodeException(Reason.UNREADABLE_IMAGE, "the image declares an impossible size of " + width + "×"
          + height + " pixels");
    }
    if (width * height > options.maxPixels()) {
      throw new QrCodeException(Reason.IMAGE_TOO_LARGE, String.format(Locale.ROOT,
          "the image is %d×%d pixels (%.1f megapixels); at most %.1f megapixels are accepted: send a screenshot or"
              + " a smaller photo", width, height, width * height / 1e6, options.maxPixels() / 1e6));
    }
  }

  private static byte[] readCapped(InputStream in, QrReadOptions options) throws IOException {
    // maxBytes <= Integer.MAX_VALUE - 8, so one more byte still fits an array: reading it tells "too long".
    byte[] bytes = in.readNBytes((int) options.maxBytes() + 1);
    if (bytes.length > options.maxBytes()) {
      throw tooManyBytes(-1, options);
    }
    return bytes;
  }

  private static QrCodeException tooManyBytes(long size, QrReadOptions options) {
    return new QrCodeException(Reason.IMAGE_TOO_LARGE, String.format(Locale.ROOT,
        "the file is %s; at most %.1f MB are accepted: send a screenshot or a smaller photo",
        size < 0 ? "too long" : String.format(Locale.ROOT, "%.1f MB", size / 1e6), options.maxBytes() / 1e6));
  }

  private static String fileName(Path file) {
    Path name = file.getFileName();
    return "'" + (name == null ? file : name) + "'";
  }
}
