package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PercentCodec}: RFC 3986 §2.1 percent-encoding of UTF-8 text, lenient to raw characters, strict on '%'. */
class PercentCodecTest {
  private static String decode(String text, boolean plusIsSpace) {
    return PercentCodec.decode(text, 0, text.length(), plusIsSpace, "the part");
  }

  /** RFC 3986 §2.3: unreserved characters stay; the codec also leaves '@', which e-mail account names are full of. */
  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
    "AZaz09-._~@| AZaz09-._~@",
    "a b| a%20b",
    "a+b| a%2Bb",
    "a:b/c?d#e[f]g| a%3Ab%2Fc%3Fd%23e%5Bf%5Dg",
    "!$&'()*,;=| %21%24%26%27%28%29%2A%2C%3B%3D",
    "%| %25",
    "é| %C3%A9",
    "€| %E2%82%AC",
    "\ud83d\ude00| %F0%9F%98%80",
  })
  void encode_characters_asUtf8PercentEncoding(String text, String encoded) {
    assertThat(PercentCodec.encode(text)).isEqualTo(encoded);
    assertThat(decode(encoded, false)).isEqualTo(text);
  }

  @Test
  void decode_lowerCaseHex_accepted() {
    assertThat(decode("caf%c3%a9%3a", false)).isEqualTo("café:");
  }

  @Test
  void decode_plus_dependsOnPart() {
    assertThat(decode("Air+Canada", true)).isEqualTo("Air Canada");
    assertThat(decode("Air+Canada", false)).isEqualTo("Air+Canada");
    assertThat(decode("1%2B1", true)).isEqualTo("1+1");
  }

  @Test
  void decode_rawNonAsciiAndSpaces_passThroughAlongsideEscapes() {
    assertThat(decode("Café Rosa", false)).isEqualTo("Café Rosa");
    assertThat(decode("Café%20Rosa \ud83d\ude00%21", false)).isEqualTo("Café Rosa \ud83d\ude00!");
  }

  @Test
  void decode_range_readsOnlyTheRange() {
    assertThat(PercentCodec.decode("xx%41%42yy", 2, 8, false, "p")).isEqualTo("AB");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> position {1}")
  @CsvSource({"%G1, 1", "ab%4, 3", "abc%, 4", "a%%41, 2", "%4g, 1", "%\u0664\u0661, 1", "%\uff14\uff11, 1",
      "%+1, 1", "% 1, 1"})
  void decode_badEscape_refusedWithPosition(String text, int position) {
    assertThatThrownBy(() -> decode(text, true))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessage("bad percent-encoding in the part at position " + position
            + ": '%' must be followed by two hexadecimal digits");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"%C3%28", "%C3", "%FF", "%80", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%C0%AF"})
  void decode_bytesThatAreNotUtf8_refused(String text) {
    assertThatThrownBy(() -> decode(text, false))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessage("bad percent-encoding in the part: the bytes are not UTF-8 text");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\ud800", "a\udc00", "\ud800%41", "%41\udbff", "\ude00\ud83d", "\ud83d+"})
  void decode_unpairedSurrogate_refused(String text) {
    assertThatThrownBy(() -> decode(text, true))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  /** Property: any Unicode text survives encode then decode, in either kind of part. */
  @Test
  void encode_randomText_decodesBack() {
    Random random = new Random(0x9e4c3L);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(20); n > 0; n--) {
        int codePoint;
        do {
          codePoint = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x80);
        } while (codePoint >= 0xd800 && codePoint <= 0xdfff);
        text.appendCodePoint(codePoint);
      }
      String encoded = PercentCodec.encode(text.toString());
      assertThat(encoded).matches("[A-Za-z0-9\\-._~@%]*");
      assertThat(decode(encoded, false)).isEqualTo(text.toString());
      assertThat(decode(encoded, true)).isEqualTo(text.toString());
    }
  }
}
