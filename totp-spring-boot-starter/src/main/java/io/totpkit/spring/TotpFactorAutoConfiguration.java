package io.totpkit.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Applies the TOTP factor to every {@code SecurityFilterChain} the application builds from Spring's
 * {@code HttpSecurity} bean, Spring Boot's default chain included: Spring Security 7 applies each
 * {@code Customizer<HttpSecurity>} bean to that prototype. Why a customizer bean and not a chain of our own: the
 * application keeps its own chain (form login, its rules), and the one line it would otherwise write is written once
 * here. Off with {@code totpkit.factor.enabled=false}, for applications that pick their chains with
 * {@link TotpFactorConfigurer}.
 *
 * <p>Thread-safety: a configuration class.
 */
@AutoConfiguration(after = TotpServicesAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@ConditionalOnBean({TotpAuthenticationService.class, TotpEnrollment.class})
@ConditionalOnProperty(name = "totpkit.factor.enabled", havingValue = "true", matchIfMissing = true)
public class TotpFactorAutoConfiguration {
  TotpFactorAutoConfiguration() {}

  @Bean
  Customizer<HttpSecurity> totpFactorCustomizer() {
    return http -> http.with(TotpFactorConfigurer.totp(), Customizer.withDefaults());
  }
}
