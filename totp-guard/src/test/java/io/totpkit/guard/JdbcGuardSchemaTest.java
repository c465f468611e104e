package io.totpkit.guard;

import io.totpkit.guard.testing.FreshDatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.guard.testing.LegacySchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The guard tables alone: created from nothing, taken over from an older totpkit's one-row schema with every row
 * kept, idempotent, safe from many servers at once, and a newer version refused.
 */
class JdbcGuardSchemaTest extends FreshDatabaseTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  @Test
  void migrate_emptyDatabase_createsTheGuardTablesOnly_andRerunDoesNothing() throws Exception {
    assertThat(JdbcGuardSchema.version(db)).isZero();
    assertThat(JdbcGuardSchema.migrate(db)).isZero();
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(JdbcGuardSchema.CURRENT_VERSION);
    assertThat(JdbcGuardSchema.migrate(db)).isEqualTo(JdbcGuardSchema.CURRENT_VERSION);
    assertThat(tables()).containsExactly("totpkit_attempts", "totpkit_replay", "totpkit_schema_versions");
  }

  @Test
  void migrate_fromLegacyVersionTwo_adoptsTheGuardTables_keepingEveryRow() throws Exception {
    LegacySchema.create(db, 2);
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(JdbcReplayGuard.of(db).tryAccept("alice", 7, NOW, Instant.MAX)).isTrue();
    JdbcAttemptLimiter limiter = JdbcAttemptLimiter.of(db, 1, Duration.ofHours(1));
    assertThat(limiter.tryAcquire("eve", NOW)).isZero();

    assertThat(JdbcGuardSchema.migrate(db)).isEqualTo(1);

    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(LegacySchema.version(db)).isEqualTo(2);
    assertThat(JdbcReplayGuard.of(db).tryAccept("alice", 7, NOW, Instant.MAX)).isFalse();
    assertThat(limiter.tryAcquire("eve", NOW)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void migrate_fromLegacyVersionOne_createsTheGuardTables_andRaisesTheOldRow() throws Exception {
    LegacySchema.create(db, 1);
    assertThat(JdbcGuardSchema.version(db)).isZero();
    assertThat(JdbcGuardSchema.migrate(db)).isZero();
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(LegacySchema.version(db)).as("for servers still on the older totpkit").isEqualTo(2);
    assertThat(tables()).contains("totpkit_vault", "totpkit_vault_journal", "totpkit_replay", "totpkit_attempts");
    assertThat(JdbcReplayGuard.of(db).tryAccept("a", 1, NOW, NOW)).isTrue();
  }

  @Test
  void migrate_concurrentlyFromManyServers_appliesEachStepOnce() throws Exception {
    ExecutorService servers = Executors.newFixedThreadPool(4);
    Callable<Integer> migrate = () -> JdbcGuardSchema.migrate(db);
    try {
      List<Integer> before = new ArrayList<>();
      for (Future<Integer> result : servers.invokeAll(Collections.nCopies(4, migrate))) {
        before.add(result.get());
      }
      assertThat(before).containsOnlyOnce(0).containsOnly(0, 1);
    } finally {
      servers.shutdownNow();
    }
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(JdbcGuardSchema.CURRENT_VERSION);
  }

  @Test
  void migrate_newerSchema_refusedWithUpgradeAdvice() throws Exception {
    JdbcGuardSchema.migrate(db);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE totpkit_schema_versions SET version = 99 WHERE component = 'guard'");
    }
    assertThatThrownBy(() -> JdbcGuardSchema.migrate(db)).isExactlyInstanceOf(GuardStoreException.class)
        .hasMessageContaining("guard schema is version 99").hasMessageContaining("upgrade totpkit");
  }

  @Test
  void guards_beforeMigration_sayToMigrate() {
    assertThatThrownBy(() -> JdbcReplayGuard.of(db).tryAccept("a", 1, NOW, NOW))
        .isExactlyInstanceOf(GuardStoreException.class).hasMessageContaining("JdbcGuardSchema.migrate")
        .hasMessageContaining("JdbcSchema.migrate");
    assertThatThrownBy(() -> JdbcAttemptLimiter.of(db, 5, Duration.ofMinutes(1)).tryAcquire("a", NOW))
        .isExactlyInstanceOf(GuardStoreException.class).hasMessageContaining("JdbcGuardSchema.migrate");
  }

  private List<String> tables() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_name LIKE 'totpkit%' ORDER BY 1")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }
}
