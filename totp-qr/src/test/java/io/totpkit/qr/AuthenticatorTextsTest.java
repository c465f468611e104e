package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.qr.QrCodeException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticatorTextsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://example.com/x|https",
      "  otpauth://totp/X?secret=JBSWY3DPEHPK3PXP|otpauth",
      "otpauth-migration://offline?data=AA|otpauth-migration",
      "WIFI:S:cafe;T:WPA;P:pass;;|wifi",
      "JBSWY3DPEHPK3PXP|''",
      "1abc:def|''",
      ":nothing|''",
      "averyveryveryveryveryverylongschemename:x|''"})
  void scheme_uriLikeText_returnsLowerCaseScheme(String text, String scheme) {
    assertThat(AuthenticatorTexts.scheme(text)).isEqualTo(scheme);
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
