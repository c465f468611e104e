package io.totpkit.spring;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.ReplayGuard;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services over a user's keys, once there is a {@link TotpKeyRepository} (the starter's JDBC one, or the
 * application's): verification, enrollment and recovery codes. Needs {@code totpkit.keys.*}; without an encryption
 * key start-up fails with a message saying how to make one.
 *
 * <p>Thread-safety: a configuration class; its beans are thread-safe.
 */
@AutoConfiguration(after = TotpAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(TotpKeyRepository.class)
public class TotpServicesAutoConfiguration {
  TotpServicesAutoConfiguration() {}

  /** The application keys, zeroed when the context closes. */
  @Bean(destroyMethod = "wipe")
  KeyRing totpKeyRing(TotpProperties properties) {
    return KeyRing.of(properties.keys());
  }

  @Bean
  EncryptedKeys totpEncryptedKeys(TotpKeyRepository repository, KeyRing keyRing) {
    return new EncryptedKeys(repository, new TotpKeyCipher(keyRing, new SecureRandom()));
  }

  @Bean
  @ConditionalOnMissingBean
  TotpAuthenticationService totpAuthenticationService(EncryptedKeys keys, ReplayGuard replayGuard,
      AttemptLimiter attemptLimiter, TotpProperties properties, ObjectProvider<Clock> clock,
      ObjectProvider<VerificationObserver> observers) {
    return new TotpAuthenticationService(keys, replayGuard, attemptLimiter, properties.window(),
        clock.getIfUnique(Clock::systemUTC), observers.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  TotpEnrollment totpEnrollment(EncryptedKeys keys, TotpAuthenticationService service, TotpProperties properties,
      ObjectProvider<Clock> clock) {
    return new TotpEnrollment(keys, service, properties, new SecureRandom(), clock.getIfUnique(Clock::systemUTC),
        TotpEnrollment.QR_ON_CLASS_PATH);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(RecoveryCodeRepository.class)
  RecoveryCodes totpRecoveryCodes(RecoveryCodeRepository repository, AttemptLimiter attemptLimiter,
      ObjectProvider<Clock> clock) {
    return new RecoveryCodes(repository, attemptLimiter, new SecureRandom(), clock.getIfUnique(Clock::systemUTC));
  }

  /** Meters when the application has Micrometer and a registry; see {@link MicrometerVerificationObserver}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {
    @Bean
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    VerificationObserver totpMetrics(MeterRegistry registry) {
      return new MicrometerVerificationObserver(registry);
    }
  }
}
