package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodeException.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthenticatorTextsTest {
  /**
   * Which texts count is core's rule (AuthenticatorText, where its own cases live); these pin what the picture reader
   * makes of each kind: an account, an authenticator code that cannot be used, or another code, named by a known
   * scheme only.
   */
  static Stream<Arguments> authenticatorTexts() {
    return Stream.of(
        Arguments.of("OTPAUTH://TOTP/ACME:me?secret=JBSWY3DPEHPK3PXP", "ACME"),
        Arguments.of("  otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP\n", "ACME"),
        Arguments.of("OtpAuth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=3", "Bank"),
        Arguments.of("STEAM://63BEDWCQZKTQWPESARIERL5DTTQFCJTK", "Steam"));
  }

  @ParameterizedTest
  @MethodSource("authenticatorTexts")
  void accounts_authenticatorSchemeInAnyCaseOrSpacing_isAnAccount(String text, String issuer) {
    List<OtpAuthUri> accounts = AuthenticatorTexts.accounts(List.of(text));
    assertThat(accounts).hasSize(1);
    assertThat(accounts.get(0).issuer()).isEqualTo(issuer);
  }

  @Test
  void accounts_export_expandedIntoItsAccounts() {
    List<OtpAuthUri> exported = List.of(
        OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP")).issuer("ACME").account("me").build(),
        OtpAuthUri.totp(Secret.fromBase32("GEZDGNBVGY3TQOJQ")).issuer("Mail").account("you").build());
    String text = MigrationPayload.encode(exported).get(0);
    assertThat(AuthenticatorTexts.accounts(List.of("WIFI:S:cafe;;", " " + text + " "))).isEqualTo(exported);
  }

  static Stream<Arguments> unusableAuthenticatorTexts() {
    return Stream.of(
        Arguments.of("otpauth-migration:offline?data=AA",
            "not a Google Authenticator export: it does not start with otpauth-migration://"),
        Arguments.of("otpauth:totp/ACME:me?secret=JBSWY3DPEHPK3PXP", "not an otpauth URI: there is no '://'"),
        Arguments.of("steam:", "not an otpauth URI: there is no '://'"),
        Arguments.of("otpauth://totp/ACME:me", "the secret parameter is missing or empty"));
  }

  @ParameterizedTest
  @MethodSource("unusableAuthenticatorTexts")
  void accounts_authenticatorSchemeButUnusable_invalidAuthenticatorCode(String text, String why) {
    assertThatThrownBy(() -> AuthenticatorTexts.accounts(List.of(text)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_AUTHENTICATOR_CODE);
          assertThat(e.getMessage()).startsWith("the picture holds an authenticator QR code, but it cannot be used: "
              + why);
        });
  }

  static Stream<Arguments> otherTexts() {
    return Stream.of(
        Arguments.of("HTTPS://example.com/otpauth://totp", "a link with the scheme 'https'"),
        Arguments.of(" WIFI:S:cafe;T:WPA;P:pass;;", "a link with the scheme 'wifi'"),
        Arguments.of("otpauthx://totp/ACME:me?secret=JBSWY3DPEHPK3PXP", "text of another kind"),
        Arguments.of("just some words", "plain text"));
  }

  @ParameterizedTest
  @MethodSource("otherTexts")
  void accounts_otherScheme_notAuthenticatorCodeNamingKnownSchemesOnly(String text, String described) {
    assertThatThrownBy(() -> AuthenticatorTexts.accounts(List.of(text)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATOR_CODE);
          assertThat(e.getMessage()).startsWith("the QR code holds " + described + ", not an authenticator code");
        });
  }

  @Test
  void accounts_unknownSchemeThatMightBeAKey_isNotNamed() {
    assertThatThrownBy(() -> AuthenticatorTexts.accounts(List.of("JBSWY3DPEHPK3PXP:x", "BEGIN:VCARD\nN:Rosa")))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATOR_CODE);
          assertThat(e.getMessage()).startsWith("the QR codes hold text of another kind and a contact card (vCard),"
              + " not an authenticator code").doesNotContainIgnoringCase("jbswy3dp").doesNotContain("Rosa");
        });
  }

  @Test
  void accounts_steamUri_isAnAccount() {
    assertThat(AuthenticatorTexts.accounts(List.of("steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK")).get(0).isSteam())
        .isTrue();
  }
}
