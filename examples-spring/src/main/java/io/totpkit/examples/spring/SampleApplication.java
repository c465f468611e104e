package io.totpkit.examples.spring;

import io.totpkit.spring.TotpFactor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * A Spring Boot application with two-step login: the password (form login), then a code from an authenticator app.
 * The TOTP factor, its code page and the enrollment of a user without a key come from totp-spring-boot-starter;
 * the application states that every page needs both factors, and configures an issuer and an encryption key
 * ({@code application.properties}).
 *
 * <p>Run: {@code TOTPKIT_KEY=$(openssl rand -base64 32)} and a PostgreSQL reachable as {@code spring.datasource.*}
 * says, then {@link #main} from an IDE; sign in as {@code alice} / {@code alice-password}.
 */
// application:begin
@SpringBootApplication
@EnableMultiFactorAuthentication(authorities = {FactorGrantedAuthority.PASSWORD_AUTHORITY, TotpFactor.AUTHORITY})
public class SampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
// application:end
