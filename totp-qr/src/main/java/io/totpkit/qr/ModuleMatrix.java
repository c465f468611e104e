package io.totpkit.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** The modules of one QR code, without its quiet zone; {@code true} is a dark module. */
final class ModuleMatrix {
  private final boolean[][] dark;

  private ModuleMatrix(boolean[][] dark) {
    this.dark = dark;
  }

  /**
   * Encodes text. ISO-8859-1 text is written without an ECI segment (every scanner reads that); other text as UTF-8
   * with an ECI segment that tells the scanner so.
   *
   * @throws IllegalArgumentException if the text does not fit a QR code at this level; the message omits the text,
   *     which may hold a secret
   */
  static ModuleMatrix encode(String text, QrOptions.ErrorCorrection level) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }
    ByteMatrix matrix;
    try {
      matrix = Encoder.encode(text, ErrorCorrectionLevel.valueOf(level.name()), hints).getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("the text is " + text.length() + " characters long and does not fit a QR"
          + " code at error correction " + level + "; use a lower level or a shorter text", e);
    }
    int size = matrix.getWidth();
    boolean[][] dark = new boolean[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        dark[y][x] = matrix.get(x, y) == 1;
      }
    }
    return new ModuleMatrix(dark);
  }

  /** Returns the number of modules on a side: 21 to 177. */
  int size() {
    return dark.length;
  }

  /** Returns whether the module is dark; coordinates outside the code (the quiet zone) are light. */
  boolean isDark(int x, int y) {
    return y >= 0 && y < dark.length && x >= 0 && x < dark.length && dark[y][x];
  }
}
