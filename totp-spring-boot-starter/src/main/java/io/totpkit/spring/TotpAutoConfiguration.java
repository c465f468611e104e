package io.totpkit.spring;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.ReplayGuard;
import io.totpkit.guard.JdbcAttemptLimiter;
import io.totpkit.guard.JdbcReplayGuard;
import javax.sql.DataSource;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

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

  /**
   * Without a key repository there is no factor: say so once at start-up rather than let every user meet a wall of
   * 403s under {@code @EnableMultiFactorAuthentication}.
   */
  @Bean
  SmartInitializingSingleton totpRepositoryCheck(ObjectProvider<TotpKeyRepository> repository) {
    return () -> {
      if (repository.getIfAvailable() == null) {
        LogFactory.getLog(TotpAutoConfiguration.class).warn("totpkit: no TotpKeyRepository, so no TOTP factor, "
            + "enrollment or verification service: give the application a DataSource (the starter then keeps "
            + "encrypted keys in table totpkit_user_keys) or declare a TotpKeyRepository bean");
      }
    };
  }

  /** Lazy: an application that brings both guards of its own is not warned about in-memory ones it never uses. */
  @Bean
  @Lazy
  GuardDatabase totpGuardDatabase(TotpProperties properties, ObjectProvider<DataSource> dataSource) {
    return GuardDatabase.resolve(properties.guards(), dataSource.getIfUnique());
  }

  /** The encrypted key store in the application's database, unless the application brings its own repository. */
  @Bean
  @ConditionalOnMissingBean(TotpKeyRepository.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  JdbcTotpKeyRepository totpKeyRepository(DataSource dataSource, TotpProperties properties) {
    StarterSchema.prepare(dataSource, properties.keys().initializeSchema());
    return JdbcTotpKeyRepository.of(dataSource);
  }

  /** Recovery codes' hashes in the application's database (the table is made with the key table). */
  @Bean
  @ConditionalOnMissingBean(RecoveryCodeRepository.class)
  @ConditionalOnSingleCandidate(DataSource.class)
  JdbcRecoveryCodeRepository totpRecoveryCodeRepository(DataSource dataSource, TotpProperties properties) {
    StarterSchema.prepare(dataSource, properties.keys().initializeSchema());
    return JdbcRecoveryCodeRepository.of(dataSource);
  }

  @Bean
  @ConditionalOnMissingBean
  ReplayGuard totpReplayGuard(GuardDatabase database) {
    return database.dataSource() == null ? new InMemoryReplayGuard() : JdbcReplayGuard.of(database.dataSource());
  }

  @Bean
  @ConditionalOnMissingBean
  AttemptLimiter totpAttemptLimiter(GuardDatabase database, TotpProperties properties) {
    TotpProperties.Lockout lockout = properties.lockout();
    return database.dataSource() == null
        ? AttemptLimiter.inMemory(lockout.maxFailures(), lockout.duration())
        : JdbcAttemptLimiter.of(database.dataSource(), lockout.maxFailures(), lockout.duration());
  }
}
