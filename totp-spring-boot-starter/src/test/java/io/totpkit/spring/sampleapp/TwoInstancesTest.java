package io.totpkit.spring.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.guard.testing.PostgresCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances of the sample application on one PostgreSQL: keys, replay guard and lockouts are shared. */
class TwoInstancesTest {
  static final List<ConfigurableApplicationContext> apps = new ArrayList<>();
  static int portA;
  static int portB;

  @BeforeAll
  static void start() {
    String url = PostgresCluster.get().newDatabase();
    String key = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    for (int i = 0; i < 2; i++) {
      apps.add(new SpringApplicationBuilder(SampleApplication.class).properties("server.port=0",
          "spring.datasource.url=" + url, "totpkit.issuer=Sample", "totpkit.keys.encryption-keys.k1=" + key,
          "totpkit.keys.current-key-id=k1").run());
    }
    portA = Integer.parseInt(apps.get(0).getEnvironment().getProperty("local.server.port"));
    portB = Integer.parseInt(apps.get(1).getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    apps.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void code_usedOnOneInstance_refusedOnTheOther() {
    Browser onA = new Browser(portA, new ArrayList<>());
    assertThat(TwoStepLoginTest.signIn(onA, "alice")).startsWith("/login/totp?");
    HttpResponse<String> page = onA.get("/login/totp");
    Matcher m = TwoStepLoginTest.SETUP_KEY.matcher(page.body());
    assertThat(m.find()).isTrue();
    Totp totp = Totp.builder(Secret.fromBase32(m.group(1))).build();
    String enrolmentCode = totp.generate(Instant.now());
    HttpResponse<String> confirmed =
        onA.post("/login/totp", Map.of("code", enrolmentCode, "_csrf", Browser.csrf(page)));
    assertThat(Browser.location(confirmed)).startsWith("/secret");

    Browser onB = new Browser(portB, new ArrayList<>());
    TwoStepLoginTest.signIn(onB, "alice");
    assertThat(onB.get("/login/totp").body()).doesNotContain("setup-key");
    assertThat(Browser.location(TwoStepLoginTest.submit(onB, enrolmentCode))).isEqualTo("/login/totp?error");
    String next = totp.generate(Instant.now().plus(Duration.ofSeconds(30)));
    assertThat(Browser.location(TwoStepLoginTest.submit(onB, next))).startsWith("/secret");
    assertThat(onB.get("/secret").body()).isEqualTo("the secret page of alice");

    Browser againOnA = new Browser(portA, new ArrayList<>());
    TwoStepLoginTest.signIn(againOnA, "alice");
    assertThat(Browser.location(TwoStepLoginTest.submit(againOnA, next))).isEqualTo("/login/totp?error");
  }
}
