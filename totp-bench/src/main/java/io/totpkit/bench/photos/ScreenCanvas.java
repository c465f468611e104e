package io.totpkit.bench.photos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawing primitives phone screens share: the status bar, a navigation bar, wrapped text, a QR code on its card,
 * a setup key in lines of groups, buttons and the home indicator. Sizes follow one unit, 1/36 of the screen width
 * (30 pixels on a 1080-pixel-wide phone), so every resolution looks alike. Text is anti-aliased in grey levels, as
 * phones draw it.
 *
 * <p>Thread-safety: not thread-safe; one canvas draws one screen.
 */
final class ScreenCanvas {
  static final Color LIGHT_BACKGROUND = Color.WHITE;
  static final Color LIGHT_TEXT = new Color(0x16, 0x18, 0x23);
  static final Color LIGHT_SECONDARY = new Color(0x6B, 0x6E, 0x78);
  static final Color DARK_BACKGROUND = new Color(0x12, 0x12, 0x12);
  static final Color DARK_TEXT = new Color(0xE8, 0xE8, 0xEA);
  static final Color DARK_SECONDARY = new Color(0x9A, 0x9C, 0xA3);

  final int width;
  final int height;
  final int unit;
  final boolean dark;
  final Color background;
  final Color text;
  final Color secondary;
  private final String family;
  private final BufferedImage image;
  private final Graphics2D g;

  ScreenCanvas(int width, int height, boolean dark, String family) {
    this.width = width;
    this.height = height;
    this.unit = Math.max(8, width / 36);
    this.dark = dark;
    this.family = family;
    this.background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    this.text = dark ? DARK_TEXT : LIGHT_TEXT;
    this.secondary = dark ? DARK_SECONDARY : LIGHT_SECONDARY;
    this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(background);
    g.fillRect(0, 0, width, height);
  }

  Font font(int style, double units) {
    return new Font(family, style, (int) Math.round(unit * units));
  }

  /** Time on the left; signal bars, Wi-Fi and battery on the right. */
  void statusBar() {
    g.setColor(text);
    g.setFont(font(Font.BOLD, 1.1));
    g.drawString("9:41", unit * 2, unit * 2);
    int right = width - unit * 2;
    g.drawRoundRect(right - unit * 2, unit, unit * 2 - unit / 5, unit, unit / 3, unit / 3);
    g.fillRect(right - unit * 2 + unit / 6, unit + unit / 6, unit * 6 / 5, unit * 2 / 3);
    g.fillRect(right - unit / 5, unit + unit / 3, unit / 8 + 1, unit / 3);
    g.fillArc(right - unit * 4, unit, unit * 3 / 2, unit * 3 / 2, 45, 90);
    for (int i = 0; i < 4; i++) {
      int barHeight = (i + 1) * unit / 4;
      g.fillRect(right - unit * 6 + i * unit / 3, unit * 2 - barHeight, unit / 4, barHeight);
    }
  }

  /** A back arrow and, when given, a small centred title. */
  void navigationBar(String title) {
    g.setColor(text);
    g.setStroke(new BasicStroke(unit / 8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D arrow = new Path2D.Double();
    arrow.moveTo(unit * 2.6, unit * 3.6);
    arrow.lineTo(unit * 2.0, unit * 4.2);
    arrow.lineTo(unit * 2.6, unit * 4.8);
    g.draw(arrow);
    if (title != null) {
      g.setFont(font(Font.BOLD, 1.2));
      centred(title, unit * 4.6);
    }
  }

  /** Draws wrapped text from {@code y} (its first baseline) and returns the baseline below its last line. */
  int paragraph(String text, Font font, Color color, boolean centred, int y) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics metrics = g.getFontMetrics();
    int lineHeight = metrics.getHeight() * 6 / 5;
    int maxWidth = width - unit * 4;
    for (String block : text.split("\n")) {
      for (String line : wrap(block, metrics, maxWidth, " ")) {
        int x = centred ? (width - metrics.stringWidth(line)) / 2 : unit * 2;
        g.drawString(line, x, y);
        y += lineHeight;
      }
    }
    return y;
  }

  /** Draws one line centred at baseline {@code y}. */
  void centred(String line, double y) {
    g.drawString(line, (width - g.getFontMetrics().stringWidth(line)) / 2, (int) Math.round(y));
  }

  /**
   * Draws a code with a quiet zone of {@code margin} modules of {@code moduleSize} pixels, then scaled with bilinear
   * filtering to {@code side} pixels as an image view does (no scaling when it already has that size), its top-left
   * corner at ({@code x}, {@code y}); returns where the code's modules (without the quiet zone) lie. An inverted code
   * draws light modules on the dark background; otherwise the code sits on a white card with rounded corners.
   */
  Rectangle code(QrModules modules, int x, int y, int moduleSize, int margin, boolean inverted, int side) {
    int drawn = (modules.size() + 2 * margin) * moduleSize;
    BufferedImage code = new BufferedImage(drawn, drawn, BufferedImage.TYPE_INT_RGB);
    Graphics2D c = code.createGraphics();
    c.setColor(inverted ? background : Color.WHITE);
    c.fillRect(0, 0, drawn, drawn);
    c.setColor(inverted ? text : Color.BLACK);
    int origin = margin * moduleSize;
    for (int my = 0; my < modules.size(); my++) {
      for (int mx = 0; mx < modules.size(); mx++) {
        if (modules.isDark(mx, my)) {
          c.fillRect(origin + mx * moduleSize, origin + my * moduleSize, moduleSize, moduleSize);
        }
      }
    }
    c.dispose();
    Graphics2D card = (Graphics2D) g.create();
    card.setClip(new java.awt.geom.RoundRectangle2D.Double(x, y, side, side, unit, unit));
    card.setRenderingHint(RenderingHints.KEY_INTERPOLATION, side == drawn
        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    card.drawImage(code, x, y, side, side, null);
    card.dispose();
    double scale = (double) side / drawn;
    int from = (int) Math.round(origin * scale);
    int length = (int) Math.round(modules.size() * moduleSize * scale);
    return new Rectangle(x + from, y + from, length, length);
  }

  /**
   * Draws a setup key in lines that break between its space-separated groups, optionally in a rounded box, from
   * baseline {@code y}; returns the box around the drawn text.
   */
  Rectangle key(String key, Font font, boolean centred, boolean boxed, int y) {
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int padding = boxed ? unit : 0;
    List<String> lines = wrap(key, metrics, width - unit * 4 - 2 * padding, " ");
    int lineHeight = metrics.getHeight() * 5 / 4;
    int widest = 0;
    for (String line : lines) {
      widest = Math.max(widest, metrics.stringWidth(line));
    }
    int left = centred ? (width - widest) / 2 : unit * 2 + padding;
    int top = y - metrics.getAscent();
    int textHeight = lineHeight * (lines.size() - 1) + metrics.getAscent() + metrics.getDescent();
    if (boxed) {
      g.setColor(dark ? new Color(0x26, 0x27, 0x2B) : new Color(0xF1, 0xF2, 0xF4));
      g.fillRoundRect(left - padding, top - padding, widest + 2 * padding, textHeight + 2 * padding, unit / 2,
          unit / 2);
    }
    g.setColor(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int x = centred ? (width - metrics.stringWidth(line)) / 2 : left;
      g.drawString(line, x, y + i * lineHeight);
    }
    return new Rectangle(left, top, widest, textHeight);
  }

  /** A full-width button whose top is at {@code y}: filled with the accent colour, or outlined. */
  void button(String label, Color accent, boolean filled, int y) {
    int h = unit * 3;
    if (filled) {
      g.setColor(accent);
      g.fillRoundRect(unit * 2, y, width - unit * 4, h, h, h);
      g.setColor(Color.WHITE);
    } else {
      g.setColor(secondary);
      g.setStroke(new BasicStroke(Math.max(1, unit / 12f)));
      g.drawRoundRect(unit * 2, y, width - unit * 4, h, h, h);
      g.setColor(text);
    }
    g.setFont(font(Font.BOLD, 1.2));
    centred(label, y + h * 0.5 + g.getFontMetrics().getAscent() * 0.36);
  }

  /** A link-coloured line of text. */
  void link(String label, Color accent, boolean centred, int y) {
    g.setFont(font(Font.BOLD, 1.0));
    g.setColor(accent);
    int x = centred ? (width - g.getFontMetrics().stringWidth(label)) / 2 : unit * 2;
    g.drawString(label, x, y);
  }

  /** A row of small dots, one filled, as under a paged export. */
  void pageDots(int count, int current, Color accent, int y) {
    int step = unit;
    int left = (width - step * (count - 1)) / 2;
    for (int i = 0; i < count; i++) {
      g.setColor(i == current ? accent : secondary);
      g.fillOval(left + i * step - unit / 5, y - unit / 5, unit * 2 / 5, unit * 2 / 5);
    }
  }

  void homeIndicator() {
    g.setColor(text);
    g.fillRoundRect(width / 2 - unit * 4, height - unit, unit * 8, unit / 5, unit / 5, unit / 5);
  }

  BufferedImage finish() {
    g.dispose();
    return image;
  }

  private static List<String> wrap(String text, FontMetrics metrics, int maxWidth, String separator) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(separator)) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.length() == 0 ? word : line + separator + word;
      if (line.length() > 0 && metrics.stringWidth(candidate) > maxWidth) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
