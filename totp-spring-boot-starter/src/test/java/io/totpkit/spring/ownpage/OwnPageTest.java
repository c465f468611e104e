package io.totpkit.spring.ownpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Totp;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.spring.TotpEnrollment;
import io.totpkit.spring.sampleapp.BrowserAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** totpkit.factor.default-page=false: the application's own page is served, and the starter still checks codes. */
class OwnPageTest {
  static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    app = new SpringApplicationBuilder(OwnPageApplication.class).properties("server.port=0",
        "spring.datasource.url=" + PostgresCluster.get().newDatabase(), "totpkit.issuer=Own",
        "totpkit.keys.encryption-keys.k1=" + key, "totpkit.keys.current-key-id=k1",
        "totpkit.factor.default-page=false").run();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void codePage_applicationsOwn_servedAndCodeStillChecked() {
    TotpEnrollment enrollment = app.getBean(TotpEnrollment.class);
    Totp totp = OtpAuthUri.parse(enrollment.begin("dave", "dave").otpauthUri()).toTotp();
    assertThat(enrollment.confirm("dave", totp.generate(Instant.now())).isAccepted()).isTrue();

    BrowserAccess browser = new BrowserAccess(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    assertThat(browser.signIn("dave")).startsWith("/login/totp?");
    String page = browser.getBody("/login/totp");
    assertThat(page).contains("our own page for dave").doesNotContain("Verification code");
    String next = totp.generate(Instant.now().plus(Duration.ofSeconds(30)));
    assertThat(browser.postForLocation("/login/totp", Map.of("code", next, "_csrf", BrowserAccess.csrf(page))))
        .startsWith("/secret");
    assertThat(browser.getBody("/secret")).isEqualTo("the secret page of dave");
  }
}
