package io.totpkit.ocr;

import java.util.List;

/**
 * One character of a line read with the Base32 whitelist: the character Tesseract chose, its confidence (0 to 100),
 * the other characters it considered with theirs, and whether it starts a word (a group of the printed key). It is a
 * character of a secret, so {@link #toString()} does not show it.
 */
final class Glyph {
  final char best;
  final float confidence;
  /** The alternatives Tesseract's choice iterator offered, best first, without {@link #best}. */
  final List<Choice> choices;
  final boolean startsWord;
  /** Whether Tesseract wrote two look-alike characters for this one glyph ({@link KeyJudge}). */
  final boolean doubled;

  Glyph(char best, float confidence, List<Choice> choices, boolean startsWord) {
    this(best, confidence, choices, startsWord, false);
  }

  Glyph(char best, float confidence, List<Choice> choices, boolean startsWord, boolean doubled) {
    this.best = best;
    this.confidence = confidence;
    this.choices = List.copyOf(choices);
    this.startsWord = startsWord;
    this.doubled = doubled;
  }

  @Override
  public String toString() {
    return "Glyph[confidence " + Math.round(confidence) + ", " + choices.size() + " alternatives]";
  }

  /** A character Tesseract considered, with its confidence (0 to 100). */
  static final class Choice {
    final char character;
    final float confidence;

    Choice(char character, float confidence) {
      this.character = character;
      this.confidence = confidence;
    }

    @Override
    public String toString() {
      return "Choice[confidence " + Math.round(confidence) + "]";
    }
  }
}
