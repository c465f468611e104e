package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.guard.testing.FreshDatabaseTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MetricsTest extends FreshDatabaseTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T05:00:10Z"));

  ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(TotpAutoConfiguration.class, TotpServicesAutoConfiguration.class))
        .withBean(DataSource.class, () -> db).withBean(Clock.class, () -> clock)
        .withPropertyValues("totpkit.keys.encryption-keys.k1=" + Keys.base64("k1"), "totpkit.keys.current-key-id=k1",
            "totpkit.issuer=Example Corp", "totpkit.lockout.max-failures=2");
  }

  static double count(MeterRegistry registry, String outcome) {
    return registry.get("totpkit.verifications").tag("outcome", outcome).counter().count();
  }

  @Test
  void verify_outcomes_countedByOutcomeWithDriftAndLockouts() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    runner().withBean(MeterRegistry.class, () -> registry).run(context -> {
      TotpEnrollment enrollment = context.getBean(TotpEnrollment.class);
      TotpAuthenticationService service = context.getBean(TotpAuthenticationService.class);
      var totp = OtpAuthUri.parse(enrollment.begin("alice", "alice").otpauthUri()).toTotp();
      assertThat(enrollment.confirm("alice", totp.generate(clock.instant())).isAccepted()).isTrue();
      String next = totp.generate(clock.instant().plus(Duration.ofSeconds(30)));
      assertThat(service.verify("alice", next).isAccepted()).isTrue();
      service.verify("alice", next);
      service.verify("alice", "12");
      service.verify("nobody", "123456");
      String wrong = "000000".equals(next) ? "111111" : "000000";
      service.verify("alice", wrong);
      service.verify("alice", wrong);

      assertThat(count(registry, "accepted")).isEqualTo(1);
      assertThat(count(registry, "replayed")).isEqualTo(1);
      assertThat(count(registry, "malformed")).isEqualTo(1);
      assertThat(count(registry, "not_enrolled")).isEqualTo(1);
      assertThat(count(registry, "rejected") + count(registry, "throttled")).isEqualTo(2);
      assertThat(registry.get("totpkit.lockouts").counter().count()).isEqualTo(count(registry, "throttled"));
      assertThat(registry.get("totpkit.drift.steps").summary().count()).isEqualTo(1);
      assertThat(registry.get("totpkit.drift.steps").summary().totalAmount()).isEqualTo(1);
    });
  }

  @Test
  void verify_thirdCodeAfterTwoFailures_lockoutCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    runner().withBean(MeterRegistry.class, () -> registry).run(context -> {
      TotpEnrollment enrollment = context.getBean(TotpEnrollment.class);
      var totp = OtpAuthUri.parse(enrollment.begin("bob", "bob").otpauthUri()).toTotp();
      enrollment.confirm("bob", totp.generate(clock.instant()));
      TotpAuthenticationService service = context.getBean(TotpAuthenticationService.class);
      String next = totp.generate(clock.instant().plus(Duration.ofSeconds(30)));
      String wrong = "000000".equals(next) ? "111111" : "000000";
      service.verify("bob", wrong);
      service.verify("bob", wrong);
      assertThat(service.verify("bob", next).outcome()).isEqualTo(TotpOutcome.THROTTLED);
      assertThat(registry.get("totpkit.lockouts").counter().count()).isEqualTo(1);
    });
  }

  @Test
  void noMeterRegistry_noObserver() {
    runner().run(context -> assertThat(context).doesNotHaveBean(VerificationObserver.class));
  }
}
