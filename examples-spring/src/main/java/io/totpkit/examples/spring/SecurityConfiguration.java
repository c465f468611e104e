package io.totpkit.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's one filter chain: every page needs a signed-in user, who signs in with Spring Security's form
 * login; Spring Boot's error page is open to all, so that a refusal (a bad CSRF token) is shown as one instead of
 * sending the user to the code page and back to {@code /error}. Nothing here is about TOTP: the starter adds its factor to this chain, and
 * {@code @EnableMultiFactorAuthentication} on {@link SampleApplication} makes every rule ask for both factors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  // chain:begin
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/error").permitAll() // a refusal (403) stays one, not a redirect to the code page
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }
  // chain:end
}
