package io.totpkit.vault;

import io.totpkit.guard.testing.FreshDatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.JdbcAttemptLimiter;
import io.totpkit.guard.JdbcGuardSchema;
import io.totpkit.guard.JdbcReplayGuard;
import io.totpkit.guard.testing.LegacySchema;
import io.totpkit.guard.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema is created from nothing, taken over from the one-row schema of older totpkit with every row kept,
 * idempotent, safe to run from many servers at once, and refuses a newer version.
 */
class JdbcSchemaTest extends FreshDatabaseTest {
  @Test
  void migrate_emptyDatabase_createsCurrentVersion_andRerunDoesNothing() throws Exception {
    assertThat(JdbcSchema.version(db)).isZero();
    assertThat(JdbcSchema.migrate(db)).isZero();
    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcSchema.migrate(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      var tables = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'totpkit_%'");
      tables.next();
      assertThat(tables.getInt(1)).isEqualTo(5);
    }
  }

  @Test
  void migrate_fromLegacyVersionOne_addsTheGuardTables_keepingVaults() throws Exception {
    LegacySchema.create(db, 1);
    assertThat(JdbcSchema.version(db)).isEqualTo(1);
    JdbcVaultStore store = JdbcVaultStore.of(db, "kept");
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      TestVaults.add(vault, TestVaults.GITHUB, "acme");
    }
    assertThat(JdbcSchema.migrate(db)).isEqualTo(1);
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(LegacySchema.version(db)).as("the old row, for servers still on the older totpkit").isEqualTo(2);
    try (Vault vault = Vault.open(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      assertThat(vault.entries()).hasSize(1);
    }
    assertThat(JdbcReplayGuard.of(db).tryAccept("a", 1, TestVaults.NOW, TestVaults.NOW)).isTrue();
  }

  @Test
  void migrate_fromLegacyVersionTwo_adoptsEveryTable_keepingEveryRow() throws Exception {
    LegacySchema.create(db, 2);
    JdbcVaultStore store = JdbcVaultStore.of(db, "kept");
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      TestVaults.add(vault, TestVaults.GITHUB, "acme");
    }
    assertThat(JdbcReplayGuard.of(db).tryAccept("alice", 7, TestVaults.NOW, Instant.MAX)).isTrue();
    JdbcAttemptLimiter limiter = JdbcAttemptLimiter.of(db, 1, Duration.ofHours(1));
    assertThat(limiter.tryAcquire("eve", TestVaults.NOW)).isZero();

    assertThat(JdbcSchema.migrate(db)).isEqualTo(1);
    assertThat(JdbcSchema.migrate(db)).isEqualTo(1);

    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(LegacySchema.version(db)).isEqualTo(2);
    try (Vault vault = Vault.open(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      assertThat(vault.entries()).hasSize(1);
      assertThat(vault.verifyAudit()).isEqualTo(2);
    }
    assertThat(JdbcReplayGuard.of(db).tryAccept("alice", 7, TestVaults.NOW, Instant.MAX)).isFalse();
    assertThat(limiter.tryAcquire("eve", TestVaults.NOW)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void migrate_freshOrFromLegacy_makesTheSameTables() throws Exception {
    JdbcSchema.migrate(db);
    try (HikariDataSource legacy = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 2)) {
      LegacySchema.create(legacy, 2);
      JdbcSchema.migrate(legacy);
      assertThat(tableDefinitions(legacy)).isNotEmpty().isEqualTo(tableDefinitions(db));
    }
  }

  /** Columns, constraints and indexes of the vault's and guards' tables, as PostgreSQL describes them. */
  private static List<String> tableDefinitions(HikariDataSource database) throws Exception {
    List<String> definitions = new ArrayList<>();
    String tables = "('totpkit_vault', 'totpkit_vault_journal', 'totpkit_replay', 'totpkit_attempts')";
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      for (String query : List.of(
          "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' "
              + "|| coalesce(column_default, '') FROM information_schema.columns WHERE table_name IN " + tables,
          "SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
              + "WHERE conrelid::regclass::text IN " + tables,
          "SELECT indexdef FROM pg_indexes WHERE tablename IN " + tables)) {
        try (ResultSet rows = s.executeQuery(query + " ORDER BY 1")) {
          while (rows.next()) {
            definitions.add(rows.getString(1));
          }
        }
      }
    }
    return definitions;
  }

  @Test
  void migrate_legacyDatabaseFromManyServersAtOnce_upgradesOnce() throws Exception {
    LegacySchema.create(db, 1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = pool.invokeAll(java.util.Collections.nCopies(4, () -> JdbcSchema.migrate(db)));
      for (var result : results) {
        assertThat(result.get()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(JdbcGuardSchema.version(db)).isEqualTo(1);
    assertThat(LegacySchema.version(db)).isEqualTo(2);
  }

  @Test
  void migrate_concurrentlyFromManyServers_appliesEachStepOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var results = pool.invokeAll(java.util.Collections.nCopies(4, () -> JdbcSchema.migrate(db)));
      for (var result : results) {
        result.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
  }

  @Test
  void migrate_newerSchema_refusedWithUpgradeAdvice() throws Exception {
    JdbcSchema.migrate(db);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE totpkit_schema_versions SET version = 99 WHERE component = 'vault'");
    }
    assertThatThrownBy(() -> JdbcSchema.migrate(db)).isInstanceOf(VaultIoException.class)
        .hasMessageContaining("version 99").hasMessageContaining("upgrade totpkit");
  }

  @Test
  void migrate_legacySchemaNewerThanItsLastVersion_refusedWithUpgradeAdvice() throws Exception {
    LegacySchema.create(db, 2);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE totpkit_schema SET version = 3");
    }
    assertThatThrownBy(() -> JdbcSchema.migrate(db)).isInstanceOf(VaultIoException.class)
        .hasMessageContaining("version 3").hasMessageContaining("upgrade totpkit");
  }

  @Test
  void store_beforeMigration_saysToMigrate() {
    // The guards' half of this test is totp-guard's JdbcGuardSchemaTest.guards_beforeMigration_sayToMigrate.
    assertThatThrownBy(() -> Vault.create(JdbcVaultStore.of(db, "v"), "maria", TestVaults.pw("pw"),
        TestVaults.fast())).isInstanceOf(VaultIoException.class).hasMessageContaining("JdbcSchema.migrate");
  }
}
