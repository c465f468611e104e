package io.totpkit.spring.sampleapp;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens {@link Browser} and the password sign-in to tests of other test applications. */
public final class BrowserAccess {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final Browser browser;

  public BrowserAccess(int port) {
    this.browser = new Browser(port, new ArrayList<>());
  }

  /** Signs in with the password ({@code <user>-password}) and returns where /secret then redirects. */
  public String signIn(String user) {
    return TwoStepLoginTest.signIn(browser, user);
  }

  public String getBody(String path) {
    return browser.get(path).body();
  }

  public String postForLocation(String path, Map<String, String> form) {
    HttpResponse<String> response = browser.post(path, form);
    return Browser.location(response);
  }

  public static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token in " + html);
    }
    return m.group(1);
  }
}
