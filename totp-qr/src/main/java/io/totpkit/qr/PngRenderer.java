package io.totpkit.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Draws a {@link ModuleMatrix} as a black-and-white PNG with whole-pixel modules. */
final class PngRenderer {
  private PngRenderer() {}

  static byte[] render(ModuleMatrix matrix, QrOptions options) {
    Layout layout = Layout.of(matrix.size(), options);
    BufferedImage image = new BufferedImage(layout.side, layout.side, BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    int[] row = new int[layout.side];
    for (int y = 0; y < layout.side; y++) {
      // TYPE_BYTE_BINARY's palette: 0 is black, 1 is white.
      Arrays.fill(row, 1);
      int moduleY = Math.floorDiv(y - layout.offset, layout.scale);
      for (int moduleX = 0; moduleX < matrix.size(); moduleX++) {
        if (y >= layout.offset && matrix.isDark(moduleX, moduleY)) {
          int from = layout.offset + moduleX * layout.scale;
          Arrays.fill(row, from, from + layout.scale, 0);
        }
      }
      raster.setPixels(0, y, layout.side, 1, row);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new AssertionError("the JDK always has a PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Where the code lands in a square image: whole-pixel modules, centred, with at least the requested margin. */
  static final class Layout {
    final int side;
    final int scale;
    final int offset;

    private Layout(int side, int scale, int offset) {
      this.side = side;
      this.scale = scale;
      this.offset = offset;
    }

    static Layout of(int modules, QrOptions options) {
      int total = modules + 2 * options.margin();
      if (options.size().isPresent()) {
        int side = options.size().getAsInt();
        int scale = side / total;
        if (scale < 1) {
          throw new IllegalArgumentException("a " + side + "-pixel image cannot hold this " + modules
              + "-module code and its " + options.margin() + "-module quiet zone; use a size of at least " + total
              + " pixels");
        }
        return new Layout(side, scale, (side - scale * modules) / 2);
      }
      int scale = options.moduleSize();
      long side = (long) scale * total;
      if (side > QrOptions.MAX_SIZE) {
        throw new IllegalArgumentException("this " + modules + "-module code at " + scale + " pixels per module"
            + " would be " + side + " pixels wide; at most " + QrOptions.MAX_SIZE + " are allowed: use a smaller"
            + " moduleSize");
      }
      return new Layout((int) side, scale, scale * options.margin());
    }
  }
}
