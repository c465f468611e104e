package io.totpkit.spring.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.spring.RecoveryCodes;
import io.totpkit.spring.TotpOutcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample application on a random port with a real PostgreSQL, driven by an HTTP client through sign-in,
 * enrollment, replay, lockout and recovery codes; no secret may show up where it does not belong.
 */
class TwoStepLoginTest {
  static final Pattern SETUP_KEY = Pattern.compile("<code id=\"setup-key\">([A-Z2-7 ]+)</code>");

  static ConfigurableApplicationContext app;
  static int port;
  static final List<String> responses = new CopyOnWriteArrayList<>();
  static final List<String> secrets = new CopyOnWriteArrayList<>();
  static io.totpkit.spring.LogCaptureAccess log;

  @BeforeAll
  static void start() {
    String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    app = new SpringApplicationBuilder(SampleApplication.class).properties(
        "server.port=0",
        "spring.datasource.url=" + PostgresCluster.get().newDatabase(),
        "totpkit.issuer=Sample",
        "totpkit.keys.encryption-keys.k1=" + key,
        "totpkit.keys.current-key-id=k1",
        // Spring Security's debug lines name every request and decision: a code in a URL would show here.
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.io.totpkit=DEBUG").run();
    // Attached after start-up: Spring Boot resets the logging configuration while it starts.
    log = io.totpkit.spring.LogCaptureAccess.start();
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    List<String> lines = log.stop();
    assertThat(lines).anyMatch(line -> line.contains("/login/totp"));
    assertThat(secrets).isNotEmpty();
    List<String> all = new ArrayList<>(responses);
    for (String secret : secrets) {
      assertThat(lines).as("log lines").noneMatch(line -> line.contains(secret));
      // The setup key is on the enrollment page by design; codes and recovery codes never come back.
      if (secret.length() == 32) {
        assertThat(all.stream().filter(r -> r.contains(secret)))
            .allSatisfy(r -> assertThat(r).contains("Set up your authenticator app"));
      } else {
        assertThat(all).as("responses").noneMatch(r -> r.contains(secret));
      }
    }
  }

  Browser browser() {
    return new Browser(port, responses);
  }

  /** Signs in with the password and returns the redirect to the code page. */
  static String signIn(Browser browser, String user) {
    HttpResponse<String> denied = browser.get("/secret");
    assertThat(Browser.location(denied)).isEqualTo("/login");
    HttpResponse<String> login = browser.get("/login");
    HttpResponse<String> posted = browser.post("/login",
        Map.of("username", user, "password", user + "-password", "_csrf", Browser.csrf(login)));
    assertThat(posted.statusCode()).isEqualTo(302);
    HttpResponse<String> again = browser.get("/secret");
    assertThat(again.statusCode()).isEqualTo(302);
    return Browser.location(again);
  }

  static HttpResponse<String> submit(Browser browser, String code) {
    HttpResponse<String> page = browser.get("/login/totp");
    return browser.post("/login/totp", Map.of("code", code, "_csrf", Browser.csrf(page)));
  }

  /** Enrolls {@code user} through the page and returns their key. */
  Totp enroll(String user) {
    Browser browser = browser();
    assertThat(signIn(browser, user)).startsWith("/login/totp?");
    HttpResponse<String> page = browser.get("/login/totp");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Set up your authenticator app", "data:image/svg+xml;base64,",
        "autocomplete=\"one-time-code\"", "inputmode=\"numeric\"");
    assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    Matcher m = SETUP_KEY.matcher(page.body());
    assertThat(m.find()).isTrue();
    String setupKey = m.group(1).replace(" ", "");
    secrets.add(setupKey);
    assertThat(browser.get("/login/totp").body()).as("reloaded page, same key").contains(m.group(1));
    Totp totp = Totp.builder(Secret.fromBase32(setupKey)).build();
    String code = totp.generate(Instant.now());
    secrets.add(code);
    HttpResponse<String> confirmed = browser.post("/login/totp", Map.of("code", code, "_csrf", Browser.csrf(page)));
    assertThat(Browser.location(confirmed)).startsWith("/secret");
    HttpResponse<String> secret = browser.get("/secret");
    assertThat(secret.statusCode()).isEqualTo(200);
    assertThat(secret.body()).isEqualTo("the secret page of " + user);
    return totp;
  }

  List<TotpOutcome> outcomes() {
    return app.getBean(SampleApplication.Outcomes.class).seen;
  }

  @Test
  void signIn_enrolThenCodes_rightAdmitsReplayRefused() {
    Totp alice = enroll("alice");
    String enrolmentCode = alice.generate(Instant.now());

    Browser second = browser();
    assertThat(signIn(second, "alice")).startsWith("/login/totp?");
    HttpResponse<String> page = second.get("/login/totp");
    assertThat(page.body()).contains("Enter the code from your authenticator app").doesNotContain("setup-key");
    int before = outcomes().size();
    HttpResponse<String> replay = submit(second, enrolmentCode);
    assertThat(Browser.location(replay)).isEqualTo("/login/totp?error");
    assertThat(outcomes().subList(before, outcomes().size())).containsExactly(TotpOutcome.REPLAYED);
    assertThat(second.get("/login/totp?error").body()).contains("That code was not accepted");
    assertThat(second.get("/secret").statusCode()).isEqualTo(302);

    String next = alice.generate(Instant.now().plus(Duration.ofSeconds(30)));
    secrets.add(next);
    String sessionBefore = second.sessionId();
    HttpResponse<String> accepted = submit(second, next);
    assertThat(second.sessionId()).as("session id after the second factor").isNotNull().isNotEqualTo(sessionBefore);
    assertThat(Browser.location(accepted)).startsWith("/secret");
    assertThat(second.get("/secret").body()).isEqualTo("the secret page of alice");
  }

  @Test
  void signIn_fiveWrongCodes_locked() {
    Totp bob = enroll("bob");
    Browser browser = browser();
    signIn(browser, "bob");
    String right = bob.generate(Instant.now().plus(Duration.ofSeconds(30)));
    secrets.add(right);
    String wrong = right.equals("000000") ? "111111" : "000000";
    int before = outcomes().size();
    for (int i = 0; i < 5; i++) {
      assertThat(Browser.location(submit(browser, wrong))).isEqualTo("/login/totp?error");
    }
    assertThat(Browser.location(submit(browser, right))).isEqualTo("/login/totp?error");
    assertThat(outcomes().subList(before, outcomes().size())).containsExactly(TotpOutcome.REJECTED,
        TotpOutcome.REJECTED, TotpOutcome.REJECTED, TotpOutcome.REJECTED, TotpOutcome.REJECTED,
        TotpOutcome.THROTTLED);
    assertThat(browser.get("/secret").statusCode()).isEqualTo(302);
  }

  @Test
  void signIn_recoveryCode_acceptedOnce() {
    enroll("carol");
    List<String> codes = app.getBean(RecoveryCodes.class).generate("carol");
    secrets.addAll(codes);
    Browser first = browser();
    signIn(first, "carol");
    assertThat(Browser.location(submit(first, codes.get(0)))).startsWith("/secret");
    assertThat(first.get("/secret").body()).isEqualTo("the secret page of carol");
    assertThat(app.getBean(RecoveryCodes.class).remaining("carol")).isEqualTo(9);

    Browser second = browser();
    signIn(second, "carol");
    assertThat(Browser.location(submit(second, codes.get(0)))).isEqualTo("/login/totp?error");
    assertThat(second.get("/secret").statusCode()).isEqualTo(302);
  }

  @Test
  void codePage_nobodySignedIn_sentToPasswordLogin() {
    Browser browser = browser();
    assertThat(Browser.location(browser.get("/login/totp"))).isEqualTo("/login");
  }

  @Test
  void codePost_withoutCsrfToken_refusedUnchecked() {
    Browser browser = browser();
    signIn(browser, "alice");
    int before = outcomes().size();
    HttpResponse<String> refused = browser.post("/login/totp", Map.of("code", "123456"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(outcomes()).hasSize(before);
  }
}
