package io.totpkit.ocr;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.ocr.testing.SetupPictures;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the setup screens the reading tests use, as the apps that send them look: status bar, title, instructions,
 * the QR code (a real one, holding the same key), the printed key under it — in groups of four or in one run, upper
 * case or Google's lower case, plain or in a tinted box with a Copy link, wrapped when it is too long for one line —
 * then more text, a code field and a button; in light or dark mode. Also the damage a screenshot meets on its way:
 * JPEG recompression and downscaling to 720 pixels wide.
 */
final class SetupScreens {
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  /** Characters that OCR confuses with another Base32 character (5/S, 6/G, 2/Z, 7/T, B/8, I/1, O/0 and kin). */
  static final String CONFUSABLE = "5S6G2Z7TBIOQDUVEL";

  /** How the key is printed. */
  enum Style {
    /** {@code JBSW Y3DP EHPK 3PXP}: TikTok, Instagram, Shopify, most sites. */
    GROUPS,
    /** {@code jbsw y3dp ehpk 3pxp} in bold: Google's "Can't scan it?" page. */
    LOWER_GROUPS,
    /** Groups of four in a tinted box with a Copy link beside it. */
    BOXED_GROUPS,
    /** {@code JBSWY3DPEHPK3PXP}: sites that print the key in one run. */
    RUN
  }

  /** One picture to draw. */
  static final class Spec {
    final int width;
    final int height;
    final boolean dark;
    final String font;
    final Style style;
    final String key;
    /**
     * The key the QR code holds: the printed one, but for screens that test a mismatch; {@code null} for a screen
     * whose code a lamp's glare washed out.
     */
    final String qrKey;
    final long seed;

    Spec(int width, int height, boolean dark, String font, Style style, String key, long seed) {
      this(width, height, dark, font, style, key, key, seed);
    }

    Spec(int width, int height, boolean dark, String font, Style style, String key, String qrKey, long seed) {
      this.width = width;
      this.height = height;
      this.dark = dark;
      this.font = font;
      this.style = style;
      this.key = key;
      this.qrKey = qrKey;
      this.seed = seed;
    }

    /** A description without the key, for test names and failure lists. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d×%d %s %s %s, %d-character key", width, height, dark ? "dark" : "light",
          font, style.name().toLowerCase(Locale.ROOT), key.length());
    }
  }

  private static final String[][] TEXTS = {
    {"Set up authenticator app", "Scan this QR code with your authenticator app, such as Google Authenticator or"
        + " Authy.", "Can't scan the code? Enter this key in your app instead:",
        "Then enter the 6-digit code from the app to finish.", "Next"},
    {"Two-factor authentication", "Open your authentication app and scan the QR code below to link it to your"
        + " account.", "Or enter this key manually:", "Enter the code the app shows to turn on two-factor"
        + " authentication.", "Continue"},
    {"Use an authentication app", "Download an app like Duo Mobile or Google Authenticator, then scan this code.",
        "Copy this key and paste it in your authentication app:", "You'll need to enter the 6-digit login code from"
        + " the app.", "Next"},
    {"Set up Google Authenticator", "In the Google Authenticator app tap the +, then Scan a QR code.",
        "Can't scan it? Tap Enter a setup key and enter your email address and this key (spaces don't matter):",
        "Make sure Time based is selected, then tap Add to finish.", "Next"},
  };

  private SetupScreens() {}

  /** A random key of {@code length} Base32 characters; {@code confusable} keys draw mostly look-alike characters. */
  static String key(Random random, int length, boolean confusable) {
    StringBuilder key = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      String from = confusable && random.nextInt(4) != 0 ? CONFUSABLE : ALPHABET;
      key.append(from.charAt(random.nextInt(from.length())));
    }
    return key.toString();
  }

  static String grouped(String key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      out.append(key.charAt(i));
    }
    return out.toString();
  }

  static BufferedImage draw(Spec spec) {
    Random random = new Random(spec.seed);
    String[] texts = TEXTS[spec.style == Style.LOWER_GROUPS ? 3 : random.nextInt(3)];
    int w = spec.width;
    BufferedImage image = new BufferedImage(w, spec.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    Color background = spec.dark ? new Color(0x12, 0x12, 0x12) : Color.WHITE;
    Color text = spec.dark ? new Color(0xE8, 0xE8, 0xEA) : new Color(0x16, 0x18, 0x23);
    Color muted = spec.dark ? new Color(0xA0, 0xA0, 0xA6) : new Color(0x60, 0x62, 0x6B);
    Color accent = new Color(0xFE, 0x2C, 0x55);
    g.setColor(background);
    g.fillRect(0, 0, w, spec.height);
    float unit = w / 36f;   // 30 px on a 1080-pixel-wide screen
    int margin = Math.round(2 * unit);

    // Status bar and navigation bar.
    g.setColor(text);
    g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.round(1.2f * unit)));
    g.drawString("9:41", margin, Math.round(1.8f * unit));
    g.drawRect(w - margin - Math.round(2.2f * unit), Math.round(0.8f * unit), Math.round(2.2f * unit),
        Math.round(1.1f * unit));
    g.fillRect(w - margin - Math.round(2f * unit), Math.round(1f * unit), Math.round(1.5f * unit),
        Math.round(0.7f * unit));
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, Math.round(1.5f * unit)));
    g.drawString("‹", margin, Math.round(4.5f * unit));
    int y = Math.round(8 * unit);

    g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.round((1.7f + random.nextFloat() * 0.4f) * unit)));
    y = paragraph(g, texts[0], margin, y, w - 2 * margin) + Math.round(0.8f * unit);
    g.setColor(muted);
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, Math.round((1.15f + random.nextFloat() * 0.25f) * unit)));
    y = paragraph(g, texts[1], margin, y, w - 2 * margin) + Math.round(unit);

    int side = Math.round((13 + random.nextInt(5)) * unit);
    if (spec.qrKey != null) {
      g.drawImage(qrCode(spec.qrKey), (w - side) / 2, y, side, side, null);
    } else {
      g.setColor(new Color(0xF4, 0xF4, 0xF2));   // glare: the code's place is a bright blank
      g.fillOval((w - side) / 2 - side / 8, y - side / 8, side * 5 / 4, side * 5 / 4);
    }
    y += side + Math.round(1.5f * unit);

    g.setColor(muted);
    y = paragraph(g, texts[2], margin, y, w - 2 * margin) + Math.round(0.6f * unit);
    y = printedKey(g, spec, random, text, accent, margin, y, unit) + Math.round(unit);

    g.setColor(muted);
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, Math.round(1.2f * unit)));
    y = paragraph(g, texts[3], margin, y, w - 2 * margin) + Math.round(unit);
    g.setColor(muted);
    g.drawRoundRect(margin, y, w - 2 * margin, Math.round(3 * unit), Math.round(unit), Math.round(unit));
    g.drawString("Enter code", margin + Math.round(unit), y + Math.round(1.9f * unit));
    int button = Math.max(y + Math.round(4 * unit), spec.height - Math.round(6 * unit));
    g.setColor(accent);
    g.fillRoundRect(margin, button, w - 2 * margin, Math.round(3.2f * unit), Math.round(unit), Math.round(unit));
    g.setColor(Color.WHITE);
    g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.round(1.3f * unit)));
    FontMetrics metrics = g.getFontMetrics();
    g.drawString(texts[4], (w - metrics.stringWidth(texts[4])) / 2, button + Math.round(2.05f * unit));
    g.dispose();
    return image;
  }

  private static int printedKey(Graphics2D g, Spec spec, Random random, Color text, Color accent, int margin, int y,
      float unit) {
    boolean lower = spec.style == Style.LOWER_GROUPS;
    String shown = spec.style == Style.RUN ? spec.key : grouped(lower ? spec.key.toLowerCase(Locale.ROOT) : spec.key);
    boolean bold = lower || random.nextBoolean();
    g.setFont(new Font(spec.font, bold ? Font.BOLD : Font.PLAIN,
        Math.round((1.25f + random.nextFloat() * 0.45f) * unit)));
    FontMetrics metrics = g.getFontMetrics();
    int copyWidth = 0;
    boolean boxed = spec.style == Style.BOXED_GROUPS;
    if (boxed) {
      copyWidth = Math.round(4 * unit);
    }
    int available = spec.width - 2 * margin - (boxed ? copyWidth + Math.round(2 * unit) : 0);
    List<String> lines = wrap(shown, metrics, available, spec.style != Style.RUN);
    // Most screens set a wrapped key's rows close; one in three sets them apart, up to 2.5 rows (found to matter:
    // a row too far to be joined left a 16-character half of a key that looked whole).
    float spacing = random.nextInt(3) == 0 ? 1.15f + random.nextFloat() * 1.35f : 1.15f;
    int lineHeight = Math.round(metrics.getHeight() * spacing);
    int boxTop = y;
    int textLeft = margin + (boxed ? Math.round(unit) : 0);
    if (boxed) {
      g.setColor(spec.dark ? new Color(0x2A, 0x2A, 0x2E) : new Color(0xF1, 0xF1, 0xF4));
      g.fillRoundRect(margin, boxTop, spec.width - 2 * margin, lines.size() * lineHeight + Math.round(1.6f * unit),
          Math.round(unit), Math.round(unit));
      y += Math.round(0.8f * unit);
    }
    g.setColor(text);
    for (String line : lines) {
      y += lineHeight;
      g.drawString(line, textLeft, y - metrics.getDescent() - (lineHeight - metrics.getHeight()) / 2);
    }
    if (boxed) {
      g.setColor(accent);
      g.setFont(new Font("DejaVu Sans", Font.BOLD, Math.round(1.2f * unit)));
      g.drawString("Copy", spec.width - margin - copyWidth, boxTop + Math.round(0.8f * unit) + lineHeight * 3 / 4);
      y += Math.round(0.8f * unit);
    }
    return y;
  }

  /** Breaks at the spaces between groups when there are any, otherwise anywhere, to fit {@code available}. */
  private static List<String> wrap(String shown, FontMetrics metrics, int available, boolean atSpaces) {
    List<String> lines = new ArrayList<>();
    String rest = shown;
    while (metrics.stringWidth(rest) > available) {
      int cut = rest.length();
      while (cut > 1 && metrics.stringWidth(rest.substring(0, cut)) > available) {
        int space = rest.lastIndexOf(' ', cut - 1);
        cut = atSpaces && space > 0 ? space : cut - 1;
      }
      lines.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    lines.add(rest);
    return lines;
  }

  private static int paragraph(Graphics2D g, String paragraph, int x, int y, int available) {
    FontMetrics metrics = g.getFontMetrics();
    StringBuilder line = new StringBuilder();
    int at = y;
    for (String word : paragraph.split(" ")) {
      String longer = line.length() == 0 ? word : line + " " + word;
      if (metrics.stringWidth(longer) > available && line.length() > 0) {
        at += metrics.getHeight();
        g.drawString(line.toString(), x, at);
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    at += metrics.getHeight();
    g.drawString(line.toString(), x, at);
    return at + metrics.getDescent();
  }

  private static BufferedImage qrCode(String key) {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/Example:maria%40example.com?secret=" + key + "&issuer=Example");
    try {
      return ImageIO.read(new ByteArrayInputStream(QrCodes.png(uri, QrOptions.defaults())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Recompresses as JPEG of the given quality (0 to 1) and decodes it again, as a messenger does. */
  static BufferedImage jpeg(BufferedImage image, float quality) {
    return read(jpegBytes(image, quality));
  }

  static byte[] jpegBytes(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] png(BufferedImage image) {
    return SetupPictures.png(image);
  }

  private static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scales to {@code width} pixels wide with bilinear interpolation, as messengers do. */
  static BufferedImage resized(BufferedImage image, int width) {
    int height = Math.round(image.getHeight() * (float) width / image.getWidth());
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }
}
