package io.totpkit.server;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The pictures the server's screenshot tests post: setup screens drawn by totp-ocr's test-jar
 * ({@link io.totpkit.ocr.testing.SetupPictures}: a QR code, or a glare blank where it was, and the key printed under it),
 * two codes in one picture, and a screen with nothing to read; and the keys they show.
 */
final class SetupPictures {
  /** No look-alike characters (no 5/S, 6/G, 2/Z, 7/T, B/8, I): OCR reads it whole and certain. */
  static final String KEY = "JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR";
  /** Another such key, for a picture whose printed key is not its QR code's. */
  static final String OTHER = "MAFJKWNYRHXPCJNKWHYXPRCAMFKWJYNR";

  private SetupPictures() {}

  /** The account {@code TikTok (brand)} with {@code key}, as its QR code holds it. */
  static String uri(String key) {
    return "otpauth://totp/TikTok:brand?secret=" + key + "&issuer=TikTok";
  }

  /**
   * @param uri the account the QR code holds, or {@code null} for a screen without a readable code
   * @param printedKey the key printed under the code, Base32 without spaces
   */
  static byte[] png(String uri, String printedKey) {
    return io.totpkit.ocr.testing.SetupPictures.png(uri, printedKey);
  }

  /** Two QR codes side by side, as a picture of two accounts: the printed key is not compared. */
  static byte[] twoCodes(String first, String second) {
    BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1200, 600);
    g.drawImage(code(first), 50, 50, 500, 500, null);
    g.drawImage(code(second), 650, 50, 500, 500, null);
    g.dispose();
    return encode(image);
  }

  /** A settings screen with neither a QR code nor a key: nothing to read. */
  static byte[] nothing() {
    BufferedImage image = new BufferedImage(1080, 1800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1080, 1800);
    g.setColor(Color.BLACK);
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, 36));
    g.drawString("Settings and privacy", 60, 200);
    g.dispose();
    return encode(image);
  }

  private static byte[] encode(BufferedImage image) {
    return io.totpkit.ocr.testing.SetupPictures.png(image);
  }


  private static BufferedImage code(String uri) {
    try {
      return ImageIO.read(new ByteArrayInputStream(QrCodes.png(OtpAuthUri.parse(uri), QrOptions.defaults())));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
