package io.totpkit.ocr;

import java.util.List;

/**
 * One line of text as the first, unrestricted OCR pass found it: its box in the picture and its words. The words may
 * hold a printed key, so {@link #toString()} shows the geometry only.
 */
final class TextLine {
  final int left;
  final int top;
  final int right;
  final int bottom;
  final List<Word> words;

  TextLine(int left, int top, int right, int bottom, List<Word> words) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
    this.words = List.copyOf(words);
  }

  int height() {
    return bottom - top;
  }

  @Override
  public String toString() {
    return "TextLine[" + left + "," + top + "–" + right + "," + bottom + ", " + words.size() + " words]";
  }

  /** A word of the line: Tesseract's text for it, its box, and whether Tesseract found it in its dictionary. */
  static final class Word {
    final String text;
    final boolean dictionary;
    final int left;
    final int top;
    final int right;
    final int bottom;

    Word(String text, boolean dictionary, int left, int top, int right, int bottom) {
      this.text = text;
      this.dictionary = dictionary;
      this.left = left;
      this.top = top;
      this.right = right;
      this.bottom = bottom;
    }

    @Override
    public String toString() {
      return "Word[" + text.length() + " characters" + (dictionary ? ", in the dictionary]" : "]");
    }
  }
}
