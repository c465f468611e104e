package io.totpkit.examples.spring;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the sample as its main method would, on a random port, against a database of PostgresCluster: the
 * arguments replace what application.properties says about the database and supply the key that
 * {@code ${TOTPKIT_KEY}} names there, so the sample's own configuration is what runs.
 */
final class SampleRun {
  /** The application key of the test runs (32 bytes); never a user's TOTP key. */
  static final String APPLICATION_KEY =
      Base64.getEncoder().encodeToString("sample-test-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private SampleRun() {}

  static ConfigurableApplicationContext start(String jdbcUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=totpkit", "--spring.datasource.password=", "--TOTPKIT_KEY=" + APPLICATION_KEY));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(String[]::new));
  }

  static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}
