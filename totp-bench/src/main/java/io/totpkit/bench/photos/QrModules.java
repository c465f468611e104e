package io.totpkit.bench.photos;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The modules of a QR code, dark or light, without a quiet zone: what a screen painter scales up to any module size.
 * An enrollment code comes from totpkit's own writer ({@link QrCodes#png}), so the pictures show exactly what
 * totp-qr writes; a Google Authenticator export text, which that writer does not take, comes from zxing's encoder at
 * the same error-correction level (M), as Google Authenticator's export does.
 */
final class QrModules {
  private final boolean[][] dark;

  private QrModules(boolean[][] dark) {
    this.dark = dark;
  }

  /** The code totpkit draws for an account: one pixel per module, no quiet zone, read back from its PNG. */
  static QrModules of(OtpAuthUri uri) {
    byte[] png = QrCodes.png(uri, QrOptions.builder().moduleSize(1).margin(0).build());
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a PNG from memory failed", e);
    }
    int size = image.getWidth();
    boolean[][] dark = new boolean[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        dark[y][x] = (image.getRGB(x, y) & 0xff) < 128;
      }
    }
    return new QrModules(dark);
  }

  /** The code of any text, such as an {@code otpauth-migration://} export, at error correction M. */
  static QrModules ofText(String text) {
    ByteMatrix matrix;
    try {
      matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("the text does not fit a QR code", e);
    }
    boolean[][] dark = new boolean[matrix.getHeight()][matrix.getWidth()];
    for (int y = 0; y < dark.length; y++) {
      for (int x = 0; x < dark[y].length; x++) {
        dark[y][x] = matrix.get(x, y) == 1;
      }
    }
    return new QrModules(dark);
  }

  /** The number of modules on a side. */
  int size() {
    return dark.length;
  }

  boolean isDark(int x, int y) {
    return dark[y][x];
  }
}
