package io.totpkit.qr;

/**
 * Draws a {@link ModuleMatrix} as text: each character is one module wide and two high, drawn with the half blocks
 * {@code ▀ ▄ █} and spaces, so that the code keeps its square shape in a terminal font.
 *
 * <p>Which colour is "on" matters. Without ANSI colours the glyphs, drawn in the terminal's foreground colour, are
 * the <em>light</em> modules and the quiet zone, and spaces show the background as the dark modules: on a dark theme
 * (light text on a dark background) that is an ordinary code framed by an explicit light quiet zone. With ANSI
 * colours every line sets black on bright white and the glyphs are the dark modules, right on every theme.
 */
final class TerminalRenderer {
  static final String ANSI_BLACK_ON_WHITE = "\u001b[30;107m";
  static final String ANSI_RESET = "\u001b[0m";

  private TerminalRenderer() {}

  static String render(ModuleMatrix matrix, QrOptions options) {
    int margin = options.margin();
    int from = -margin;
    int to = matrix.size() + margin;   // exclusive
    boolean ansi = options.ansiColors();
    StringBuilder out = new StringBuilder((to - from + 12) * ((to - from) / 2 + 1));
    for (int y = from; y < to; y += 2) {
      if (ansi) {
        out.append(ANSI_BLACK_ON_WHITE);
      }
      for (int x = from; x < to; x++) {
        // The half below the last row of an odd-height drawing is outside the picture: draw it as background.
        boolean top = ansi ? matrix.isDark(x, y) : !matrix.isDark(x, y);
        boolean bottom = y + 1 < to && (ansi ? matrix.isDark(x, y + 1) : !matrix.isDark(x, y + 1));
        out.append(top ? bottom ? '█' : '▀' : bottom ? '▄' : ' ');
      }
      if (ansi) {
        out.append(ANSI_RESET);
      }
      out.append('\n');
    }
    return out.toString();
  }
}
