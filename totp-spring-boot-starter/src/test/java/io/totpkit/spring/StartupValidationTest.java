package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A wrong totpkit.* value stops the application context, and the root cause names the property. */
class StartupValidationTest {
  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(TotpAutoConfiguration.class, TotpServicesAutoConfiguration.class,
          TotpFactorAutoConfiguration.class));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "totpkit.digits=9              | totpkit.digits must be 6 to 8, was 9",
      "totpkit.period=10s            | totpkit.period must be 15 s to 120 s, was 10 s",
      "totpkit.window.ahead=5        | totpkit.window.ahead must be 0 to 3, was 5",
      "totpkit.lockout.max-failures=0 | totpkit.lockout.max-failures must be 1 to 100, was 0",
      "totpkit.keys.current-key-id=k9 | totpkit.keys.current-key-id must name one of the ids",
  })
  void start_badProperty_failsNamingIt(String property, String message) {
    String key = property.startsWith("totpkit.keys") ? "totpkit.keys.encryption-keys.k1=" + Keys.base64("k1") : "";
    runner.withPropertyValues(property, key)
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(InvalidTotpPropertyException.class).hasMessageStartingWith(message));
  }
}
