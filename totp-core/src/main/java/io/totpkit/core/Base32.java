package io.totpkit.core;

/**
 * RFC 4648 Base32, decoded leniently exactly where people copy keys off a screen and strictly everywhere else.
 *
 * <p>Accepted and ignored: lower case, white space (including the no-break space), hyphens, and padding at the end,
 * present or absent. Refused with an {@link InvalidSecretException}: any other character, padding followed by data,
 * and a number of characters no encoder produces (1, 3 or 6 left over after whole groups of 8). Trailing bits that do
 * not fill a byte are dropped, as every authenticator app does. Messages name the position and the kind of the
 * character, never the character or the text: the text is a secret.
 */
final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int MAX_PADDING = 6;

  private Base32() {}

  /** Decodes {@code text}; the returned array belongs to the caller, who should zero it after use. */
  static byte[] decode(CharSequence text) {
    int symbols = 0;
    int padding = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSeparator(c)) {
        continue;
      }
      if (c == '=') {
        padding++;
        continue;
      }
      if (valueOf(c) < 0) {
        throw new InvalidSecretException("Base32 secret has " + describe(c) + " at position " + (i + 1)
            + "; Base32 uses only the letters A to Z and the digits 2 to 7");
      }
      if (padding > 0) {
        throw new InvalidSecretException("Base32 secret has padding '=' before the end, at position " + (i + 1));
      }
      symbols++;
    }
    if (symbols == 0) {
      throw new InvalidSecretException("Base32 secret is empty");
    }
    if (padding > MAX_PADDING) {
      throw new InvalidSecretException("Base32 secret ends in " + padding + " padding characters; at most "
          + MAX_PADDING + " are possible");
    }
    int leftover = symbols % 8;
    if (leftover == 1 || leftover == 3 || leftover == 6) {
      throw new InvalidSecretException("Base32 secret has " + symbols
          + " characters, a length no encoder produces: a character is probably missing or extra");
    }
    byte[] out = new byte[symbols * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int next = 0;
    for (int i = 0; i < text.length() && next < out.length; i++) {
      int value = valueOf(text.charAt(i));
      if (value < 0) {
        continue;
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[next++] = (byte) (buffer >>> bits);
      }
    }
    return out;
  }

  /** Encodes {@code bytes} in upper case without padding, the form authenticator apps show and accept. */
  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(ALPHABET[(buffer >>> bits) & 31]);
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
  }

  /** Returns the 5-bit value of a Base32 letter or digit in either case, or -1. */
  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    return -1;
  }

  private static String describe(char c) {
    if (c == '0' || c == '1' || c == '8' || c == '9') {
      return "a digit 0, 1, 8 or 9 (a 0 or 1 is usually the letter O or I)";
    }
    if (c < 0x20 || c == 0x7f) {
      return "a control character";
    }
    if (c > 0x7f) {
      return Character.isWhitespace(c) || Character.isSpaceChar(c) ? "an unusual space character"
          : "a non-ASCII character";
    }
    return "a punctuation character";
  }
}
