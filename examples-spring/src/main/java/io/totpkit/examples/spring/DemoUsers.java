package io.totpkit.examples.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The sample's users, in memory: the first factor is not what the sample shows, so the simplest honest store will
 * do. Passwords are BCrypt hashes of {@code <name>-password}; a real application keeps its users where it already
 * does (JDBC, LDAP, …), and the starter does not care which.
 */
@Configuration(proxyBeanMethods = false)
class DemoUsers {
  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        user("alice", "$2a$10$V92SnU9xBW7yw6bO4toAqu5d5IrENp2VugzPPs.dsG5fxhkEoNpSq"),
        user("bob", "$2a$10$NHf8hXMCWT7kvY/BgFXv5e/DaDjxQyyTM9rx8tolC9fioJd/wLXyS"),
        user("carol", "$2a$10$4xNw2ABQfFgUrA1x8u/6qOOSPP7b0MxbcN.JTVJSi6YF3Rc9cVRYm"),
        user("dave", "$2a$10$nNV9HbqDuWp6ikEcX7KTxOuMMS1me5hq0LtryYl8e.Xc2enu6bDta"));
  }

  private static org.springframework.security.core.userdetails.UserDetails user(String name, String bcrypt) {
    return User.withUsername(name).password("{bcrypt}" + bcrypt).roles("USER").build();
  }
}
