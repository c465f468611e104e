package io.totpkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a person does with the sample in a browser: sign in with the password, enroll, type a code. */
final class Visitor {
  /** The setup key as the enrollment page shows it for typing: Base32 in groups of four. */
  static final Pattern SETUP_KEY = Pattern.compile("<code id=\"setup-key\">([A-Z2-7]{4}(?: [A-Z2-7]{1,4})*)</code>");
  static final Pattern RECOVERY_CODE = Pattern.compile("<code>([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})</code>");

  /** A user's key as the test learnt it from the enrollment page, and the recovery codes shown after it. */
  record Enrolled(Totp totp, String setupKey, List<String> recoveryCodes) {}

  private Visitor() {}

  /** Signs in with the password from a fresh session and returns where the account page then redirects. */
  static String signIn(Browser browser, String user) {
    assertThat(Browser.location(browser.get("/"))).isEqualTo("/login");
    HttpResponse<String> login = browser.get("/login");
    HttpResponse<String> posted =
        browser.submit("/login", login, Map.of("username", user, "password", user + "-password"));
    assertThat(Browser.location(posted)).startsWith("/");
    HttpResponse<String> again = browser.get("/");
    assertThat(again.statusCode()).as("password alone is not enough").isEqualTo(302);
    return Browser.location(again);
  }

  /** Submits {@code code} on the code page, as a person would type it. */
  static HttpResponse<String> typeCode(Browser browser, String code) {
    HttpResponse<String> page = browser.get("/login/totp");
    assertThat(page.statusCode()).isEqualTo(200);
    return browser.submit("/login/totp", page, Map.of("code", code));
  }

  /** Enrolls {@code user} through the pages, from the password to the recovery codes, checking each step. */
  static Enrolled enroll(Browser browser, String user, Secrets secrets) {
    assertThat(signIn(browser, user)).as("a user without a key is sent to enrollment").startsWith("/login/totp");
    HttpResponse<String> page = browser.get("/login/totp");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Set up your authenticator app", "<img alt=\"QR code for your authenticator app\"",
        "src=\"data:image/svg+xml;base64,", "autocomplete=\"one-time-code\"");
    assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    Matcher key = SETUP_KEY.matcher(page.body());
    assertThat(key.find()).as("setup key in groups of four").isTrue();
    String setupKey = key.group(1).replace(" ", "");
    secrets.setupKeys.add(setupKey);
    Totp totp = Totp.builder(Secret.fromBase32(setupKey)).build();
    String first = totp.generate(Instant.now());
    secrets.codes.add(first);
    HttpResponse<String> confirmed = browser.submit("/login/totp", page, Map.of("code", first));
    String next = Browser.location(confirmed);
    assertThat(next).startsWith("/").doesNotStartWith("/login");

    HttpResponse<String> shown = browser.get(next);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("Your recovery codes");
    assertThat(shown.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    List<String> recoveryCodes = new ArrayList<>();
    Matcher m = RECOVERY_CODE.matcher(shown.body());
    while (m.find()) {
      recoveryCodes.add(m.group(1));
    }
    assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
    secrets.recoveryCodes.addAll(recoveryCodes);

    HttpResponse<String> account = browser.get("/");
    assertThat(account.body()).as("shown once").contains("Recovery codes left: 10").doesNotContain(recoveryCodes.get(0));
    return new Enrolled(totp, setupKey, recoveryCodes);
  }
}
