package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.testing.PostgresCluster;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A passphrase change in PostgreSQL: the same key-pair and data-key rotation as in the file, seen by both servers. */
class JdbcPassphraseChangeTest {
  private HikariDataSource serverA;
  private HikariDataSource serverB;
  private JdbcVaultStore storeA;
  private JdbcVaultStore storeB;

  @BeforeEach
  void twoServers() {
    String url = PostgresCluster.get().newDatabase();
    serverA = PostgresCluster.pool(url, 2);
    serverB = PostgresCluster.pool(url, 2);
    JdbcSchema.migrate(serverA);
    storeA = JdbcVaultStore.of(serverA, "agency");
    storeB = JdbcVaultStore.of(serverB, "agency");
  }

  @AfterEach
  void closePools() {
    serverA.close();
    serverB.close();
  }

  @Test
  void changePassphrase_onOneServer_oldRefusedEverywhereCodesKept() {
    try (Vault maria = Vault.create(storeA, "maria", pw("old of maria"), TestVaults.fast())) {
      UUID id = TestVaults.add(maria, TestVaults.GITHUB, "acme");
      maria.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("pw of olga"));
      String code = maria.code(id).code();
      byte[] oldDataKey = VaultInternals.dataKey(maria);
      try (Vault elsewhere = Vault.open(storeB, "maria", pw("old of maria"), TestVaults.fast())) {
        maria.changePassphrase(pw("old of maria"), pw("new of maria"));
        assertThatThrownBy(elsewhere::entries).isInstanceOf(UnknownMemberException.class)
            .hasMessageContaining("was changed elsewhere");
      }
      assertThat(VaultInternals.dataKey(maria)).isNotEqualTo(oldDataKey);
      assertThatThrownBy(() -> Vault.open(storeB, "maria", pw("old of maria"), TestVaults.fast()))
          .isInstanceOf(WrongPassphraseException.class);
      try (Vault again = Vault.open(storeB, "maria", pw("new of maria"), TestVaults.fast());
          Vault olga = Vault.open(storeB, "olga", pw("pw of olga"), TestVaults.fast())) {
        assertThat(again.code(id).code()).isEqualTo(code);
        assertThat(olga.code(id).code()).isEqualTo(code);
        assertThat(again.auditTrail()).extracting(AuditRecord::action).contains(AuditAction.PASSPHRASE_CHANGED);
        assertThat(again.verifyAudit()).isEqualTo(again.auditTrail().size());
      }
    }
  }
}
