package io.totpkit.ocr;

import java.util.List;

/**
 * Reads a character cut out of its line on its own, away from the characters around it. Reading a line, Tesseract's
 * network leans on the neighbours of each character (in some fonts a 5 among capitals reads as S with 99 %
 * confidence); alone, the glyph's own shape decides. Alone, though, Tesseract misreads about one glyph in twenty-five
 * (G as 6, H as 4) and finds nothing in others (a lone O, a lone I), so each glyph is read in several ways and only an
 * answer they agree on counts:
 * <ol>
 *   <li>a plain vertical bar is I (l among small letters): nothing else in Base32 is;</li>
 *   <li>in single-character mode at two sizes, and at a third to break a tie;</li>
 *   <li>failing that, written three times in a row and read as a line, whose only context is the glyph itself.</li>
 * </ol>
 */
final class LoneGlyphs {
  private LoneGlyphs() {}

  /**
   * Reads {@code character}, cut from a line read as {@code glyph}, on its own.
   *
   * @param height the height of the line it was cut from, in pixels
   * @return the glyph as read alone (with {@code glyph}'s place in the line), or {@code null} when the readings
   *     find nothing or do not agree
   */
  static Glyph read(Tesseract tesseract, GreyImage character, Glyph glyph, int height, String whitelist) {
    if (GlyphCutter.isBar(character)) {
      // Tesseract reads a lone bar as nothing (it would be 1 or l); among Base32's capitals it can only be I, and
      // among its small letters only l (an i has its dot, a j its hook).
      return new Glyph(whitelist.equals(KeyLineReader.LOWER_CASE) ? 'l' : 'I', 99, List.of(), glyph.startsWord);
    }
    Glyph alone = tesseract.character(character.padded(height / 10), whitelist);
    Glyph again = alone == null ? null : tesseract.character(character.scaled(1.5).padded(height * 3 / 20), whitelist);
    if (alone != null && again != null && again.best != alone.best) {
      Glyph third = tesseract.character(character.scaled(2).padded(height / 5), whitelist);
      if (third != null && third.best == again.best) {
        alone = third;
      } else if (third != null && third.best == alone.best) {
        again = third;
      }
    }
    if (alone != null && again != null && again.best == alone.best) {
      return new Glyph(alone.best, Math.min(alone.confidence, again.confidence), alone.choices, glyph.startsWord);
    }
    return tripled(tesseract, character, glyph, height, whitelist);
  }

  /** The glyph written three times in a row, read as a line: an answer only when all three read the same. */
  private static Glyph tripled(Tesseract tesseract, GreyImage character, Glyph glyph, int height, String whitelist) {
    List<Glyph> three = tesseract.glyphs(character.repeated(3, height / 4, height / 4), whitelist);
    if (three.size() != 3 || three.stream().anyMatch(read -> read.best != three.get(0).best)) {
      return null;
    }
    float confidence = (float) three.stream().mapToDouble(read -> read.confidence).min().orElse(0);
    return new Glyph(three.get(0).best, confidence, three.get(0).choices, glyph.startsWord);
  }
}
