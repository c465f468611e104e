package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a key found by {@link KeyLineFinder} again, each cropped from the full-resolution picture, turned
 * dark-on-light and enlarged, with Tesseract restricted to the Base32 alphabet (capitals, or small letters for a key
 * printed in them) and the space: at two sizes, and each character of the first reading once more on its own
 * ({@link GlyphCutter}, {@link LoneGlyphs}). {@link KeyJudge} weighs what they say.
 */
final class KeyLineReader {
  static final String UPPER_CASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567 ";
  static final String LOWER_CASE = "abcdefghijklmnopqrstuvwxyz234567 ";
  /** The heights, in pixels, a line's box is scaled to: one reading for each. */
  static final int[] LINE_HEIGHTS = {48, 72};

  private KeyLineReader() {}

  /**
   * Returns one reading of the whole key per entry of {@link #LINE_HEIGHTS} (the glyphs of its lines in order, the
   * first glyph of each line starting a group) and the glyphs of the first reading read one by one.
   *
   * @param picture the full picture, grey
   * @param scale the factor from {@code key}'s coordinates to {@code picture}'s
   */
  static KeyReadings read(Tesseract tesseract, GreyImage picture, double scale, KeyLineFinder.Found key) {
    String whitelist = key.lowerCase ? LOWER_CASE : UPPER_CASE;
    List<List<Glyph>> readings = new ArrayList<>();
    List<Glyph> isolated = new ArrayList<>();
    for (int size = 0; size < LINE_HEIGHTS.length; size++) {
      List<Glyph> reading = new ArrayList<>();
      for (KeyLineFinder.Span span : key.spans) {
        GreyImage line = crop(picture, scale, span);
        if (line == null) {
          continue;
        }
        GreyImage scaled = line.scaled(LINE_HEIGHTS[size] / Math.max(1, span.height() * scale));
        List<Glyph> glyphs = tesseract.glyphs(scaled, whitelist);
        List<GreyImage> characters = size == 0 ? GlyphCutter.cut(scaled, groupSizes(glyphs)) : null;
        for (int i = 0; i < glyphs.size(); i++) {
          Glyph glyph = glyphs.get(i);
          reading.add(i == 0 && !glyph.startsWord
              ? new Glyph(glyph.best, glyph.confidence, glyph.choices, true) : glyph);
          if (size == 0) {
            // A group that does not split into as many characters as Tesseract read there is not read alone.
            isolated.add(characters.get(i) == null ? null
                : LoneGlyphs.read(tesseract, characters.get(i), glyph, scaled.height, whitelist));
          }
        }
      }
      readings.add(reading);
    }
    return new KeyReadings(readings, isolated, key.words(), key.lowerCase, key.complete);
  }

  private static List<Integer> groupSizes(List<Glyph> glyphs) {
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < glyphs.size(); i++) {
      if (i == 0 || glyphs.get(i).startsWord) {
        sizes.add(0);
      }
      sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
    }
    return sizes;
  }

  /** The span's box with a margin, kept clear of the words beside it, dark text on a light background. */
  static GreyImage crop(GreyImage picture, double scale, KeyLineFinder.Span span) {
    int height = span.height();
    int left = Math.max(span.left - height * 2 / 3, span.clipLeft + 1);
    int right = Math.min(span.right + height * 2 / 3, span.clipRight - 1);
    int top = span.top - height / 3;
    int bottom = span.bottom + height / 3;
    int x = (int) Math.floor(left * scale);
    int y = (int) Math.floor(top * scale);
    GreyImage line = picture.crop(x, y, (int) Math.ceil(right * scale) - x, (int) Math.ceil(bottom * scale) - y);
    if (line == null) {
      return null;
    }
    return line.median() < 128 ? line.inverted() : line;
  }
}
