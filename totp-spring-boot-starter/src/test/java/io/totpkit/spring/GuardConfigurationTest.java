package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.ReplayGuard;
import io.totpkit.guard.JdbcAttemptLimiter;
import io.totpkit.guard.JdbcGuardSchema;
import io.totpkit.guard.JdbcReplayGuard;
import io.totpkit.guard.testing.FreshDatabaseTest;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GuardConfigurationTest extends FreshDatabaseTest {
  static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(TotpAutoConfiguration.class, TotpServicesAutoConfiguration.class));
  final ApplicationContextRunner keyed = runner.withPropertyValues(
      "totpkit.keys.encryption-keys.k1=" + Keys.base64("k1"), "totpkit.keys.current-key-id=k1",
      "totpkit.issuer=Example Corp");

  @Test
  void guards_noDataSource_inMemoryWithOneWarning() {
    try (LogCapture log = new LogCapture()) {
      runner.run(context -> {
        assertThat(context).hasNotFailed();
        assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
        assertThat(context.getBean(AttemptLimiter.class).getClass().getSimpleName())
            .isEqualTo("InMemoryAttemptLimiter");
      });
      assertThat(log.lines()).filteredOn(l -> l.contains("in memory")).hasSize(1)
          .allSatisfy(l -> assertThat(l).startsWith("WARN ").contains("each application instance guards alone"));
    }
  }

  @Test
  void guards_dataSource_jdbcSharedAcrossInstancesAndSchemaCreated() {
    keyed.withBean(DataSource.class, () -> db).withPropertyValues("totpkit.lockout.max-failures=2")
        .run(first -> keyed.withBean(DataSource.class, () -> db).run(second -> {
          assertThat(first).hasNotFailed();
          assertThat(JdbcGuardSchema.version(db)).isEqualTo(JdbcGuardSchema.CURRENT_VERSION);
          assertThat(first.getBean(ReplayGuard.class)).isInstanceOf(JdbcReplayGuard.class);
          assertThat(first.getBean(AttemptLimiter.class)).isInstanceOf(JdbcAttemptLimiter.class);
          Instant forget = NOW.plusSeconds(90);
          assertThat(first.getBean(ReplayGuard.class).tryAccept("alice", 100, NOW, forget)).isTrue();
          assertThat(second.getBean(ReplayGuard.class).tryAccept("alice", 100, NOW, forget)).isFalse();
          AttemptLimiter limiter = first.getBean(AttemptLimiter.class);
          assertThat(limiter.tryAcquire("bob", NOW)).isZero();
          assertThat(limiter.tryAcquire("bob", NOW)).isZero();
          assertThat(limiter.tryAcquire("bob", NOW)).isPositive();
        }));
  }

  @Test
  void guards_storeMemoryWithDataSource_inMemory() {
    keyed.withBean(DataSource.class, () -> db).withPropertyValues("totpkit.guards.store=memory").run(context -> {
      assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(InMemoryReplayGuard.class);
      assertThat(JdbcGuardSchema.version(db)).isZero();
    });
  }

  @Test
  void guards_storeJdbcWithoutDataSource_startUpFailsNamingProperty() {
    runner.withPropertyValues("totpkit.guards.store=jdbc").run(context -> assertThat(context).getFailure()
        .rootCause().isInstanceOf(InvalidTotpPropertyException.class)
        .hasMessageStartingWith("totpkit.guards.store is jdbc but the application has no DataSource bean"));
  }

  @Test
  void guards_schemaInitializationOffOnEmptyDatabase_startUpFailsNamingProperty() {
    keyed.withBean(DataSource.class, () -> db).withPropertyValues("totpkit.guards.initialize-schema=false")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(InvalidTotpPropertyException.class)
            .hasMessageStartingWith("totpkit.guards.initialize-schema is false, but the guard tables are at version 0"));
  }

  @Test
  void guards_schemaInitializationOffOnMigratedDatabase_starts() {
    JdbcGuardSchema.migrate(db);
    keyed.withBean(DataSource.class, () -> db).withPropertyValues("totpkit.guards.initialize-schema=false")
        .run(context -> assertThat(context.getBean(ReplayGuard.class)).isInstanceOf(JdbcReplayGuard.class));
  }

  @Test
  void guards_applicationBringsItsOwn_backsOffWithoutWarning() {
    ReplayGuard own = new InMemoryReplayGuard();
    AttemptLimiter limiter = AttemptLimiter.inMemory(3, Duration.ofSeconds(10));
    try (LogCapture log = new LogCapture()) {
      runner.withBean(ReplayGuard.class, () -> own).withBean(AttemptLimiter.class, () -> limiter).run(context -> {
        assertThat(context.getBean(ReplayGuard.class)).isSameAs(own);
        assertThat(context.getBean(AttemptLimiter.class)).isSameAs(limiter);
      });
      assertThat(log.lines()).noneMatch(l -> l.contains("in memory"));
    }
  }

  @Test
  void services_dataSourceAndKey_created() {
    keyed.withBean(DataSource.class, () -> db).withPropertyValues(
        "totpkit.keys.encryption-keys.k1=" + Keys.base64("k1"), "totpkit.keys.current-key-id=k1")
        .withPropertyValues("totpkit.issuer=Example Corp").run(context -> {
          assertThat(context).hasSingleBean(TotpAuthenticationService.class);
          assertThat(context).hasSingleBean(TotpEnrollment.class);
          assertThat(context).hasSingleBean(RecoveryCodes.class);
        });
  }

  @Test
  void services_dataSourceWithoutKey_startUpFailsSayingHowToMakeOne() {
    runner.withBean(DataSource.class, () -> db).run(context -> assertThat(context).getFailure().rootCause()
        .isInstanceOf(InvalidTotpPropertyException.class)
        .hasMessageStartingWith("totpkit.keys.encryption-keys must hold at least one key"));
  }

  @Test
  void keyRing_contextClosed_keysZeroed() {
    KeyRing[] ring = new KeyRing[1];
    keyed.withBean(DataSource.class, () -> db).run(context -> {
      ring[0] = context.getBean(KeyRing.class);
      assertThat(ring[0].copyOf("k1")).isNotEqualTo(new byte[32]);
    });
    assertThat(ring[0].copyOf("k1")).isEqualTo(new byte[32]);
  }

  @Test
  void services_noRepository_none() {
    runner.run(context -> assertThat(context).doesNotHaveBean(TotpAuthenticationService.class));
  }

  @Test
  void keyRepository_dataSource_jdbcWithTables() {
    keyed.withBean(DataSource.class, () -> db).run(context -> {
      assertThat(context.getBean(TotpKeyRepository.class)).isInstanceOf(JdbcTotpKeyRepository.class);
      StarterSchema.check(db);
    });
  }

  @Test
  void keyRepository_noDataSource_noneAndWarned() {
    try (LogCapture log = new LogCapture()) {
      runner.run(context -> assertThat(context).doesNotHaveBean(TotpKeyRepository.class));
      assertThat(log.lines()).filteredOn(l -> l.contains("no TotpKeyRepository")).hasSize(1)
          .allSatisfy(l -> assertThat(l).startsWith("WARN "));
    }
  }

  @Test
  void keyRepository_dataSource_notWarned() {
    try (LogCapture log = new LogCapture()) {
      keyed.withBean(DataSource.class, () -> db).run(context -> assertThat(context).hasNotFailed());
      assertThat(log.lines()).noneMatch(l -> l.contains("no TotpKeyRepository"));
    }
  }
}
