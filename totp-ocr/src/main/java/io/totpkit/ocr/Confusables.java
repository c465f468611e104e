package io.totpkit.ocr;

import java.util.List;

/**
 * The Base32 characters OCR mistakes for one another (5 and S, 6 and G, 2 and Z, 7 and T, I and J, O and Q…), and how
 * the first, unrestricted pass's non-Base32 readings map back (0 is an O, 1 an I, 8 a B). A swap inside one of these
 * groups leaves a well-formed key, so no check of the key itself can catch it. They are the alternatives offered at a
 * doubtful position after those the readings themselves suggest, and the pairs a doubled glyph is undone from.
 */
final class Confusables {
  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  /**
   * Groups of look-alikes: those seen swapped on the rendered setup screens (5/S, 6/G, 2/Z, 7/T, q/g, Q/O, l/i, J/I,
   * X/K, F/P, S/5 and G/6 alone) and the classic ones of OCR, from the capitals and from Google's small letters
   * (i/l/j, o/a, c/e).
   */
  private static final List<String> GROUPS = List.of("5S", "6G", "2Z", "7T", "4A", "GQ", "OQD", "IJLT", "UVY",
      "B3E", "KX", "FPE", "MN", "HN", "CE", "AO");

  private Confusables() {}

  static boolean isBase32(char c) {
    return ALPHABET.indexOf(c) >= 0;
  }

  /** The characters {@code c} is mistaken for, most often mistaken first. */
  static String alike(char c) {
    StringBuilder alike = new StringBuilder();
    for (String group : GROUPS) {
      if (group.indexOf(c) >= 0) {
        for (int i = 0; i < group.length(); i++) {
          char other = group.charAt(i);
          if (other != c && alike.indexOf(String.valueOf(other)) < 0) {
            alike.append(other);
          }
        }
      }
    }
    return alike.toString();
  }

  /**
   * Maps the first pass's reading of a key to Base32 capitals: its digits that are not Base32 to the letters they
   * stand for, the vertical strokes to I (capital keys) or L (small-letter keys), the brackets to the letters whose
   * curves they are.
   */
  static String normalise(String firstPass, boolean lowerCase) {
    StringBuilder out = new StringBuilder(firstPass.length());
    for (int i = 0; i < firstPass.length(); i++) {
      char c = firstPass.charAt(i);
      switch (c) {
        case '0' -> out.append('O');
        case '8' -> out.append('B');
        case '1', '|', '!' -> out.append(lowerCase ? 'L' : 'I');
        case '$' -> out.append('S');
        case ')', ']' -> out.append('J');
        case '(' -> out.append('C');
        case '[' -> out.append(lowerCase ? 'L' : 'I');
        case 'l' -> out.append(lowerCase ? 'L' : 'I');
        case 'I' -> out.append(lowerCase ? 'L' : 'I');
        default -> out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }
}
