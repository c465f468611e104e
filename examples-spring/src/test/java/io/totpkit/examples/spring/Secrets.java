package io.totpkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The keys and codes a test saw or typed, and the check that none of them shows up where it has no reason to: a
 * user's key on their one enrollment page only, recovery codes on the page that hands them out only, TOTP codes on no
 * page, and none of them in any log line.
 */
final class Secrets {
  final List<String> setupKeys = new CopyOnWriteArrayList<>();
  final List<String> codes = new CopyOnWriteArrayList<>();
  final List<String> recoveryCodes = new CopyOnWriteArrayList<>();

  void assertNowhereElse(List<String> pages, List<String> logLines) {
    assertThat(setupKeys).isNotEmpty();
    assertThat(codes).isNotEmpty();
    assertThat(recoveryCodes).isNotEmpty();
    for (String key : setupKeys) {
      String grouped = key.replaceAll("(.{4})(?!$)", "$1 ");
      assertThat(logLines).as("log lines").noneMatch(line -> line.contains(key) || line.contains(grouped));
      List<String> showing = pages.stream().filter(page -> page.contains(key) || page.contains(grouped)).toList();
      assertThat(showing).as("pages showing a key").hasSize(1)
          .allSatisfy(page -> assertThat(page).contains("Set up your authenticator app"));
    }
    for (String code : codes) {
      // As a whole number: six digits may occur by chance inside a QR image's Base64 or a random token.
      Pattern whole = Pattern.compile("(?<![0-9A-Za-z+/=_-])" + code + "(?![0-9A-Za-z+/=_-])");
      assertThat(logLines).as("log lines").noneMatch(line -> whole.matcher(line).find());
      assertThat(pages).as("pages").noneMatch(page -> whole.matcher(page.replaceAll("data:[^\"]*", "")).find());
    }
    for (String code : recoveryCodes) {
      assertThat(logLines).as("log lines")
          .noneMatch(line -> line.contains(code) || line.contains(code.replace("-", "")));
      List<String> showing = pages.stream().filter(page -> page.contains(code)).toList();
      assertThat(showing).as("pages showing a recovery code").hasSize(1)
          .allSatisfy(page -> assertThat(page).contains("Your recovery codes"));
    }
  }
}
