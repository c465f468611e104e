package io.totpkit.core;

/**
 * Renders text that came from outside — an issuer or account name read off a client's QR code, a line of an import, a
 * name typed on a command line — so that printing it cannot act on the terminal, only show what it holds. Every place
 * that prints such text goes through here; the code server's HTML escaping is the other output encoding, for the other
 * output, and sits beside this one rather than inside it.
 *
 * <h2>What is rendered visibly</h2>
 * Every code point that a terminal or a text renderer would act on or hide instead of showing:
 * <ul>
 *   <li>control characters ({@link Character#CONTROL}): C0 {@code U+0000–U+001F}, DEL {@code U+007F} and C1
 *       {@code U+0080–U+009F} — the ESC that starts an ANSI sequence ({@code ESC[2J} clears the screen, OSC 52
 *       {@code ESC]52;c;…BEL} writes the clipboard), the CSI and OSC of C1, CR that lets a name overwrite the line;
 *   <li>format characters ({@link Character#FORMAT}): the bidirectional controls {@code U+202A–U+202E},
 *       {@code U+2066–U+2069}, {@code U+200E}, {@code U+200F} and {@code U+061C} (Trojan Source, CVE-2021-42574:
 *       {@code U+202E} shows {@code moc.elgoog} as {@code google.com}), the invisible {@code U+200B–U+200D},
 *       {@code U+2060–U+2064} and {@code U+FEFF}, the soft hyphen, and the tag characters {@code U+E0000–U+E007F}
 *       that carry invisible ASCII;
 *   <li>the line and paragraph separators {@code U+2028} and {@code U+2029};
 *   <li>unpaired surrogates ({@link Character#SURROGATE}), which are not text at all.
 * </ul>
 * Everything else, letters of every script, emoji and spaces included, is kept as it is.
 *
 * <h2>How</h2>
 * Tab, line feed, carriage return and escape become {@code \t}, {@code \n}, {@code \r} and {@code \e}; any other code
 * point below {@code U+0100} becomes {@code \x} and two hex digits ({@code \x00}, {@code \x7f}, {@code \x9b}); any
 * other one below {@code U+10000} <code>&#92;u</code> and four (<code>&#92;u202e</code>, <code>&#92;ud800</code>);
 * the rest {@code \U} and eight ({@code \U000e0041}). Hex digits are lower case.
 *
 * <p>A backslash in the text stays one backslash, so {@code DOMAIN\alice} reads as it is written, except where it
 * would start something that reads as an escape: it is doubled before another backslash, before a character that is
 * rendered as an escape, and before {@code t}, {@code n}, {@code r}, {@code e}, {@code x} and two hex digits,
 * {@code u} and four, or {@code U} and eight ({@code C:\temp} is shown as {@code C:\\temp}). So a name cannot forge an
 * escape: a reader who takes {@code \\} as one backslash, each escape above as its character and any other backslash
 * as itself gets back exactly the original text.
 *
 * <h2>Security</h2>
 * The result contains no code point this class renders: no control, format, separator or surrogate character can
 * reach the terminal through it. It does not shorten text, and it does not tell look-alike letters apart (a Cyrillic
 * {@code а} stays one): it stops text from acting on the terminal, not from resembling other text.
 *
 * <p>Thread-safety: stateless.
 */
public final class UntrustedText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private UntrustedText() {}

  /**
   * Returns {@code text} with every control, format, separator and unpaired surrogate code point written as a
   * visible escape, and a backslash doubled where it would otherwise read as one (see the class description).
   *
   * @param text the untrusted text
   * @return the text, safe to print on a terminal; {@code text} itself (as a string) when nothing needed escaping
   */
  public static String forTerminal(CharSequence text) {
    int length = text.length();
    int first = 0;
    while (first < length && isPlain(text.charAt(first))) {
      first++;
    }
    if (first == length) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(length + 16);
    out.append(text, 0, first);
    int i = first;
    while (i < length) {
      int codePoint = Character.codePointAt(text, i);
      int next = i + Character.charCount(codePoint);
      if (isRendered(codePoint)) {
        escape(codePoint, out);
      } else {
        out.appendCodePoint(codePoint);
        if (codePoint == '\\' && startsEscape(text, next)) {
          out.append('\\');
        }
      }
      i = next;
    }
    return out.toString();
  }

  /** Whether {@code c} is written as it is whatever its neighbours are: the fast path's test. */
  private static boolean isPlain(char c) {
    return c >= 0x20 && c < 0x7f ? c != '\\' : !Character.isSurrogate(c) && !isRendered(c);
  }

  /**
   * Whether a code point must never reach an output raw: a control character (C0, DEL, C1), an invisible formatting
   * character (bidirectional overrides, zero-width characters), a line or paragraph separator, or a lone surrogate.
   * {@link #forTerminal} escapes exactly these, and any other output encoding (the vault's JSON export) asks here.
   *
   * @param codePoint a code point, or a lone surrogate's char value
   * @return whether it must be escaped
   */
  public static boolean isRendered(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return true;
      default:
        return false;
    }
  }

  /** Whether the text from {@code i} on would, after a backslash, read as an escape (or as an escaped backslash). */
  private static boolean startsEscape(CharSequence text, int i) {
    if (i >= text.length()) {
      return false;
    }
    int codePoint = Character.codePointAt(text, i);
    if (codePoint == '\\' || isRendered(codePoint)) {
      return true;   // the next thing written starts with a backslash
    }
    switch (codePoint) {
      case 't':
      case 'n':
      case 'r':
      case 'e':
        return true;
      case 'x':
        return hexDigitsFollow(text, i + 1, 2);
      case 'u':
        return hexDigitsFollow(text, i + 1, 4);
      case 'U':
        return hexDigitsFollow(text, i + 1, 8);
      default:
        return false;
    }
  }

  private static boolean hexDigitsFollow(CharSequence text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static void escape(int codePoint, StringBuilder out) {
    switch (codePoint) {
      case '\t':
        out.append("\\t");
        return;
      case '\n':
        out.append("\\n");
        return;
      case '\r':
        out.append("\\r");
        return;
      case 0x1b:
        out.append("\\e");
        return;
      default:
        break;
    }
    if (codePoint < 0x100) {
      out.append("\\x");
      hex(codePoint, 2, out);
    } else if (codePoint < 0x10000) {
      out.append("\\u");
      hex(codePoint, 4, out);
    } else {
      out.append("\\U");
      hex(codePoint, 8, out);
    }
  }

  private static void hex(int value, int digits, StringBuilder out) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >>> shift) & 0xf]);
    }
  }
}
