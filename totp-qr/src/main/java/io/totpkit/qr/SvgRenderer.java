package io.totpkit.qr;

/**
 * Writes a {@link ModuleMatrix} as SVG: a white square and one {@code <path>} with a rectangle per horizontal run of
 * dark modules, in a {@code viewBox} measured in modules, with {@code shape-rendering="crispEdges"} so that viewers
 * do not blur module edges.
 */
final class SvgRenderer {
  private SvgRenderer() {}

  static String render(ModuleMatrix matrix, QrOptions options) {
    int modules = matrix.size();
    int margin = options.margin();
    int total = modules + 2 * margin;
    long pixels = options.size().isPresent() ? options.size().getAsInt() : (long) options.moduleSize() * total;
    StringBuilder out = new StringBuilder(64 * modules + 300)
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(pixels)
        .append("\" height=\"").append(pixels).append("\" viewBox=\"0 0 ").append(total).append(' ').append(total)
        .append("\" shape-rendering=\"crispEdges\">\n")
        .append("<rect width=\"").append(total).append("\" height=\"").append(total).append("\" fill=\"#ffffff\"/>\n")
        .append("<path fill=\"#000000\" d=\"");
    for (int y = 0; y < modules; y++) {
      int x = 0;
      while (x < modules) {
        if (!matrix.isDark(x, y)) {
          x++;
          continue;
        }
        int run = 1;
        while (matrix.isDark(x + run, y)) {
          run++;
        }
        out.append('M').append(x + margin).append(' ').append(y + margin)
            .append('h').append(run).append("v1h-").append(run).append('z');
        x += run;
      }
    }
    return out.append("\"/>\n</svg>\n").toString();
  }
}
