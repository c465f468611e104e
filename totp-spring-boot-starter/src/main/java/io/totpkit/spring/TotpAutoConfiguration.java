package io.totpkit.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Spring Boot's entry point into the starter: binds and checks {@link TotpProperties}, and maps them onto totpkit's
 * beans. Every bean backs off when the application defines its own of the same type.
 *
 * <p>Thread-safety: a configuration class; its beans are thread-safe.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(TotpProperties.class)
public class TotpAutoConfiguration {
  TotpAutoConfiguration() {}
}
