package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema is created from nothing, migrated step by step, idempotent, and refuses a newer version. */
class JdbcSchemaTest {
  private HikariDataSource db;

  @BeforeEach
  void emptyDatabase() {
    db = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 4);
  }

  @AfterEach
  void closePool() {
    db.close();
  }

  @Test
  void migrate_emptyDatabase_createsCurrentVersion_andRerunDoesNothing() throws Exception {
    assertThat(JdbcSchema.version(db)).isZero();
    assertThat(JdbcSchema.migrate(db)).isZero();
    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcSchema.migrate(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcSchema.version(db)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      var tables = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'totpkit_%'");
      tables.next();
      assertThat(tables.getInt(1)).isEqualTo(5);
    }
  }

  @Test
  void migrate_fromVersionOne_addsTheGuardTables_keepingVaults() {
    JdbcSchema.migrate(db, 1);
    assertThat(JdbcSchema.version(db)).isEqualTo(1);
    JdbcVaultStore store = JdbcVaultStore.of(db, "kept");
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      TestVaults.add(vault, TestVaults.GITHUB, "acme");
    }
    assertThat(JdbcSchema.migrate(db)).isEqualTo(1);
    assertThat(JdbcSchema.version(db)).isEqualTo(2);
    try (Vault vault = Vault.open(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      assertThat(vault.entries()).hasSize(1);
    }
    assertThat(JdbcReplayGuard.of(db).tryAccept("a", 1, TestVaults.NOW, TestVaults.NOW)).isTrue();
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
      s.execute("UPDATE totpkit_schema SET version = 99");
    }
    assertThatThrownBy(() -> JdbcSchema.migrate(db)).isInstanceOf(VaultIoException.class)
        .hasMessageContaining("version 99").hasMessageContaining("upgrade totpkit");
  }

  @Test
  void storeAndGuards_beforeMigration_sayToMigrate() {
    assertThatThrownBy(() -> Vault.create(JdbcVaultStore.of(db, "v"), "maria", TestVaults.pw("pw"),
        TestVaults.fast())).isInstanceOf(VaultIoException.class).hasMessageContaining("JdbcSchema.migrate");
    assertThatThrownBy(() -> JdbcReplayGuard.of(db).tryAccept("a", 1, TestVaults.NOW, TestVaults.NOW))
        .isInstanceOf(VaultIoException.class).hasMessageContaining("JdbcSchema.migrate");
  }
}
