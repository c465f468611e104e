package io.totpkit.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's one filter chain: every page needs a signed-in user, who signs in with Spring Security's form
 * login. Nothing here is about TOTP: the starter adds its factor to this chain, and
 * {@code @EnableMultiFactorAuthentication} on {@link SampleApplication} makes every rule ask for both factors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  // chain:begin
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }
  // chain:end
}
