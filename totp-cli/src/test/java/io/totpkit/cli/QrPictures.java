package io.totpkit.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws any text as a QR code PNG, such as a Google Authenticator export ({@code otpauth-migration://}), which
 * {@code QrCodes.png} does not draw because it is not one account. Test fixture only.
 */
final class QrPictures {
  private QrPictures() {}

  static byte[] png(String text) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
      int scale = 6;
      int margin = 4;
      int size = (matrix.getWidth() + 2 * margin) * scale;
      BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int mx = x / scale - margin;
          int my = y / scale - margin;
          boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
          image.setRGB(x, y, dark ? 0xff000000 : 0xffffffff);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (WriterException | IOException e) {
      throw new AssertionError(e);
    }
  }
}
