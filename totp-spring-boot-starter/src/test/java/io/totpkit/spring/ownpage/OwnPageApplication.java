package io.totpkit.spring.ownpage;

import io.totpkit.spring.TotpFactor;
import java.security.Principal;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that serves its own code page ({@code totpkit.factor.default-page=false}): the page's path is
 * permitted to everyone, and its controller only shows a form for a signed-in user; the starter still receives the
 * form's POST.
 */
@SpringBootApplication
@EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, TotpFactor.AUTHORITY})
public class OwnPageApplication {
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/login/totp").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("dave").password("{noop}dave-password").roles("USER").build());
  }

  @RestController
  static class Pages {
    @GetMapping("/login/totp")
    String codePage(Principal principal, CsrfToken csrf) {
      return "<p>our own page for " + (principal == null ? "nobody" : principal.getName()) + "</p>"
          + "<input type=\"hidden\" name=\"_csrf\" value=\"" + csrf.getToken() + "\">";
    }

    @GetMapping("/secret")
    String secret(Principal principal) {
      return "the secret page of " + principal.getName();
    }
  }
}
