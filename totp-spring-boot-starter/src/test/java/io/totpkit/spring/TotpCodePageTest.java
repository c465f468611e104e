package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotpCodePageTest {
  @Test
  void render_hostileValues_escaped() {
    String html = TotpCodePage.render("/app\"><script>x</script>/login/totp", "_csrf\"", "t\"><script>y</script>",
        false, new EnrollmentStart("otpauth://totp/x", "AB<C D&EF", "data:image/png;base64,QQ==",
            "data:image/svg+xml;base64,\"><script>z</script>"));
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;", "AB&lt;C D&amp;EF");
  }

  @Test
  void render_codeForm_oneTimeCodeFieldAndCsrf() {
    String html = TotpCodePage.render("/login/totp", "_csrf", "token123", true, null);
    assertThat(html).contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"", "name=\"code\"",
        "name=\"_csrf\" value=\"token123\"", TotpCodePage.NOT_ACCEPTED).doesNotContain("setup-key");
  }

  @Test
  void render_noError_noMessage() {
    assertThat(TotpCodePage.render("/login/totp", "_csrf", "t", false, null)).doesNotContain("not accepted");
  }
}
