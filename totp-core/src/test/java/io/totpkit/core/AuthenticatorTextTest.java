package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.AuthenticatorText.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link AuthenticatorText}: the one rule that tells otpauth, otpauth-migration and steam texts from the rest. */
class AuthenticatorTextTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXP";

  /** The cases totp-qr asserted when the rule lived there, then the edges of the grammar. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://example.com/x|https",
      "  otpauth://totp/X?secret=JBSWY3DPEHPK3PXP|otpauth",
      "otpauth-migration://offline?data=AA|otpauth-migration",
      "WIFI:S:cafe;T:WPA;P:pass;;|wifi",
      "JBSWY3DPEHPK3PXP|''",
      "1abc:def|''",
      ":nothing|''",
      "averyveryveryveryveryverylongschemename:x|''",
      "abcdefghijklmnopqrstuvwxyz012345:x|abcdefghijklmnopqrstuvwxyz012345",
      "abcdefghijklmnopqrstuvwxyz0123456:x|''",
      "'  abcdefghijklmnopqrstuvwxyz012345:x'|abcdefghijklmnopqrstuvwxyz012345",
      "a+b-c.d:x|a+b-c.d",
      "AZ09:x|az09",
      "Za9-0:x|za9-0",
      "[a:x|''",
      "a{:x|''",
      "@b:x|''",
      "a/:x|''",
      "a_b:x|''",
      "ot pauth://totp|''",
      "otpauth|''",
      "''|''"})
  void scheme_uriLikeText_returnsLowerCaseScheme(String text, String scheme) {
    assertThat(AuthenticatorText.scheme(text)).isEqualTo(scheme);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP|OTPAUTH",
      "OTPAUTH://TOTP/ACME:me?secret=JBSWY3DPEHPK3PXP|OTPAUTH",
      "OtpAuth:totp|OTPAUTH",
      "otpauth-migration://offline?data=AA|OTPAUTH_MIGRATION",
      "OTPAUTH-MIGRATION://offline?data=AA|OTPAUTH_MIGRATION",
      "otpauth-migration:offline?data=AA|OTPAUTH_MIGRATION",
      "steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK|STEAM",
      "Steam:63BEDWCQZKTQWPESARIERL5DTTQFCJTK|STEAM",
      "https://example.com/otpauth://totp|OTHER",
      "otpauthx://totp/x|OTHER",
      "otpauth-migrations://offline|OTHER",
      "steamx://x|OTHER",
      "mailto:otpauth@example.com|OTHER",
      "BEGIN:VCARD|OTHER",
      "JBSWY3DPEHPK3PXP|OTHER",
      "just some text|OTHER",
      "-otpauth://totp/x|OTHER"})
  void kind_byScheme_tellsTheThreeAuthenticatorKindsFromTheRest(String text, Kind kind) {
    assertThat(AuthenticatorText.kind(text)).isEqualTo(kind);
  }

  @Test
  void kind_leadingAndTrailingWhiteSpace_ignored() {
    assertThat(AuthenticatorText.kind(" \t\r\n otpauth://totp/x?secret=" + SECRET + " \n")).isEqualTo(Kind.OTPAUTH);
    assertThat(AuthenticatorText.kind("\u2003steam://x\u2003")).isEqualTo(Kind.STEAM);
    assertThat(AuthenticatorText.kind("\n\notpauth-migration://offline?data=AA\n")).isEqualTo(Kind.OTPAUTH_MIGRATION);
    // A no-break space is not white space to Character.isWhitespace (nor to String.strip): no scheme.
    assertThat(AuthenticatorText.kind("\u00a0otpauth://totp/x")).isEqualTo(Kind.OTHER);
  }

  @Test
  void kind_longTextWithoutColon_looksAtTheFirstCharactersOnly() {
    StringBuilder text = new StringBuilder("otpauth");
    text.append("x".repeat(1 << 20)).append(':');
    assertThat(AuthenticatorText.kind(text)).isEqualTo(Kind.OTHER);
    assertThat(AuthenticatorText.scheme(text)).isEmpty();
  }

  @Test
  void accounts_otpauthAndSteam_oneAccountEach() {
    List<OtpAuthUri> totp = AuthenticatorText.accounts("  OTPAUTH://TOTP/ACME:me?secret=" + SECRET + "  ");
    assertThat(totp).containsExactly(OtpAuthUri.parse("otpauth://totp/ACME:me?secret=" + SECRET));
    List<OtpAuthUri> steam = AuthenticatorText.accounts("steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK");
    assertThat(steam).hasSize(1);
    assertThat(steam.get(0).isSteam()).isTrue();
  }

  @Test
  void accounts_export_expandsToItsAccountsInOrder() {
    List<OtpAuthUri> accounts = List.of(
        OtpAuthUri.totp(Secret.fromBase32(SECRET)).issuer("ACME").account("me").build(),
        OtpAuthUri.hotp(Secret.fromBase32("GEZDGNBVGY3TQOJQ"), 7).issuer("Bank").account("you").build());
    String text = MigrationPayload.encode(accounts).get(0);
    assertThat(AuthenticatorText.accounts(text)).isEqualTo(MigrationPayload.parse(text).accounts()).hasSize(2);
    assertThat(AuthenticatorText.accounts(" " + text.toUpperCase(java.util.Locale.ROOT).substring(0, 17)
        + text.substring(17))).hasSize(2);
  }

  @Test
  void accounts_exportWithoutSlashes_refusedByTheExportReader() {
    assertThatThrownBy(() -> AuthenticatorText.accounts("otpauth-migration:offline?data=AA"))
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessage("not a Google Authenticator export: it does not start with otpauth-migration://");
  }

  @Test
  void accounts_otherText_refusedWithTheUriParsersMessage() {
    assertThatThrownBy(() -> AuthenticatorText.accounts("https://example.com/totp?secret=" + SECRET))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessage("unsupported scheme 'https' (expected otpauth)");
    assertThatThrownBy(() -> AuthenticatorText.accounts("just some text"))
        .isInstanceOf(InvalidOtpAuthUriException.class)
        .hasMessage("not an otpauth URI: there is no '://' (expected otpauth://totp/…)");
    assertThatThrownBy(() -> AuthenticatorText.accounts("otpauth:totp/x?secret=" + SECRET))
        .isInstanceOf(InvalidOtpAuthUriException.class).hasMessageContaining("no '://'");
    assertThatThrownBy(() -> AuthenticatorText.accounts(SECRET + ":x"))
        .isInstanceOf(InvalidOtpAuthUriException.class).hasMessageNotContaining("JBSW");
  }
}
