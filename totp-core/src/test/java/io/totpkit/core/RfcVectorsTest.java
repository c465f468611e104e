package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test vectors of RFC 4226 Appendix D and RFC 6238 Appendix B, with RFC 6238 erratum 2866 applied. */
class RfcVectorsTest {
  private static final Secret RFC4226_KEY = ascii("12345678901234567890");

  /** RFC 4226 Appendix D: HMAC-SHA-1, 6 digits, counters 0 to 9. */
  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({
    "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
    "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489",
  })
  void generate_rfc4226AppendixD_matches(long counter, String expected) {
    Hotp hotp = Hotp.builder(RFC4226_KEY).build();
    assertThat(hotp.generate(counter)).isEqualTo(expected);
    assertThat(hotp.generateInt(counter)).isEqualTo(Integer.parseInt(expected));
  }

  /** RFC 4226 Appendix D also lists the truncated 31-bit values; 10 digits show them whole. */
  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({
    "0, 1284755224", "1, 1094287082", "2, 0137359152", "3, 1726969429", "4, 1640338314",
    "5, 0868254676", "6, 1918287922", "7, 0082162583", "8, 0673399871", "9, 0645520489",
  })
  void generate_tenDigits_showsWholeTruncatedValue(long counter, String expected) {
    assertThat(Hotp.builder(RFC4226_KEY).digits(10).build().generate(counter)).isEqualTo(expected);
  }

  /**
   * RFC 6238 Appendix B, 8 digits, 30 s. The appendix's reference code uses a different key per hash (erratum 2866):
   * 20 bytes for SHA-1, 32 for SHA-256, 64 for SHA-512, each the ASCII digits repeated.
   */
  @ParameterizedTest(name = "{1} at {0} -> {2}")
  @CsvSource({
    "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
    "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
    "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
    "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
    "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
    "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826",
  })
  void generate_rfc6238AppendixB_matches(long epochSecond, HmacAlgorithm algorithm, String expected) {
    Totp totp = Totp.builder(rfc6238Key(algorithm)).algorithm(algorithm).digits(8).build();
    assertThat(totp.generate(Instant.ofEpochSecond(epochSecond))).isEqualTo(expected);
  }

  /** RFC 6238 Appendix B's time-step column (T, in hex there). */
  @ParameterizedTest(name = "{0} -> step {1}")
  @CsvSource({
    "59, 1", "1111111109, 37037036", "1111111111, 37037037", "1234567890, 41152263",
    "2000000000, 66666666", "20000000000, 666666666",
  })
  void step_rfc6238AppendixB_matches(long epochSecond, long step) {
    Totp totp = Totp.builder(RFC4226_KEY).period(Duration.ofSeconds(30)).build();
    assertThat(totp.step(Instant.ofEpochSecond(epochSecond))).isEqualTo(step);
  }

  /** Google's Key Uri Format wiki: JBSWY3DPEHPK3PXP gives 528064 at 2009-11-10T23:00Z. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"JBSWY3DPEHPK3PXP", "jbsw y3dp ehpk 3pxp", "JBSW-Y3DP-EHPK-3PXP", "JBSWY3DPEHPK3PXP===="})
  void generate_googleWikiExample_matches(String key) {
    Totp totp = Totp.builder(Secret.fromBase32(key)).build();
    assertThat(totp.generate(Instant.parse("2009-11-10T23:00:00Z"))).isEqualTo("528064");
  }

  /** Known answers past 32-bit counters (DESIGN.md; also in the oathtool table). */
  @ParameterizedTest(name = "counter {0} -> {1}")
  @CsvSource({"2147483648, 197202", "4294967296, 999456"})
  void generate_countersPast32Bits_match(long counter, String expected) {
    assertThat(Hotp.builder(RFC4226_KEY).build().generate(counter)).isEqualTo(expected);
  }

  /** Steam Guard known answers (DESIGN.md). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1511200518, FR8RV", "1511200714, 9P3VP"})
  void generate_steam_matchesKnownAnswers(long epochSecond, String expected) {
    Totp steam = Totp.builder(Secret.fromBase32("63BEDWCQZKTQWPESARIERL5DTTQFCJTK")).steam().build();
    assertThat(steam.generate(Instant.ofEpochSecond(epochSecond))).isEqualTo(expected);
    assertThat(steam.digits()).isEqualTo(5);
  }

  static Secret rfc6238Key(HmacAlgorithm algorithm) {
    String digits = "1234567890".repeat(7);
    return ascii(digits.substring(0, algorithm.outputLength()));
  }

  static Secret ascii(String text) {
    return Secret.fromBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
