package io.totpkit.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the pictures the robustness tests read: phone screenshots of a 2-step-verification setup screen (status bar,
 * title, text, the QR code, the setup key, buttons), in light or dark mode, and what happens to them on the way to
 * the agency (downscaling, JPEG recompression, GIF/BMP conversion, a photo of the screen).
 */
final class TestImages {
  static final Color LIGHT_BACKGROUND = new Color(0xFF, 0xFF, 0xFF);
  static final Color LIGHT_TEXT = new Color(0x16, 0x18, 0x23);
  static final Color DARK_BACKGROUND = new Color(0x12, 0x12, 0x12);
  static final Color DARK_TEXT = new Color(0xE8, 0xE8, 0xEA);
  static final Color ACCENT = new Color(0xFE, 0x2C, 0x55);

  private TestImages() {}

  /** Draws a QR code with a quiet zone of {@code margin} modules; dark mode draws light modules on dark. */
  static BufferedImage code(String text, int moduleSize, int margin, boolean dark) {
    return code(matrix(text, ErrorCorrectionLevel.M), moduleSize, margin, dark);
  }

  /**
   * Draws a code whose text is written in the given character set, with or without the ECI segment that names it:
   * real issuers write UTF-8 both ways, and ISO-8859-1 without one (the standard's default).
   */
  static BufferedImage code(String text, String charset, boolean eci, int moduleSize, int margin, boolean dark) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    String written = text;
    if (eci) {
      hints.put(EncodeHintType.CHARACTER_SET, charset);
    } else {
      // zxing writes ISO-8859-1 text without an ECI segment: pass the wanted bytes as ISO-8859-1 characters.
      written = new String(text.getBytes(java.nio.charset.Charset.forName(charset)), StandardCharsets.ISO_8859_1);
    }
    try {
      return code(Encoder.encode(written, ErrorCorrectionLevel.M, hints).getMatrix(), moduleSize, margin, dark);
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static BufferedImage code(ByteMatrix matrix, int moduleSize, int margin, boolean dark) {
    int side = (matrix.getWidth() + 2 * margin) * moduleSize;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(dark ? DARK_BACKGROUND : LIGHT_BACKGROUND);
    g.fillRect(0, 0, side, side);
    g.setColor(dark ? DARK_TEXT : LIGHT_TEXT);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y) == 1) {
          g.fillRect((x + margin) * moduleSize, (y + margin) * moduleSize, moduleSize, moduleSize);
        }
      }
    }
    g.dispose();
    return image;
  }

  static ByteMatrix matrix(String text, ErrorCorrectionLevel level) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
    }
    try {
      return Encoder.encode(text, level, hints).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A setup screen with one code at a random place below the title; returns the screenshot. */
  static BufferedImage screenshot(Random random, int width, int height, boolean dark, String text, int moduleSize) {
    BufferedImage code = code(text, moduleSize, 2 + random.nextInt(3), dark);
    int x = random.nextInt(Math.max(1, width - code.getWidth()));
    int y = height / 10 + random.nextInt(Math.max(1, height * 8 / 10 - code.getHeight()));
    return screenshot(random, width, height, dark, new BufferedImage[] {code}, new int[][] {{x, y}});
  }

  /** A setup screen with the given codes drawn at the given top-left corners over text and buttons. */
  static BufferedImage screenshot(Random random, int width, int height, boolean dark, BufferedImage[] codes,
      int[][] at) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Color background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    Color foreground = dark ? DARK_TEXT : LIGHT_TEXT;
    g.setColor(background);
    g.fillRect(0, 0, width, height);
    int unit = width / 36;   // about 30 px on a 1080-pixel-wide phone
    // Status bar: time, signal bars, battery.
    g.setColor(foreground);
    text(g, "9:41", unit, unit * 2, unit);
    for (int i = 0; i < 4; i++) {
      g.fillRect(width - unit * 8 + i * unit / 2, unit * 2 - (i + 1) * unit / 4, unit / 3, (i + 1) * unit / 4);
    }
    g.setStroke(new BasicStroke(Math.max(1, unit / 10f)));
    g.drawRoundRect(width - unit * 5, unit, unit * 2, unit, unit / 3, unit / 3);
    g.fillRect(width - unit * 5 + unit / 5, unit + unit / 5, unit * 3 / 2, unit * 3 / 5);
    // Title, and then lines of body text filling the screen.
    text(g, "Set up your authenticator app", unit, unit * 5, unit * 3 / 2);
    String[] words = {"Scan", "this", "QR", "code", "with", "Google", "Authenticator", "or", "enter", "the", "key",
        "below.", "Use", "a", "third-party", "app", "to", "keep", "your", "account", "safe.", "Codes", "change",
        "every", "30", "seconds", "@brand_official", "Café", "équipe"};
    for (int line = 0, y = unit * 8; y < height - unit * 10; line++, y += unit * 2) {
      StringBuilder sentence = new StringBuilder();
      for (int w = 0; w < 4 + random.nextInt(6); w++) {
        sentence.append(words[random.nextInt(words.length)]).append(' ');
      }
      g.setColor(line % 5 == 0 ? ACCENT : foreground);
      text(g, sentence.toString(), unit, y, unit);
    }
    // Buttons: an outlined one and a filled one near the bottom, and a toggle.
    g.setColor(ACCENT);
    g.fillRoundRect(unit, height - unit * 8, width - 2 * unit, unit * 3, unit * 3, unit * 3);
    g.setColor(Color.WHITE);
    text(g, "Next", width / 2 - unit * 2, height - unit * 6, unit * 3 / 2);
    g.setColor(foreground);
    g.drawRoundRect(unit, height - unit * 4, width - 2 * unit, unit * 3, unit * 3, unit * 3);
    text(g, "Copy key", width / 2 - unit * 3, height - unit * 2, unit * 3 / 2);
    g.fillOval(width - unit * 4, unit * 3, unit * 2, unit);
    for (int i = 0; i < codes.length; i++) {
      // A card behind the code, as apps draw it, then the code and the setup key printed below it.
      g.setColor(background);
      g.fillRect(at[i][0] - unit / 2, at[i][1] - unit / 2, codes[i].getWidth() + unit, codes[i].getHeight()
          + unit * 3);
      g.drawImage(codes[i], at[i][0], at[i][1], null);
      g.setColor(foreground);
      text(g, "JBSW Y3DP EHPK 3PXP", at[i][0], at[i][1] + codes[i].getHeight() + unit * 2, unit);
    }
    g.dispose();
    return image;
  }

  private static void text(Graphics2D g, String text, int x, int y, int size) {
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
      g.drawString(text, x, y);
    } catch (RuntimeException | InternalError e) {
      // A machine without fonts: draw word-sized blocks, which stress the detector about as much.
      g.fillRect(x, y - size * 2 / 3, text.length() * size / 2, size * 2 / 3);
    }
  }

  /** Resizes with bicubic interpolation, as a messenger's image pipeline does. */
  static BufferedImage scale(BufferedImage image, double factor) {
    int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
    int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Encodes with ImageIO's writer for the format: "png", "gif", "bmp", "jpeg". */
  static byte[] encode(BufferedImage image, String format) {
    if (format.equals("jpeg")) {
      return jpeg(image, 0.9f);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A photo of a phone screen: the screen shrunk to about {@code scale}, rotated by up to {@code maxDegrees} either
   * way, with perspective distortion (each corner moved by up to 6% of the screen size), on a grey background, then
   * slightly blurred and with sensor noise.
   */
  static BufferedImage photo(Random random, BufferedImage screen, double scale, double maxDegrees) {
    int sw = screen.getWidth();
    int sh = screen.getHeight();
    int width = (int) (sw * scale * 1.3);
    int height = (int) (sh * scale * 1.2);
    double angle = Math.toRadians((random.nextDouble() * 2 - 1) * maxDegrees);
    double cx = width / 2.0;
    double cy = height / 2.0;
    double hw = sw * scale / 2;
    double hh = sh * scale / 2;
    double[][] corners = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
    float[] quad = new float[8];
    double jitter = 0.06 * Math.max(hw, hh) * 2;
    for (int i = 0; i < 4; i++) {
      double x = corners[i][0] + (random.nextDouble() * 2 - 1) * jitter;
      double y = corners[i][1] + (random.nextDouble() * 2 - 1) * jitter;
      quad[2 * i] = (float) (cx + x * Math.cos(angle) - y * Math.sin(angle));
      quad[2 * i + 1] = (float) (cy + x * Math.sin(angle) + y * Math.cos(angle));
    }
    PerspectiveTransform toScreen = PerspectiveTransform.quadrilateralToQuadrilateral(
        quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7],
        0, 0, sw, 0, sw, sh, 0, sh);
    int[] source = screen.getRGB(0, 0, sw, sh, null, 0, sw);
    int[] out = new int[width * height];
    float[] xs = new float[width];
    float[] ys = new float[width];
    int grey = 0x80 + random.nextInt(0x30);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        xs[x] = x + 0.5f;
        ys[x] = y + 0.5f;
      }
      toScreen.transformPoints(xs, ys);
      for (int x = 0; x < width; x++) {
        float u = xs[x] - 0.5f;
        float v = ys[x] - 0.5f;
        int value;
        if (u < 0 || v < 0 || u >= sw - 1 || v >= sh - 1) {
          value = grey + (int) (random.nextGaussian() * 6);
          value = Math.max(0, Math.min(255, value));
          out[y * width + x] = value * 0x010101;
          continue;
        }
        int u0 = (int) u;
        int v0 = (int) v;
        float fu = u - u0;
        float fv = v - v0;
        int rgb = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          float a = source[v0 * sw + u0] >> shift & 0xff;
          float b = source[v0 * sw + u0 + 1] >> shift & 0xff;
          float c = source[(v0 + 1) * sw + u0] >> shift & 0xff;
          float d = source[(v0 + 1) * sw + u0 + 1] >> shift & 0xff;
          float channel = (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
          // A screen photographed is never pure black or white; add a little noise as a sensor would.
          channel = 20 + channel * 0.82f + (float) random.nextGaussian() * 4;
          rgb |= Math.max(0, Math.min(255, Math.round(channel))) << shift;
        }
        out[y * width + x] = rgb;
      }
    }
    BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    photo.setRGB(0, 0, width, height, out, 0, width);
    float[] blur = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
    return new ConvolveOp(new Kernel(3, 3, blur), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
  }
}
