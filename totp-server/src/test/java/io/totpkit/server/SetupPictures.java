package io.totpkit.server;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws a plain phone setup screen as a PNG, 1080 pixels wide: a title, the QR code (or, for a photo whose code glare
 * washed out, a bright blank), and the setup key printed under it in groups of four, four groups a line, in DejaVu Sans
 * bold at 44 px. Test fixture only, the server's copy of the {@code totp} tool's; totp-ocr's own tests draw the varied
 * screens its figures come from.
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
    BufferedImage image = new BufferedImage(1080, 1800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1080, 1800);
    g.setColor(new Color(0x16, 0x18, 0x23));
    g.setFont(new Font("DejaVu Sans", Font.BOLD, 56));
    g.drawString("Set up authenticator app", 60, 160);
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, 36));
    g.drawString("Scan this QR code with your authenticator app.", 60, 240);
    if (uri != null) {
      g.drawImage(code(uri), 240, 300, 600, 600, null);
    } else {
      g.setColor(new Color(0xF4, 0xF4, 0xF2));
      g.fillOval(200, 260, 680, 680);
      g.setColor(new Color(0x16, 0x18, 0x23));
    }
    g.drawString("Can't scan the code? Enter this key instead:", 60, 1000);
    g.setFont(new Font("DejaVu Sans", Font.BOLD, 44));
    for (int line = 0; line * 16 < printedKey.length(); line++) {   // four groups of four a line, as phones wrap it
      StringBuilder grouped = new StringBuilder();
      for (int i = line * 16; i < Math.min(printedKey.length(), line * 16 + 16); i++) {
        grouped.append(i > line * 16 && i % 4 == 0 ? " " : "").append(printedKey.charAt(i));
      }
      g.drawString(grouped.toString(), 60, 1090 + line * 64);
    }
    g.dispose();
    return encode(image);
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static BufferedImage code(String uri) {
    try {
      return ImageIO.read(new ByteArrayInputStream(QrCodes.png(OtpAuthUri.parse(uri), QrOptions.defaults())));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
