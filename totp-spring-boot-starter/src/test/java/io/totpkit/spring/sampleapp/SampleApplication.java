package io.totpkit.spring.sampleapp;

import io.totpkit.spring.RecoveryCodes;
import io.totpkit.spring.TotpAuthenticationFailureEvent;
import io.totpkit.spring.TotpAuthenticationSuccessEvent;
import io.totpkit.spring.TotpFactor;
import io.totpkit.spring.TotpOutcome;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the end-to-end tests run: form login with in-memory users, then the TOTP factor, which the
 * starter applies by itself; the only TOTP line is the annotation.
 */
@SpringBootApplication
@EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, TotpFactor.AUTHORITY})
public class SampleApplication {
  @Bean
  SecurityFilterChain chain(HttpSecurity http) throws Exception {
    // The error page is public: otherwise a 403 dispatched to /error turns into a redirect to the code page, and
    // /error becomes the saved request the user returns to after the code.
    return http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/error").permitAll()
            .anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
        User.withUsername("bob").password("{noop}bob-password").roles("USER").build(),
        User.withUsername("carol").password("{noop}carol-password").roles("USER").build());
  }

  @Bean
  Outcomes outcomes() {
    return new Outcomes();
  }

  /** What the factor's events reported, in order. */
  public static final class Outcomes {
    public final List<TotpOutcome> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void failed(TotpAuthenticationFailureEvent event) {
      seen.add(event.outcome());
    }

    @EventListener
    void succeeded(TotpAuthenticationSuccessEvent event) {
      seen.add(event.outcome());
    }
  }

  @RestController
  static class Pages {
    private final RecoveryCodes recoveryCodes;

    Pages(RecoveryCodes recoveryCodes) {
      this.recoveryCodes = recoveryCodes;
    }

    @GetMapping("/secret")
    String secret(Principal principal) {
      return "the secret page of " + principal.getName();
    }

    @PostMapping("/recovery-codes")
    String newRecoveryCodes(Principal principal) {
      return String.join("\n", recoveryCodes.generate(principal.getName()));
    }
  }
}
