package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Base32}: RFC 4648 vectors, the lenient forms people paste, and the strict errors that never echo a key. */
class Base32Test {
  /** A recognisable key: every run of four of its characters is looked for in error messages. */
  private static final String KEY = "JBSWY3DPEHPK3PXP";

  /** RFC 4648 §10 test vectors: the plain text and its padded Base32, for both directions. */
  static Stream<Arguments> rfc4648Section10() {
    return Stream.of(
        Arguments.of("f", "MY======"),
        Arguments.of("fo", "MZXQ===="),
        Arguments.of("foo", "MZXW6==="),
        Arguments.of("foob", "MZXW6YQ="),
        Arguments.of("fooba", "MZXW6YTB"),
        Arguments.of("foobar", "MZXW6YTBOI======"));
  }

  /** RFC 4648 §10 test vectors; totpkit encodes without the trailing padding, as authenticator apps show keys. */
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @MethodSource("rfc4648Section10")
  void encode_rfc4648Section10_matchesWithoutPadding(String plain, String padded) {
    assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(padded.replace("=", ""));
  }

  /** RFC 4648 §10 test vectors, read both with their padding and without it. */
  @ParameterizedTest(name = "{1} -> \"{0}\"")
  @MethodSource("rfc4648Section10")
  void decode_rfc4648Section10_matchesWithAndWithoutPadding(String plain, String padded) {
    byte[] expected = plain.getBytes(StandardCharsets.US_ASCII);
    assertThat(Base32.decode(padded)).isEqualTo(expected);
    assertThat(Base32.decode(padded.replace("=", ""))).isEqualTo(expected);
    assertThat(Base32.decode(padded.toLowerCase(java.util.Locale.ROOT))).isEqualTo(expected);
  }

  /** RFC 4648 §10 also lists BASE32("") = "": the encoder writes nothing; the decoder refuses it as an empty key. */
  @Test
  void encode_empty_isEmptyString() {
    assertThat(Base32.encode(new byte[0])).isEmpty();
  }

  @Test
  void encode_everyByteValue_decodesBack() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    String text = Base32.encode(all);
    assertThat(text).matches("[A-Z2-7]+");
    assertThat(Base32.decode(text)).isEqualTo(all);
  }

  @Test
  void encode_lengthsOneToTen_haveNoPaddingAndCeilLength() {
    for (int n = 1; n <= 10; n++) {
      assertThat(Base32.encode(new byte[n])).hasSize((n * 8 + 4) / 5).doesNotContain("=");
    }
  }

  /** What people paste: every form below is the key of Google's wiki example and decodes to the same bytes. */
  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
    "JBSWY3DPEHPK3PXP",
    "jbswy3dpehpk3pxp",
    "JbSwY3dPeHpK3pXp",
    "JBSW Y3DP EHPK 3PXP",
    "jbsw y3dp ehpk 3pxp",
    "  JBSWY3DPEHPK3PXP  ",
    "JBSW\tY3DP\tEHPK\t3PXP",
    "JBSW\nY3DP\r\nEHPK\n3PXP\n",
    "JBSW-Y3DP-EHPK-3PXP",
    "JBSW\u00a0Y3DP\u00a0EHPK\u00a03PXP",
    "J B S W Y 3 D P E H P K 3 P X P",
    "JBSWY3DPEHPK3PXP======",
    "JBSWY3DPEHPK3PXP=",
    "jbsw-y3dp ehpk\t3pxp ==",
  })
  void decode_lenientForms_decodeIdentically(String text) {
    assertThat(Base32.decode(text)).isEqualTo(Base32.decode(KEY));
  }

  @Test
  void decode_googleWikiKey_isHelloFollowedByDeadBeef() {
    // JBSWY3DPEHPK3PXP is "Hello!" followed by 0xDEADBEEF.
    assertThat(Base32.decode(KEY)).containsExactly('H', 'e', 'l', 'l', 'o', '!', 0xde, 0xad, 0xbe, 0xef);
  }

  /** Trailing bits that do not fill a byte are dropped: "MZ" and "MY" both read as "f", as apps read them. */
  @Test
  void decode_nonZeroTrailingBits_dropped() {
    assertThat(Base32.decode("MZ")).containsExactly('f');
  }

  /** Offending characters, with their expected 1-based position and the kind the message must name. */
  @ParameterizedTest(name = "[{index}] position {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "JBSW0Y3DPEHPK3PXP| 5| a digit 0, 1, 8 or 9",
    "JBSWY3DPEHPK3PX1| 16| a digit 0, 1, 8 or 9",
    "8JBSWY3DPEHPK3PXP| 1| a digit 0, 1, 8 or 9",
    "JBSWY3DP9EHPK3PXP| 9| a digit 0, 1, 8 or 9",
    "JBSWY3DP.EHPK3PXP| 9| a punctuation character",
    "JBSWY3DP,EHPK3PXP| 9| a punctuation character",
    "JBSWY3DPEHPK3PXP!| 17| a punctuation character",
    "JBSWY3DP_EHPK3PXP| 9| a punctuation character",
    "JBSWY3DP+EHPK3PXP| 9| a punctuation character",
    "JBSWY3DP/EHPK3PXP| 9| a punctuation character",
    "JBSW Y3DP:EHPK3PXP| 10| a punctuation character",
  })
  void decode_invalidCharacter_namesPositionAndKind(String text, int position, String kind) {
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining(kind)
        .hasMessageContaining("at position " + position + ";")
        .satisfies(e -> LeakAssertions.assertNoRun(e.getMessage(), text, 4));
  }

  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(ints = {0x00, 0x01, 0x07, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f})
  void decode_controlCharacter_namesPositionAndKind(int c) {
    String text = "JBSWY3DP" + (char) c + "EHPK3PXP";
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("a control character at position 9;")
        .satisfies(e -> LeakAssertions.assertNoRun(e.getMessage(), text, 4));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"\u00e9", "\u00c9", "\u0130", "\u0131", "\uff21", "\u0417", "\ud83d\ude00", "\ud800", "\udc00",
      "\ufeff", "\u00ad"})
  void decode_nonAsciiCharacter_namesPositionAndKind(String c) {
    String text = "JBSWY3DP" + c + "EHPK3PXP";
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("a non-ASCII character at position 9;")
        .satisfies(e -> LeakAssertions.assertNoRun(e.getMessage(), text, 4));
  }

  /** Spaces other than the no-break space are refused, but named as spaces: the user can see what to delete. */
  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(ints = {0x2003, 0x2009, 0x202f, 0x3000, 0x2028})
  void decode_unusualSpace_namesPositionAndKind(int c) {
    String text = "JBSWY3DP" + (char) c + "EHPK3PXP";
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("an unusual space character at position 9;");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> position {1}")
  @CsvSource({
    "JBSWY3DP=EHPK3PXP, 10",
    "MY======MZXQ, 9",
    "JBSWY3DPEHPK3PX=P, 17",
    "JBSW=Y3DP==, 6",
  })
  void decode_paddingBeforeData_namesPosition(String text, int position) {
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("padding '=' before the end, at position " + position)
        .satisfies(e -> LeakAssertions.assertNoRun(e.getMessage(), text, 4));
  }

  /** 1, 3 or 6 characters after whole groups of 8 cannot come out of any encoder: 5, 15 or 30 bits. */
  @ParameterizedTest(name = "[{index}] {0} characters")
  @ValueSource(ints = {1, 3, 6, 9, 11, 14, 17, 19, 22, 25, 27, 30})
  void decode_impossibleLength_refusedNamingTheLength(int length) {
    String text = "JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ".substring(0, length);
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("has " + length + " characters")
        .hasMessageContaining("no encoder produces")
        .satisfies(e -> LeakAssertions.assertNoRun(e.getMessage(), text, 4));
  }

  @ParameterizedTest(name = "[{index}] {0} characters")
  @ValueSource(ints = {2, 4, 5, 7, 8, 10, 12, 13, 15, 16, 32})
  void decode_possibleLength_accepted(int length) {
    String text = "JBSWY3DPEHPK3PXPGEZDGNBVGY3TQOJQ".substring(0, length);
    assertThat(Base32.decode(text)).hasSize(length * 5 / 8);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"MY=======", "JBSWY3DPEHPK3PXP========", "MY= = = = = = = ="})
  void decode_tooMuchPadding_refused(String text) {
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("padding characters; at most 6 are possible");
  }

  @Test
  void decode_sixPaddingCharacters_accepted() {
    assertThat(Base32.decode("MY======")).containsExactly('f');
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "   ", "\t\n\r", "----", "\u00a0", "=", "======", " - = - "})
  void decode_emptyOrBlank_refusedAsEmpty(String text) {
    assertThatThrownBy(() -> Base32.decode(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessage("Base32 secret is empty");
  }

  /** The first offending character is reported, not a later one. */
  @Test
  void decode_severalProblems_reportsTheFirst() {
    assertThatThrownBy(() -> Base32.decode("JBSW!Y3DP0EHPK"))
        .hasMessageContaining("a punctuation character at position 5;");
  }

  /** Positions count UTF-16 characters of the input as given, separators included. */
  @Test
  void decode_positionAfterSeparators_countsSeparators() {
    assertThatThrownBy(() -> Base32.decode(" \t-JB 0"))
        .hasMessageContaining("at position 7;");
  }

  @Test
  void decode_stringBuilderInput_readsAsString() {
    assertThat(Base32.decode(new StringBuilder("jbsw y3dp ehpk 3pxp"))).isEqualTo(Base32.decode(KEY));
  }
}
