package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UntrustedText#forTerminal}: the attacks that text printed on a terminal can carry — ANSI/ECMA-48
 * control sequences, OSC 52 clipboard writes, Trojan Source bidirectional overrides (CVE-2021-42574), invisible tag
 * characters — are shown, not performed; a backslash in a name cannot forge an escape; ordinary text is left alone.
 */
class UntrustedTextTest {
  /** Decodes the rendering as the class Javadoc tells a reader to: the round trip proves it unambiguous. */
  static String decode(String shown) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < shown.length()) {
      char c = shown.charAt(i);
      if (c != '\\' || i + 1 >= shown.length()) {
        out.append(c);
        i++;
        continue;
      }
      char kind = shown.charAt(i + 1);
      int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
      if (kind == '\\' || kind == 't' || kind == 'n' || kind == 'r' || kind == 'e') {
        out.append(kind == '\\' ? '\\'
            : kind == 't' ? '\t' : kind == 'n' ? '\n' : kind == 'r' ? '\r' : '\u001b');
        i += 2;
      } else if (digits > 0 && i + 2 + digits <= shown.length()
          && shown.substring(i + 2, i + 2 + digits).matches("[0-9a-fA-F]+")) {
        out.appendCodePoint(Integer.parseInt(shown.substring(i + 2, i + 2 + digits), 16));
        i += 2 + digits;
      } else {
        out.append('\\');
        i++;
      }
    }
    return out.toString();
  }

  /** No code point of the output is one a terminal acts on or hides. */
  private static void assertNothingHidden(String shown) {
    assertThat(shown.codePoints().filter(UntrustedText::isRendered).toArray()).as(shown).isEmpty();
  }

  /** Attacks, each with what the terminal shows instead. */
  static Stream<Arguments> attacks() {
    return Stream.of(
        // ECMA-48 CSI "erase display"; OSC 52 clipboard write ended by BEL, and by ST (ESC \)
        arguments("\u001b[2JEvil", "\\e[2JEvil"),
        arguments("\u001b]52;c;Y3VybCBldmlsLnNofHNo\u0007x", "\\e]52;c;Y3VybCBldmlsLnNofHNo\\x07x"),
        arguments("\u001b]52;c;eA==\u001b\\x", "\\e]52;c;eA==\\e\\x"),
        // C1 CSI, NUL, CR (lets a name overwrite the start of its line), DEL, tab, newline
        arguments("a\u009b2Jb", "a\\x9b2Jb"),
        arguments("nul\u0000here", "nul\\x00here"),
        arguments("GitHub\rPayPal", "GitHub\\rPayPal"),
        arguments("del\u007f", "del\\x7f"),
        arguments("a\tb\nc", "a\\tb\\nc"),
        // Trojan Source: RLO shows "moc.elgoog" as "google.com"; isolates, marks, ALM; zero-width and BOM
        arguments("\u202emoc.elgoog", "\\u202emoc.elgoog"),
        arguments("\u2066a\u2067b\u2068c\u2069", "\\u2066a\\u2067b\\u2068c\\u2069"),
        arguments("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
        arguments("pay\u200bpal\u200c\u200d\u2060\u2064\ufeff",
            "pay\\u200bpal\\u200c\\u200d\\u2060\\u2064\\ufeff"),
        arguments("line\u2028para\u2029", "line\\u2028para\\u2029"),
        arguments("soft\u00adhyphen", "soft\\xadhyphen"),
        // A tag character smuggles invisible ASCII ('A' = U+E0041); unpaired surrogates are not text
        arguments("x\udb40\udc41", "x\\U000e0041"),
        arguments("lone\ud800", "lone\\ud800"),
        arguments("lone\udc00high", "lone\\udc00high"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("attacks")
  void forTerminal_controlAndInvisibleCharacters_renderedAsEscapes(String text, String shown) {
    assertThat(UntrustedText.forTerminal(text)).isEqualTo(shown);
    assertThat(decode(shown)).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"GitHub", "acme-ops@example.com", "Air Canada", "Ünïcödé café", "日本語のアカウント",
      "עברית", "العربية", "\ud83d\ude00 emoji", "DOMAIN\\alice", "back\\slash at the end\\", "\\user", "\\x4",
      "\\u20", "\\y", "a\u00a0b", ""})
  void forTerminal_ordinaryText_unchanged(String text) {
    assertThat(UntrustedText.forTerminal(text)).isEqualTo(text);
  }

  /** Backslashes, each with what the terminal shows. */
  static Stream<Arguments> backslashes() {
    return Stream.of(
        arguments("\\e[2J", "\\\\e[2J"),
        arguments("C:\\temp", "C:\\\\temp"),
        arguments("\\n\\r", "\\\\n\\\\r"),
        arguments("\\x1b", "\\\\x1b"),
        arguments("\\u202e", "\\\\u202e"),
        arguments("\\U000e0041", "\\\\U000e0041"),
        arguments("\\\\", "\\\\\\"),
        arguments("\\\u001b", "\\\\\\e"),
        arguments("\\\u202e", "\\\\\\u202e"));
  }

  /** A backslash is doubled exactly where it would otherwise start an escape, so a name cannot forge one. */
  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("backslashes")
  void forTerminal_backslashThatWouldReadAsAnEscape_doubled(String text, String shown) {
    assertThat(UntrustedText.forTerminal(text)).isEqualTo(shown);
    assertThat(decode(shown)).isEqualTo(text);
  }

  @Test
  void forTerminal_textThatLooksEscaped_differsFromTheRealCharacter() {
    assertThat(UntrustedText.forTerminal("\\e")).isNotEqualTo(UntrustedText.forTerminal("\u001b"));
    assertThat(UntrustedText.forTerminal("\\u202e")).isNotEqualTo(UntrustedText.forTerminal("\u202e"));
  }

  @Test
  void forTerminal_everyControlAndFormatCodePoint_escapedAndDecodedBack() {
    int[] hidden = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(UntrustedText::isRendered).toArray();
    assertThat(hidden).contains(0x00, 0x1b, 0x7f, 0x85, 0x9b, 0x200b, 0x202e, 0x2066, 0x061c, 0xfeff, 0xd800,
        0xdfff, 0xe0001, 0xe007f);
    for (int codePoint : hidden) {
      String text = new StringBuilder("a").appendCodePoint(codePoint).append('b').toString();
      String shown = UntrustedText.forTerminal(text);
      assertNothingHidden(shown);
      assertThat(decode(shown)).as("U+%04X", codePoint).isEqualTo(text);
    }
  }

  /**
   * Property: for random strings over a hostile alphabet (controls, bidi, surrogate halves, backslashes, escape
   * letters, hex digits) the output hides nothing and decodes back to the input. Seeded, so a failure repeats.
   */
  @Test
  void forTerminal_randomHostileText_hidesNothingAndDecodesBack() {
    String alphabet = "\\\\\\etnrxuU0123456789abcdefABCDEFg \u001b\u0007\u0000\r\n\t\u007f\u009b"
        + "\u202e\u2066\u200b\ufeff\u2028\ud800\udc00\udb40\udc41é日";
    SplittableRandom random = new SplittableRandom(20261123);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String shown = UntrustedText.forTerminal(text);
      assertNothingHidden(shown);
      assertThat(decode(shown)).as("input %s", shown).isEqualTo(text.toString());
    }
  }
}
