package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions that error text does not echo key material: shared by the parser tests. */
final class LeakAssertions {
  private LeakAssertions() {}

  /**
   * Asserts that {@code text} contains no run of {@code run} consecutive characters of {@code secret} (and so not
   * {@code secret} itself, when it is that long). Case-sensitive: the secrets used in tests are upper case and
   * messages are prose.
   */
  static void assertNoRun(String text, String secret, int run) {
    assertThat(text).as("text checked for leaks").isNotNull();
    for (int i = 0; i + run <= secret.length(); i++) {
      String piece = secret.substring(i, i + run);
      assertThat(text).as("must not contain the run '%s' of the secret", piece).doesNotContain(piece);
    }
  }

  /** The messages and {@code toString()}s of {@code error} and all its causes, one per line. */
  static String chainText(Throwable error) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      out.append(t).append('\n').append(t.getMessage()).append('\n');
    }
    return out.toString();
  }
}
