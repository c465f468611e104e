package io.totpkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.testing.PostgresCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample on a random port with a real PostgreSQL, driven by an HTTP client as a person would: enrollment,
 * sign-in, a replayed code, a lockout, recovery codes. At the end, no key or code may show up in a page that has no
 * reason to show it, nor in any log line.
 */
class TwoStepLoginTest {
  static final String NOT_ACCEPTED = "That code was not accepted";
  static final Duration LOCKOUT = Duration.ofSeconds(2);

  static ConfigurableApplicationContext app;
  static LogCapture log;
  static final List<String> pages = new CopyOnWriteArrayList<>();
  static final Secrets secrets = new Secrets();

  @BeforeAll
  static void start() {
    app = SampleRun.start(PostgresCluster.get().newDatabase(),
        // The one setting beyond the sample's own: a short lockout, so that the test sees it end.
        "--totpkit.lockout.duration=" + LOCKOUT.toSeconds() + "s",
        // Spring Security's debug lines name every request and decision: a code in a URL would show here.
        "--logging.level.org.springframework.security=DEBUG", "--logging.level.io.totpkit=DEBUG");
    log = new LogCapture();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    List<String> lines = log.lines();
    log.close();
    assertThat(lines).anyMatch(line -> line.contains("/login/totp"));
    secrets.assertNowhereElse(pages, lines);
  }

  static Browser browser() {
    return new Browser(SampleRun.port(app), pages);
  }

  static Visitor.Enrolled enroll(String user) {
    return Visitor.enroll(browser(), user, secrets);
  }

  /** The audit lines about {@code user} so far, without the logger's name. */
  static List<String> audit(String user) {
    String prefix = "second factor ";
    return log.lines().stream().filter(line -> line.contains(prefix) && line.contains(" for " + user + ":"))
        .map(line -> line.substring(line.indexOf(prefix))).toList();
  }

  static String codeAhead(Visitor.Enrolled user, int steps) {
    String code = user.totp().generate(Instant.now().plusSeconds(30L * steps));
    secrets.codes.add(code);
    return code;
  }

  @Test
  void signIn_passwordThenCode_reachesAccountAndReplayRefused() {
    Visitor.Enrolled alice = enroll("alice");

    Browser browser = browser();
    assertThat(Visitor.signIn(browser, "alice")).startsWith("/login/totp");
    HttpResponse<String> page = browser.get("/login/totp");
    assertThat(page.body()).contains("Enter the code from your authenticator app").doesNotContain("setup-key");
    String code = codeAhead(alice, 1);
    assertThat(Browser.location(Visitor.typeCode(browser, code))).startsWith("/").doesNotStartWith("/login");
    HttpResponse<String> account = browser.get("/");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("Signed in with your password and a code, alice.");

    Browser other = browser();
    Visitor.signIn(other, "alice");
    assertThat(Browser.location(Visitor.typeCode(other, code))).as("replayed").isEqualTo("/login/totp?error");
    assertThat(other.get("/login/totp?error").body()).contains(NOT_ACCEPTED);
    assertThat(other.get("/").statusCode()).isEqualTo(302);
    assertThat(audit("alice")).last().isEqualTo("second factor refused for alice: REPLAYED");
  }

  @Test
  void signIn_fiveWrongCodes_lockedUntilTheLockoutEnds() throws InterruptedException {
    Visitor.Enrolled bob = enroll("bob");
    Browser browser = browser();
    Visitor.signIn(browser, "bob");
    String right = codeAhead(bob, 1);
    String wrong = right.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 5; i++) {
      assertThat(Browser.location(Visitor.typeCode(browser, wrong))).isEqualTo("/login/totp?error");
    }
    assertThat(Browser.location(Visitor.typeCode(browser, right))).as("locked").isEqualTo("/login/totp?error");
    assertThat(browser.get("/").statusCode()).isEqualTo(302);

    Thread.sleep(LOCKOUT.toMillis() + 500);
    assertThat(Browser.location(Visitor.typeCode(browser, right))).as("lockout over").doesNotStartWith("/login");
    assertThat(browser.get("/").statusCode()).isEqualTo(200);
    List<String> audit = audit("bob");
    assertThat(audit.subList(audit.size() - 7, audit.size())).map(line -> line.replaceFirst(", drift .*", ""))
        .containsExactly("second factor refused for bob: REJECTED", "second factor refused for bob: REJECTED",
            "second factor refused for bob: REJECTED", "second factor refused for bob: REJECTED",
            "second factor refused for bob: REJECTED", "second factor refused for bob: THROTTLED",
            "second factor accepted for bob: code");
  }

  @Test
  void signIn_recoveryCode_acceptedOnce() {
    Visitor.Enrolled carol = enroll("carol");
    String recoveryCode = carol.recoveryCodes().get(3);

    Browser first = browser();
    Visitor.signIn(first, "carol");
    assertThat(Browser.location(Visitor.typeCode(first, recoveryCode))).doesNotStartWith("/login");
    assertThat(first.get("/").body()).contains("Recovery codes left: 9");
    assertThat(audit("carol")).last().isEqualTo("second factor accepted for carol: recovery code");

    Browser second = browser();
    Visitor.signIn(second, "carol");
    assertThat(Browser.location(Visitor.typeCode(second, recoveryCode))).isEqualTo("/login/totp?error");
    assertThat(second.get("/").statusCode()).isEqualTo(302);
    assertThat(audit("carol")).last().isEqualTo("second factor refused for carol: REJECTED");
  }

  @Test
  void codePage_nobodySignedIn_sentToPasswordLogin() {
    assertThat(Browser.location(browser().get("/login/totp"))).isEqualTo("/login");
  }

  @Test
  void recoveryCodes_withoutBothFactors_notReachable() {
    Browser browser = browser();
    assertThat(Browser.location(browser.get("/recovery-codes"))).isEqualTo("/login");
    Visitor.signIn(browser, "dave");
    assertThat(Browser.location(browser.get("/recovery-codes"))).startsWith("/login/totp");
  }
}
