package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OtpAuthUri}: the shapes real QR codes carry, round trips, hostile input, equality and the builder. */
class OtpAuthUriTest {
  /** Google's Key Uri Format wiki example. */
  private static final String GOOGLE_EXAMPLE =
      "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";
  /** A recognisable secret: no run of 8 of its characters may appear in any message. */
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP";
  /** The Steam Guard known answer from DESIGN.md. */
  private static final String STEAM_SECRET = "63BEDWCQZKTQWPESARIERL5DTTQFCJTK";
  /** RFC 4226 Appendix D's key, "12345678901234567890", in Base32. */
  private static final String RFC4226_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  // ---------------------------------------------------------------------------------------------- real-world shapes

  @Test
  void parse_googleWikiExample_readsEveryField() {
    OtpAuthUri uri = OtpAuthUri.parse(GOOGLE_EXAMPLE);

    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.issuer()).isEqualTo("Example");
    assertThat(uri.labelIssuer()).contains("Example");
    assertThat(uri.issuerParameter()).contains("Example");
    assertThat(uri.account()).isEqualTo("alice@google.com");
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32("JBSWY3DPEHPK3PXP"));
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.digits()).isEqualTo(6);
    assertThat(uri.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(uri.counter()).isEmpty();
    assertThat(uri.isSteam()).isFalse();
    assertThat(uri.otherParameters()).isEmpty();
    assertThat(uri.image()).isEmpty();
  }

  /** DESIGN.md: Google's wiki key gives 528064 at 2009-11-10T23:00Z (SHA-1, 6 digits, 30 s). */
  @Test
  void accountWithColonAndNoIssuer_writtenAfterAnEmptyPrefix_readsBackWhole() {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32(SECRET)).account("encoding: x").build();
    assertThat(uri.toUriString()).startsWith("otpauth://totp/:encoding");
    OtpAuthUri back = OtpAuthUri.parse(uri.toUriString());
    assertThat(back.issuer()).isEmpty();
    assertThat(back.account()).isEqualTo("encoding: x");
    assertThat(OtpAuthUri.parse("otpauth://totp/:a:b?secret=" + SECRET).account()).isEqualTo("a:b");
  }

  @Test
  void parse_repeatedVendorParameter_keepsTheFirstAsOtherReadersDo() {
    // andOTP writes one tags parameter per tag; pyotp and otpauth.js accept the URI.
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=" + SECRET
        + "&tags=work&tags=client%20a&image=a&IMAGE=b&issuer=ACME");
    assertThat(uri.otherParameters()).containsEntry("tags", "work");
    assertThat(uri.image()).hasValue("a");
    assertThat(uri.issuer()).isEqualTo("ACME");
  }

  @Test
  void toTotp_googleWikiExample_givesKnownAnswer() {
    Instant at = Instant.parse("2009-11-10T23:00:00Z");
    Totp totp = OtpAuthUri.parse(GOOGLE_EXAMPLE).toTotp(Clock.fixed(at, ZoneOffset.UTC));
    assertThat(totp.generate(at)).isEqualTo("528064");
    assertThat(totp.now()).isEqualTo("528064");
  }

  @Test
  void toUriString_googleWikiExample_writesCanonicalForm() {
    assertThat(OtpAuthUri.parse(GOOGLE_EXAMPLE).toUriString()).isEqualTo("otpauth://totp/Example:alice@google.com"
        + "?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/Air%20Canada:me?secret=JBSWY3DPEHPK3PXP&issuer=Air+Canada",
    "otpauth://totp/Air%20Canada:me?secret=JBSWY3DPEHPK3PXP&issuer=Air%20Canada",
    "otpauth://totp/Air Canada:me?secret=JBSWY3DPEHPK3PXP&issuer=Air Canada",
  })
  void parse_issuerWithPlusOrPercent20OrRawSpace_readsSpace(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    assertThat(uri.issuer()).isEqualTo("Air Canada");
    assertThat(uri.issuerParameter()).contains("Air Canada");
    assertThat(uri.labelIssuer()).contains("Air Canada");
    assertThat(uri.account()).isEqualTo("me");
  }

  /** In the label a '+' is a plus (RFC 3986 path); only the query reads it as a space. */
  @Test
  void parse_plusInLabel_staysPlus() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/A+B:c+d@example.com?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.labelIssuer()).contains("A+B");
    assertThat(uri.account()).isEqualTo("c+d@example.com");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "OTPAUTH://TOTP/ACME:me?secret=JBSWY3DPEHPK3PXP",
    "OtpAuth://Totp/ACME:me?secret=JBSWY3DPEHPK3PXP",
    "otpauth://TOTP/ACME:me?SECRET=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME:me?Secret=jbswy3dpehpk3pxp",
  })
  void parse_upperCaseSchemeTypeAndNames_accepted(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.labelIssuer()).contains("ACME");
    assertThat(uri.account()).isEqualTo("me");
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32("JBSWY3DPEHPK3PXP"));
  }

  @Test
  void parse_upperCaseHotp_accepted() {
    OtpAuthUri uri = OtpAuthUri.parse("OTPAUTH://HOTP/ACME:me?SECRET=JBSWY3DPEHPK3PXP&COUNTER=7");
    assertThat(uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(uri.counter()).hasValue(7);
  }

  @ParameterizedTest(name = "[{index}] algorithm={0}")
  @CsvSource({
    "SHA1, SHA1", "sha1, SHA1", "SHA-1, SHA1", "HmacSHA1, SHA1",
    "SHA256, SHA256", "sha256, SHA256", "SHA-256, SHA256", "sha-256, SHA256", "HmacSHA256, SHA256",
    "SHA512, SHA512", "sha512, SHA512", "SHA-512, SHA512", "HmacSHA512, SHA512", "HMACSHA512, SHA512",
  })
  void parse_algorithmSpellings_accepted(String written, HmacAlgorithm expected) {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&algorithm=" + written);
    assertThat(uri.algorithm()).isEqualTo(expected);
    assertThat(uri.toUriString()).contains("&algorithm=" + expected.uriName() + "&");
  }

  @Test
  void parse_unencodedSpacesInLabel_accepted() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME Co:john doe@example.com?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.labelIssuer()).contains("ACME Co");
    assertThat(uri.account()).isEqualTo("john doe@example.com");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/ACME%3Ajohn@example.com?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME%3ajohn@example.com?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME:john@example.com?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME:%20john@example.com?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME%3A%20%20john@example.com?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME: john@example.com?secret=JBSWY3DPEHPK3PXP",
  })
  void parse_labelSeparatorColonOrPercent3aWithOptionalSpaces_splitsLabel(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    assertThat(uri.labelIssuer()).contains("ACME");
    assertThat(uri.issuer()).isEqualTo("ACME");
    assertThat(uri.account()).isEqualTo("john@example.com");
  }

  @Test
  void parse_labelIssuerThenPercent20s_leadingSpacesDropped() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/Issuer:%20%20account?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.labelIssuer()).contains("Issuer");
    assertThat(uri.account()).isEqualTo("account");
  }

  @Test
  void parse_issuerParameterDiffersFromLabel_parameterWinsBothVisible() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/OldName:me?secret=JBSWY3DPEHPK3PXP&issuer=NewName");
    assertThat(uri.issuer()).isEqualTo("NewName");
    assertThat(uri.labelIssuer()).contains("OldName");
    assertThat(uri.issuerParameter()).contains("NewName");
    assertThat(uri.toUriString()).startsWith("otpauth://totp/OldName:me?").contains("&issuer=NewName");
  }

  @Test
  void parse_onlyLabelIssuer_issuerFromLabel() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.issuer()).isEqualTo("ACME");
    assertThat(uri.issuerParameter()).isEmpty();
  }

  @Test
  void parse_onlyIssuerParameter_issuerFromParameter() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME");
    assertThat(uri.issuer()).isEqualTo("ACME");
    assertThat(uri.labelIssuer()).isEmpty();
    assertThat(uri.account()).isEqualTo("me@example.com");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/?secret=JBSWY3DPEHPK3PXP&issuer=",
  })
  void parse_noLabelNoIssuer_emptyIssuerAndAccount(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    assertThat(uri.issuer()).isEmpty();
    assertThat(uri.account()).isEmpty();
    assertThat(uri.labelIssuer()).isEmpty();
    assertThat(uri.issuerParameter()).isEmpty();
  }

  @Test
  void parse_vendorParameters_keptInOrderAndWrittenBack() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?image=https%3A%2F%2Fexample.com%2Flogo.png"
        + "&secret=JBSWY3DPEHPK3PXP&color=ff0000&issuer=ACME&lock=false&codeDisplay=3&pin=1234");

    assertThat(uri.otherParameters()).containsExactly(entry("image", "https://example.com/logo.png"),
        entry("color", "ff0000"), entry("lock", "false"), entry("codeDisplay", "3"), entry("pin", "1234"));
    assertThat(uri.image()).contains("https://example.com/logo.png");
    assertThat(uri.toUriString()).endsWith("&period=30&image=https%3A%2F%2Fexample.com%2Flogo.png&color=ff0000"
        + "&lock=false&codeDisplay=3&pin=1234");
    assertThatThrownBy(() -> uri.otherParameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parse_parameterWithoutValue_keptAsEmpty() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&lock&&");
    assertThat(uri.otherParameters()).containsExactly(entry("lock", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&issuer=Steam&encoder=steam",
    "otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=Steam",
    "otpauth://steam/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
    "otpauth://STEAM/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&issuer=Steam",
    "steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
    "STEAM://63bedwcqzktqwpesarierl5dttqfcjtk",
    "otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=steam&algorithm=SHA256&digits=8",
  })
  void parse_steamShapes_giveSteamCodes(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);

    assertThat(uri.isSteam()).isTrue();
    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.digits()).isEqualTo(5);
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.issuer()).isEqualTo("Steam");
    assertThat(uri.otherParameters()).doesNotContainKey("encoder");
    // DESIGN.md's Steam Guard known answers.
    Totp totp = uri.toTotp();
    assertThat(totp.generate(Instant.ofEpochSecond(1511200518))).isEqualTo("FR8RV");
    assertThat(totp.generate(Instant.ofEpochSecond(1511200714))).isEqualTo("9P3VP");
    assertThat(uri.toUriString()).contains("&encoder=steam").doesNotContain("&digits=6", "&algorithm=SHA1");
  }

  @Test
  void parse_steamSchemeWithQuery_ignoresQuery() {
    OtpAuthUri uri = OtpAuthUri.parse("steam://" + STEAM_SECRET + "?foo=bar");
    assertThat(uri.isSteam()).isTrue();
    assertThat(uri.secret()).isEqualTo(Secret.fromBase32(STEAM_SECRET));
  }

  @Test
  void parse_hotpWithCounter_readsCounterAndGenerates() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://hotp/ACME:me?secret=" + RFC4226_SECRET + "&counter=42&issuer=ACME");

    assertThat(uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(uri.counter()).hasValue(42);
    assertThat(uri.toUriString()).contains("&counter=42").doesNotContain("period");
    // RFC 4226 Appendix D: counter 0 gives 755224, counter 9 gives 520489.
    assertThat(uri.toHotp().generate(0)).isEqualTo("755224");
    assertThat(uri.toHotp().generate(9)).isEqualTo("520489");
    assertThatThrownBy(uri::period).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(uri::toTotp).isInstanceOf(IllegalStateException.class).hasMessageContaining("toHotp");
  }

  @ParameterizedTest(name = "[{index}] counter={0}")
  @ValueSource(longs = {0, 1, Integer.MAX_VALUE + 1L, Long.MAX_VALUE})
  void parse_hotpCounterRange_accepted(long counter) {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://hotp/me?secret=JBSWY3DPEHPK3PXP&counter=" + counter);
    assertThat(uri.counter()).hasValue(counter);
  }

  @Test
  void toHotp_onTotp_throwsIllegalStateException() {
    assertThatThrownBy(() -> OtpAuthUri.parse(GOOGLE_EXAMPLE).toHotp())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("toTotp");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/Caf%C3%A9%20Rosa:%C3%A9quipe@exemple.fr?secret=JBSWY3DPEHPK3PXP&issuer=Caf%C3%A9%20Rosa",
    "otpauth://totp/Café Rosa:équipe@exemple.fr?secret=JBSWY3DPEHPK3PXP&issuer=Café+Rosa",
    "otpauth://totp/Café%20Rosa:équipe@exemple.fr?secret=JBSWY3DPEHPK3PXP&issuer=Caf%C3%A9 Rosa",
  })
  void parse_nonAsciiLabel_decodesAsUtf8AndRoundTrips(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    assertThat(uri.issuer()).isEqualTo("Café Rosa");
    assertThat(uri.labelIssuer()).contains("Café Rosa");
    assertThat(uri.account()).isEqualTo("équipe@exemple.fr");
    assertThat(uri.toUriString()).startsWith("otpauth://totp/Caf%C3%A9%20Rosa:%C3%A9quipe@exemple.fr?");
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }

  @Test
  void parse_supplementaryCharacters_roundTrip() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/\ud83d\udd10 Vault:\u4f60\u597d?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.labelIssuer()).contains("\ud83d\udd10 Vault");
    assertThat(uri.account()).isEqualTo("\u4f60\u597d");
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }

  /**
   * An unpaired surrogate is not text: it cannot be written back as UTF-8, so a URI holding one would not survive
   * {@code toUriString()}. It must be refused where it is read, raw or next to percent-encoding.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=New\ud800Name",
    "otpauth://totp/ACME:me\udc00?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME\ud83d:me?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME:m%41e\ud800?secret=JBSWY3DPEHPK3PXP",
    "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=A+\ud800%41",
    "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&x\udbff=1",
  })
  void parse_unpairedSurrogate_refused(String text) {
    assertThatThrownBy(() -> OtpAuthUri.parse(text))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessageContaining("surrogate");
  }

  @Test
  void parse_noOptionalParameters_usesDefaults() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/me?secret=JBSWY3DPEHPK3PXP");
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.digits()).isEqualTo(6);
    assertThat(uri.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(uri.isSteam()).isFalse();
  }

  @ParameterizedTest(name = "[{index}] digits={0}")
  @ValueSource(ints = {6, 7, 8, 9, 10})
  void parse_digitsInRange_accepted(int digits) {
    assertThat(OtpAuthUri.parse("otpauth://totp/me?secret=JBSWY3DPEHPK3PXP&digits=" + digits).digits())
        .isEqualTo(digits);
  }

  @ParameterizedTest(name = "[{index}] period={0}")
  @ValueSource(longs = {1, 15, 30, 60, 3600, 31_622_400})
  void parse_periodInRange_accepted(long seconds) {
    assertThat(OtpAuthUri.parse("otpauth://totp/me?secret=JBSWY3DPEHPK3PXP&period=" + seconds).period())
        .isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void parse_sha256EightDigitsSixtySeconds_generatesWithThoseParameters() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=" + RFC4226_SECRET
        + "&algorithm=SHA256&digits=8&period=60");
    Instant at = Instant.ofEpochSecond(1_234_567_890);
    Totp expected = Totp.builder(Secret.fromBase32(RFC4226_SECRET)).algorithm(HmacAlgorithm.SHA256).digits(8)
        .period(Duration.ofSeconds(60)).build();
    assertThat(uri.toTotp().generate(at)).isEqualTo(expected.generate(at)).hasSize(8);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"  ", "\n", "\t \r\n"})
  void parse_surroundingWhiteSpace_ignored(String space) {
    assertThat(OtpAuthUri.parse(space + GOOGLE_EXAMPLE + space)).isEqualTo(OtpAuthUri.parse(GOOGLE_EXAMPLE));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "otpauth://totp/ACME:me?secret=jbsw+y3dp+ehpk+3pxp",
    "otpauth://totp/ACME:me?secret=JBSW%20Y3DP%20EHPK%203PXP",
    "otpauth://totp/ACME:me?secret=JBSW-Y3DP-EHPK-3PXP",
    "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP%3D%3D%3D%3D%3D%3D",
    "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP======",
  })
  void parse_lenientSecretForms_sameSecret(String text) {
    assertThat(OtpAuthUri.parse(text).secret()).isEqualTo(Secret.fromBase32("JBSWY3DPEHPK3PXP"));
  }

  // ---------------------------------------------------------------------------------------------- round trips

  static Stream<String> realWorldShapes() {
    return Stream.of(
        GOOGLE_EXAMPLE,
        "otpauth://totp/Air%20Canada:me?secret=JBSWY3DPEHPK3PXP&issuer=Air+Canada",
        "otpauth://totp/Air Canada:me?secret=JBSWY3DPEHPK3PXP&issuer=Air%20Canada",
        "OTPAUTH://TOTP/ACME:me?SECRET=JBSWY3DPEHPK3PXP",
        "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&algorithm=sha256",
        "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-256",
        "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&algorithm=HmacSHA512&digits=8&period=60",
        "otpauth://totp/ACME Co:john doe@example.com?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/ACME%3Ajohn@example.com?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/Issuer:%20%20account?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/OldName:me?secret=JBSWY3DPEHPK3PXP&issuer=NewName",
        "otpauth://totp/ACME:me?image=https%3A%2F%2Fexample.com%2Flogo.png&secret=JBSWY3DPEHPK3PXP&color=ff0000"
            + "&issuer=ACME&lock=false&codeDisplay=3&pin=1234",
        "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&lock",
        "otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&issuer=Steam&encoder=steam",
        "otpauth://steam/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
        "steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
        "otpauth://totp/Steam:me?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=steam&algorithm=SHA256&digits=8",
        "otpauth://hotp/ACME:me?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=42&issuer=ACME",
        "otpauth://hotp/me?secret=JBSWY3DPEHPK3PXP&counter=9223372036854775807&digits=8&algorithm=SHA512",
        "otpauth://totp/Café Rosa:équipe@exemple.fr?secret=JBSWY3DPEHPK3PXP&issuer=Café+Rosa",
        "otpauth://totp/\ud83d\udd10 Vault:\u4f60\u597d?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/ACME:a:b:c?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/A%26B%3DC%3F:x%23y%25z?secret=JBSWY3DPEHPK3PXP&issuer=A%26B%3DC%3F&note=1%2B1%3D2%26",
        "otpauth://totp/:me?secret=JBSWY3DPEHPK3PXP",
        "otpauth://totp/ACME:?secret=JBSWY3DPEHPK3PXP&issuer=ACME",
        "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&encoder=other");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("realWorldShapes")
  void toUriString_realWorldShape_parsesBackEqual(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    OtpAuthUri again = OtpAuthUri.parse(uri.toUriString());
    assertThat(again).isEqualTo(uri);
    assertThat(again.hashCode()).isEqualTo(uri.hashCode());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("realWorldShapes")
  void toUriString_realWorldShape_isStable(String text) {
    String first = OtpAuthUri.parse(text).toUriString();
    String second = OtpAuthUri.parse(first).toUriString();
    assertThat(second).isEqualTo(first);
    assertThat(first).startsWith("otpauth://").doesNotContain(" ");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("realWorldShapes")
  void toString_realWorldShape_hasNoSecret(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    String shown = uri.toString();
    assertThat(shown).startsWith("OtpAuthUri[").contains("secret=Secret[");
    LeakAssertions.assertNoRun(shown, uri.secret().toBase32(), 8);
  }

  static Stream<OtpAuthUri> builderMade() {
    Secret secret = Secret.fromBase32(SECRET);
    return Stream.of(
        OtpAuthUri.totp(secret).build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me@example.com").build(),
        OtpAuthUri.totp(secret).labelIssuer("Label").issuerParameter("Parameter").account("me").build(),
        OtpAuthUri.totp(secret).issuerParameter("Only Parameter").account("me:with:colons").labelIssuer("L").build(),
        OtpAuthUri.totp(secret).issuer("Café Rosa").account("équipe@exemple.fr").algorithm(HmacAlgorithm.SHA256)
            .digits(8).period(Duration.ofSeconds(60)).build(),
        OtpAuthUri.totp(secret).issuer("A&B=C?D#E%F+G/H").account("x y+z&w=v").parameter("image", "https://x/y?z=1&w")
            .parameter("Color", "ff0000").parameter("empty", "").build(),
        OtpAuthUri.totp(secret).issuer("Steam").account("gamer").steam().build(),
        OtpAuthUri.totp(secret).steam().parameter("algorithm", "SHA256").build(),
        OtpAuthUri.hotp(secret, 0).issuer("ACME").account("me").build(),
        OtpAuthUri.hotp(secret, Long.MAX_VALUE).algorithm(HmacAlgorithm.SHA512).digits(10).parameter("period", "30")
            .build(),
        OtpAuthUri.totp(Secret.fromBytes(new byte[] {1})).account("tiny key").build(),
        OtpAuthUri.totp(Secret.generate(HmacAlgorithm.SHA512)).issuer("\ud83d\udd10").account("\u4f60\u597d").build());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("builderMade")
  void toUriString_builderMade_parsesBackEqualAndStable(OtpAuthUri uri) {
    String text = uri.toUriString();
    OtpAuthUri again = OtpAuthUri.parse(text);
    assertThat(again).isEqualTo(uri);
    assertThat(again.hashCode()).isEqualTo(uri.hashCode());
    assertThat(again.toUriString()).isEqualTo(text);
    LeakAssertions.assertNoRun(uri.toString(), uri.secret().toBase32(), 8);
  }

  /** Property: builder-made URIs with random names and values (any BMP text, paired surrogates) round-trip. */
  @Test
  void toUriString_randomBuilderMade_parsesBackEqual() {
    Random random = new Random(0x07a07aL);
    for (int i = 0; i < 2_000; i++) {
      Secret secret = Secret.fromBytes(randomBytes(random, 1 + random.nextInt(64)));
      OtpAuthUri.Builder builder = random.nextInt(4) == 0
          ? OtpAuthUri.hotp(secret, random.nextLong() & Long.MAX_VALUE)
          : OtpAuthUri.totp(secret);
      String issuer = randomText(random).replace(":", "");
      switch (random.nextInt(4)) {
        case 0:
          builder.issuer(issuer);
          break;
        case 1:
          builder.labelIssuer(issuer);
          break;
        case 2:
          builder.issuerParameter(randomText(random));
          break;
        default:
          break;
      }
      String account = randomText(random);
      builder.account(builder.build().labelIssuer().isPresent() ? account : account.replace(":", ""));
      builder.algorithm(HmacAlgorithm.values()[random.nextInt(3)]).digits(6 + random.nextInt(5));
      OtpAuthUri probe = builder.build();
      if (probe.type() == OtpType.TOTP) {
        builder.period(Duration.ofSeconds(1 + random.nextInt(100_000)));
        if (random.nextInt(5) == 0) {
          builder.steam();
        }
      }
      for (int p = random.nextInt(4); p > 0; p--) {
        String name = "x" + randomText(random);
        builder.parameter(name, randomText(random));
      }
      OtpAuthUri uri = builder.build();
      String text = uri.toUriString();
      OtpAuthUri again = OtpAuthUri.parse(text);
      assertThat(again).as("sample %d: %s", i, text).isEqualTo(uri);
      assertThat(again.toUriString()).isEqualTo(text);
    }
  }

  // ---------------------------------------------------------------------------------------------- hostile input

  static Stream<Arguments> hostile() {
    String s = "secret=" + SECRET;
    return Stream.of(
        Arguments.of("otpauth://totp/ACME:me?issuer=ACME", "secret parameter is missing"),
        Arguments.of("otpauth://totp/ACME:me", "secret parameter is missing"),
        Arguments.of("otpauth://totp/ACME:me?secret=&issuer=ACME", "missing or empty"),
        Arguments.of("otpauth://totp/ACME:me?secret", "missing or empty"),
        Arguments.of("otpauth://totp/ACME:me?secret=+++", "missing or empty"),
        Arguments.of("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXPJBSWY3D0", "position 24"),
        Arguments.of("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP!JBSWY3DP", "punctuation"),
        Arguments.of("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXPJ", "no encoder produces"),
        Arguments.of("otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP%C3%A9JBSWY3DP", "non-ASCII"),
        Arguments.of("https://example.com/totp?" + s, "https"),
        Arguments.of("http://totp/ACME:me?" + s, "http"),
        Arguments.of("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8",
            "scheme 'otpauth-migration': this is a Google Authenticator export, read it with MigrationPayload"),
        Arguments.of(SECRET + "://totp/ACME:me?" + s, "unsupported scheme a 24-character value"),
        Arguments.of("otpauth://" + SECRET + "?" + s, "unknown type a 24-character value"),
        Arguments.of("otpauth://totp/ACME:me?digits=8" + s + "&" + s.toLowerCase(java.util.Locale.ROOT),
            "parameter 'digits' must be a whole number from 6 to 10, was a 32-character value"),
        Arguments.of("otpauth://totp/ACME:me?period=60" + s + "&" + s.toLowerCase(java.util.Locale.ROOT),
            "parameter 'period'"),
        Arguments.of("otpauth://hotp/ACME:me?counter=1" + s + "&" + s.toLowerCase(java.util.Locale.ROOT),
            "parameter 'counter'"),
        Arguments.of("otpauth://totp/ACME:me?algorithm=SHA1" + s + "&" + s.toLowerCase(java.util.Locale.ROOT),
            "parameter 'algorithm' must be SHA1, SHA256 or SHA512, was a 35-character value"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&algorithm=MD5", "must be SHA1, SHA256 or SHA512, was 'MD5'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=abc", "was 'abc'"),
        Arguments.of("https://example.com/totp?" + s, "unsupported scheme 'https' (expected otpauth)"),
        Arguments.of("otpauth://xotp/ACME:me?" + s, "unknown type 'xotp'"),
        Arguments.of("otpauth:///ACME:me?" + s, "unknown type"),
        Arguments.of("otpauth://?" + s, "unknown type"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=5", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=11", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=abc", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=-6", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=+6", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=6.0", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=\u0666", "parameter 'digits'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=0", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=-30", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=abc", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=31622401", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=99999999999999999999999", "parameter 'period'"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&algorithm=MD5", "algorithm"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&algorithm=", "algorithm"),
        Arguments.of("otpauth://hotp/ACME:me?" + s, "counter"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=", "parameter 'counter'"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=-1", "parameter 'counter'"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=9223372036854775808", "parameter 'counter'"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=99999999999999999999", "parameter 'counter'"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=1e3", "parameter 'counter'"),
        Arguments.of("otpauth://totp/AC%G1ME:me?" + s, "percent-encoding in the label at position 18"),
        Arguments.of("otpauth://totp/ACME:me%4?" + s, "percent-encoding"),
        Arguments.of("otpauth://totp/ACME:me%?" + s, "percent-encoding"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&issuer=ACME%", "percent-encoding"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&issuer=ACME%4", "percent-encoding"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&issuer=%C3%28", "not UTF-8"),
        Arguments.of("otpauth://totp/%C3%28:me?" + s, "not UTF-8"),
        Arguments.of("otpauth://totp/%FF:me?" + s, "not UTF-8"),
        Arguments.of("otpauth://totp/ACME:me?secret=%G1" + SECRET, "percent-encoding in parameter 'secret'"),
        Arguments.of("otpauth://totp/ACME:me?secret=" + SECRET + "%E2%82", "not UTF-8"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&" + s, "'secret' appears more than once"),
        Arguments.of("otpauth://totp/ACME:me?Secret=" + SECRET + "&" + s, "'secret' appears more than once"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&issuer=A&ISSUER=B", "'issuer' appears more than once"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&algorithm=SHA1&algorithm=SHA256",
            "parameter 'algorithm' appears more than once"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&period=30&period=60", "parameter 'period' appears more than"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&digits=6&Digits=8", "parameter 'digits' appears more than"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=1&counter=2", "'counter' appears more than once"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&=x", "without a name"),
        Arguments.of("otpauth://hotp/ACME:me?" + s + "&counter=1&encoder=steam", "steam"),
        Arguments.of("otpauth:/totp/ACME:me?" + s, "no '://'"),
        Arguments.of("otpauth:totp/ACME:me?" + s, "no '://'"),
        Arguments.of(SECRET, "no '://'"),
        Arguments.of("", "empty"),
        Arguments.of("   ", "empty"),
        Arguments.of("\t\r\n", "empty"),
        Arguments.of("steam://", "missing or empty"),
        Arguments.of("steam://" + SECRET.substring(0, 20) + "0", "digit"),
        Arguments.of("otpauth://totp/ACME:me?" + s + "&x=" + "A".repeat(OtpAuthUri.MAX_LENGTH), "8192"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("hostile")
  void parse_hostileInput_throwsInvalidOtpAuthUriExceptionWithoutSecret(String text, String expected) {
    assertThatThrownBy(() -> OtpAuthUri.parse(text))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .isInstanceOf(OtpException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> {
          String chain = LeakAssertions.chainText(e);
          LeakAssertions.assertNoRun(chain, SECRET, 8);
          LeakAssertions.assertNoRun(chain, STEAM_SECRET, 8);
        });
  }

  @Test
  void parse_tooLong_refusedBeforeReadingEvenIfValidInside() {
    String padded = GOOGLE_EXAMPLE + " ".repeat(OtpAuthUri.MAX_LENGTH - GOOGLE_EXAMPLE.length() + 1);
    assertThatThrownBy(() -> OtpAuthUri.parse(padded))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessageContaining(String.valueOf(OtpAuthUri.MAX_LENGTH));
    String exact = GOOGLE_EXAMPLE + "&x=" + "A".repeat(OtpAuthUri.MAX_LENGTH - GOOGLE_EXAMPLE.length() - 3);
    assertThat(exact).hasSize(OtpAuthUri.MAX_LENGTH);
    assertThat(OtpAuthUri.parse(exact).otherParameters()).containsKey("x");
  }

  /** Positions count from the start of the text as given, so leading white space (which is ignored) counts too. */
  @Test
  void parse_leadingWhiteSpace_positionsCountFromInputStart() {
    assertThatThrownBy(() -> OtpAuthUri.parse("  otpauth://totp/AC%G1ME:me?secret=" + SECRET))
        .hasMessageContaining("in the label at position 20");
    assertThatThrownBy(() -> OtpAuthUri.parse("\n\totpauth://xotp/ACME:me?secret=" + SECRET))
        .hasMessageContaining("unknown type 'xotp' at position 13");
    assertThatThrownBy(() -> OtpAuthUri.parse(" otpauth://totp/ACME:me?secret=" + SECRET + "&=x"))
        .hasMessageContaining("without a name at position "
            + ((" otpauth://totp/ACME:me?secret=" + SECRET).length() + 2));
  }

  @Test
  void parse_stringBuilder_readLikeString() {
    assertThat(OtpAuthUri.parse(new StringBuilder(GOOGLE_EXAMPLE))).isEqualTo(OtpAuthUri.parse(GOOGLE_EXAMPLE));
  }

  @Test
  void parse_null_throwsNullPointerException() {
    assertThatThrownBy(() -> OtpAuthUri.parse(null)).isInstanceOf(NullPointerException.class);
  }

  /** An invalid secret is reported with its position inside the secret, and the cause is the secret's own error. */
  @Test
  void parse_invalidSecret_causeIsInvalidSecretException() {
    assertThatThrownBy(() -> OtpAuthUri.parse("otpauth://totp/ACME:me?secret=" + SECRET + "1"))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessageStartingWith("the secret parameter is not valid")
        .hasCauseInstanceOf(InvalidSecretException.class);
  }

  /** Property: mutated URIs parse or fail with InvalidOtpAuthUriException, never another exception or a leak. */
  @Test
  void parse_randomlyMutatedUris_returnOrThrowTypedExceptionOnly() {
    Random random = new Random(0xbadc0deL);
    List<String> seeds = new ArrayList<>(realWorldShapes().toList());
    seeds.add("otpauth://hotp/ACME:me?secret=" + SECRET + "&counter=5");
    seeds.add("otpauth://totp/ACME:me?secret=" + SECRET + "&digits=8&period=60&algorithm=SHA512");
    String[] tokens = {"%", "%4", "%C3", "%3A", "%26", "&", "=", "?", "/", ":", "://", "+", " ", "#", "\u00e9",
        "\ud800", "\udc00", "\ud83d\ude00", "secret=", "secret=" + SECRET, "issuer=", "counter=", "counter=-1",
        "digits=", "digits=99", "period=", "period=0", "algorithm=", "encoder=steam", "hotp", "totp", "steam",
        "otpauth-migration", "\u0000", "9223372036854775808", "0"};
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
      for (int m = 1 + random.nextInt(4); m > 0; m--) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(3)) {
          case 0:
            text.insert(at, tokens[random.nextInt(tokens.length)]);
            break;
          case 1:
            if (at < text.length()) {
              text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
            }
            break;
          default:
            if (at < text.length()) {
              text.setCharAt(at, (char) random.nextInt(0x180));
            }
            break;
        }
      }
      String input = text.toString();
      try {
        OtpAuthUri uri = OtpAuthUri.parse(input);
        assertThat(OtpAuthUri.parse(uri.toUriString())).as("sample %d: %s", i, input).isEqualTo(uri);
      } catch (InvalidOtpAuthUriException e) {
        LeakAssertions.assertNoRun(LeakAssertions.chainText(e), SECRET, 8);
      } catch (Throwable t) {
        fail("sample " + i + " (" + input + ") threw " + t, t);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- equality

  @Test
  void equals_sameText_equalWithSameHashCode() {
    OtpAuthUri a = OtpAuthUri.parse(GOOGLE_EXAMPLE);
    OtpAuthUri b = OtpAuthUri.parse(GOOGLE_EXAMPLE);
    assertThat(a).isEqualTo(b).isNotSameAs(b);
    assertThat(b).isEqualTo(a);
    assertThat(a).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a).isNotEqualTo(null).isNotEqualTo(GOOGLE_EXAMPLE);
  }

  static Stream<OtpAuthUri> variants() {
    Secret secret = Secret.fromBase32(SECRET);
    return Stream.of(
        OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DQ")).issuer("ACME").account("me").build(),
        OtpAuthUri.totp(secret).issuer("ACMF").account("me").build(),
        OtpAuthUri.totp(secret).labelIssuer("ACME").account("me").build(),
        OtpAuthUri.totp(secret).issuerParameter("ACME").account("me").build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("you").build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me").algorithm(HmacAlgorithm.SHA256).build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me").digits(8).build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me").period(Duration.ofSeconds(60)).build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me").steam().build(),
        OtpAuthUri.totp(secret).issuer("ACME").account("me").parameter("image", "x").build(),
        OtpAuthUri.hotp(secret, 0).issuer("ACME").account("me").build(),
        OtpAuthUri.hotp(secret, 1).issuer("ACME").account("me").build());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("variants")
  void equals_oneFieldDiffers_notEqual(OtpAuthUri variant) {
    OtpAuthUri base = OtpAuthUri.totp(Secret.fromBase32(SECRET)).issuer("ACME").account("me").build();
    assertThat(variant).isNotEqualTo(base);
    assertThat(base).isNotEqualTo(variant);
    assertThat(variant).isEqualTo(OtpAuthUri.parse(variant.toUriString()));
  }

  /** hashCode leaves the secret out, so that hash tables cannot become an oracle for it. */
  @Test
  void hashCode_differentSecretsOtherwiseEqual_sameHashCode() {
    OtpAuthUri a = OtpAuthUri.totp(Secret.generate(20)).issuer("ACME").account("me").build();
    OtpAuthUri b = OtpAuthUri.totp(Secret.generate(20)).issuer("ACME").account("me").build();
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }

  @Test
  void toString_showsParametersButNotSecret() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://hotp/ACME:me?secret=" + SECRET + "&counter=3&image=x");
    assertThat(uri.toString()).contains("hotp", "ACME", "me", "SHA1", "6 digits", "counter 3", "1 other parameter",
        "Secret[15 bytes]").doesNotContain("image");
    LeakAssertions.assertNoRun(uri.toString(), SECRET, 8);
  }

  // ---------------------------------------------------------------------------------------------- builder

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"A:B", ":", "ACME:", ":ACME"})
  void builderIssuer_withColon_refused(String issuer) {
    OtpAuthUri.Builder builder = OtpAuthUri.totp(Secret.fromBase32(SECRET));
    assertThatThrownBy(() -> builder.issuer(issuer))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
    assertThatThrownBy(() -> builder.labelIssuer(issuer))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
  }

  @Test
  void builderIssuerParameter_withColon_accepted() {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32(SECRET)).issuerParameter("A:B").build();
    assertThat(uri.issuer()).isEqualTo("A:B");
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }

  @Test
  void builderBuild_accountWithColonAndNoIssuer_roundTripsWithAndWithoutAPrefix() {
    OtpAuthUri.Builder builder = OtpAuthUri.totp(Secret.fromBase32(SECRET)).account("a:b");
    assertThat(OtpAuthUri.parse(builder.build().toUriString())).isEqualTo(builder.build());
    assertThat(builder.labelIssuer("X").build().account()).isEqualTo("a:b");
  }

  @ParameterizedTest(name = "[{index}] digits={0}")
  @ValueSource(ints = {5, 11, 0, -6, Integer.MAX_VALUE})
  void builderDigits_outOfRange_refused(int digits) {
    assertThatThrownBy(() -> OtpAuthUri.totp(Secret.fromBase32(SECRET)).digits(digits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("digits must be from 6 to 10")
        .hasMessageContaining(String.valueOf(digits));
  }

  @ParameterizedTest(name = "[{index}] period={0}")
  @ValueSource(strings = {"PT0S", "PT-30S", "PT1.5S", "PT0.5S"})
  void builderPeriod_notPositiveWholeSeconds_refused(String period) {
    assertThatThrownBy(() -> OtpAuthUri.totp(Secret.fromBase32(SECRET)).period(Duration.parse(period)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
  }

  @Test
  void builderPeriodAndSteam_onHotp_throwIllegalStateException() {
    OtpAuthUri.Builder builder = OtpAuthUri.hotp(Secret.fromBase32(SECRET), 0);
    assertThatThrownBy(() -> builder.period(Duration.ofSeconds(30))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(builder::steam).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builderHotp_negativeCounter_refused() {
    assertThatThrownBy(() -> OtpAuthUri.hotp(Secret.fromBase32(SECRET), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counter");
  }

  @Test
  void builderTotp_nullSecret_throwsNullPointerException() {
    assertThatThrownBy(() -> OtpAuthUri.totp(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"secret", "Secret", "SECRET", "issuer", "Issuer", "algorithm", "digits", "period", ""})
  void builderParameter_reservedOrEmptyNameOnTotp_refused(String name) {
    assertThatThrownBy(() -> OtpAuthUri.totp(Secret.fromBase32(SECRET)).parameter(name, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be set as another parameter");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"secret", "issuer", "algorithm", "digits", "counter", "COUNTER"})
  void builderParameter_reservedNameOnHotp_refused(String name) {
    assertThatThrownBy(() -> OtpAuthUri.hotp(Secret.fromBase32(SECRET), 0).parameter(name, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderParameter_encoderOnSteamKey_refused() {
    assertThatThrownBy(() -> OtpAuthUri.totp(Secret.fromBase32(SECRET)).steam().parameter("encoder", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A parameter named encoder=steam would read back as a Steam key: the builder must not write one by accident. */
  @Test
  void builderParameter_encoderSteamOnPlainTotp_refusedOrRoundTrips() {
    OtpAuthUri.Builder builder = OtpAuthUri.totp(Secret.fromBase32(SECRET)).account("me");
    try {
      builder.parameter("encoder", "steam");
    } catch (IllegalArgumentException refused) {
      return;
    }
    OtpAuthUri uri = builder.build();
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }

  /** steam() after an encoder parameter must not write two encoder parameters, which would not parse back. */
  @Test
  void builderSteam_afterEncoderParameter_roundTrips() {
    OtpAuthUri parsed = OtpAuthUri.parse("otpauth://totp/ACME:me?secret=" + SECRET + "&encoder=other");
    assertThat(parsed.otherParameters()).containsEntry("encoder", "other");
    OtpAuthUri steam = parsed.toBuilder().steam().build();
    assertThat(OtpAuthUri.parse(steam.toUriString())).isEqualTo(steam);
  }

  /** toUriString() writes UTF-8, which cannot hold an unpaired surrogate: the builder must not accept one. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\ud800", "a\udc00", "\ud83d", "x\udbffy", "\ude00\ud83d"})
  void builderText_unpairedSurrogate_refused(String text) {
    OtpAuthUri.Builder builder = OtpAuthUri.totp(Secret.fromBase32(SECRET));
    assertThatThrownBy(() -> builder.issuer(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
    assertThatThrownBy(() -> builder.labelIssuer(text)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.issuerParameter(text)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.account(text)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.parameter("x" + text, "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.parameter("x", text)).isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.account("\ud83d\ude00").issuer("\ud83d\ude00").build().account()).isEqualTo("\ud83d\ude00");
  }

  @Test
  void builderParameter_periodOnHotpAndCounterOnTotp_acceptedAsOtherParameters() {
    assertThat(OtpAuthUri.hotp(Secret.fromBase32(SECRET), 0).parameter("period", "30").build().otherParameters())
        .containsEntry("period", "30");
    assertThat(OtpAuthUri.totp(Secret.fromBase32(SECRET)).parameter("counter", "3").build().otherParameters())
        .containsEntry("counter", "3");
  }

  @Test
  void builderParameter_nameKeptAsWrittenAndMatchedIgnoringCase() {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32(SECRET)).parameter("image", "old").parameter("IMAGE", "x")
        .build();
    assertThat(uri.otherParameters()).containsExactly(entry("IMAGE", "x"));
    assertThat(uri.image()).contains("x");
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }

  @Test
  void parse_parameterNamesInOtherCases_matchedForKnownOnesAndKeptForOthers() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/ACME:me?SECRET=JBSWY3DPEHPK3PXP&Digits=8&Image=x&codeDisplay=3");
    assertThat(uri.digits()).isEqualTo(8);
    assertThat(uri.image()).contains("x");
    assertThat(uri.toUriString()).endsWith("&Image=x&codeDisplay=3");
  }

  @Test
  void builderAccount_leadingSpaces_dropped() {
    assertThat(OtpAuthUri.totp(Secret.fromBase32(SECRET)).account("   me ").build().account()).isEqualTo("me ");
  }

  @Test
  void builderIssuer_empty_removesBoth() {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32(SECRET)).issuer("ACME").issuer("").build();
    assertThat(uri.labelIssuer()).isEmpty();
    assertThat(uri.issuerParameter()).isEmpty();
    assertThat(uri.issuer()).isEmpty();
  }

  @Test
  void builderSteam_forcesFiveCharactersAndSha1() {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32(STEAM_SECRET)).algorithm(HmacAlgorithm.SHA512).digits(8)
        .steam().build();
    assertThat(uri.digits()).isEqualTo(5);
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.toTotp().generate(Instant.ofEpochSecond(1511200518))).isEqualTo("FR8RV");
  }

  @Test
  void toBuilder_unchanged_buildsEqualCopy() {
    builderMade().forEach(uri -> assertThat(uri.toBuilder().build()).isEqualTo(uri));
    realWorldShapes().map(OtpAuthUri::parse).forEach(uri -> assertThat(uri.toBuilder().build()).isEqualTo(uri));
  }

  @Test
  void toBuilder_changedField_changesOnlyThatField() {
    OtpAuthUri uri = OtpAuthUri.parse(GOOGLE_EXAMPLE);
    OtpAuthUri changed = uri.toBuilder().digits(8).build();
    assertThat(changed.digits()).isEqualTo(8);
    assertThat(changed.toUriString()).isEqualTo(uri.toUriString().replace("digits=6", "digits=8"));
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Text from a hostile alphabet: URI delimiters, percent signs, spaces, non-ASCII and paired surrogates. */
  private static String randomText(Random random) {
    String alphabet = "aZ09 :&=?#%+/@.-_~!$'()*,;[]\"<>\\^`{|}\u00e9\u00a0\u20ac\u4f60";
    StringBuilder out = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      if (random.nextInt(10) == 0) {
        out.append("\ud83d\ude00");
      } else {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return out.toString();
  }
}
