package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.core.OtpAuthUri;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vault in PostgreSQL: same behaviour as the file, shared by instances on separate connections ("servers"). */
class JdbcVaultStoreTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  private HikariDataSource serverA;
  private HikariDataSource serverB;
  private JdbcVaultStore storeA;
  private JdbcVaultStore storeB;

  @BeforeEach
  void twoServers() {
    String url = PostgresCluster.get().newDatabase();
    serverA = PostgresCluster.pool(url, 4);
    serverB = PostgresCluster.pool(url, 4);
    JdbcSchema.migrate(serverA);
    storeA = JdbcVaultStore.of(serverA, "agency");
    storeB = JdbcVaultStore.of(serverB, "agency");
  }

  @AfterEach
  void closePools() {
    serverA.close();
    serverB.close();
  }

  private static Vault open(JdbcVaultStore store, String member) {
    return Vault.open(store, member, TestVaults.pw("pw of " + member), TestVaults.fast());
  }

  @Test
  void roundTrip_addRevealReopen_onAnotherServer() {
    UUID id;
    try (Vault vault = Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast())) {
      id = vault.add(OtpAuthUri.parse("otpauth://totp/TikTok:client?secret=" + SECRET + "&issuer=TikTok"),
          Set.of("client"));
      assertThat(vault.code(id).code()).hasSize(6);
      assertThat(vault.toString()).contains("vault 'agency' in the database");
    }
    try (Vault vault = open(storeB, "maria")) {
      assertThat(vault.entries()).extracting(VaultEntry::issuer).containsExactly("TikTok");
      assertThat(vault.exportOtpauth(id).secret().toBase32()).isEqualTo(SECRET);
      assertThat(vault.auditTrail()).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED, AuditAction.CODE_REVEALED, AuditAction.EXPORTED);
      assertThat(vault.verifyAudit()).isEqualTo(4);
    }
    assertThatThrownBy(() -> Vault.create(storeB, "x", TestVaults.pw("pw"), TestVaults.fast()))
        .isInstanceOf(VaultIoException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> open(JdbcVaultStore.of(serverA, "nobody"), "maria"))
        .isInstanceOf(VaultIoException.class).hasMessageContaining("there is no vault 'nobody'");
    assertThatThrownBy(() -> Vault.open(storeA, "maria", TestVaults.pw("wrong"), TestVaults.fast()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void databaseDump_revealsNoSecretNorPassphrase() throws Exception {
    try (Vault vault = Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast())) {
      UUID id = vault.add(OtpAuthUri.parse("otpauth://totp/Acme:ops?secret=" + SECRET), Set.of("acme"));
      vault.code(id);
      vault.addMember("ravi", Role.OPERATOR, Set.of("acme"), TestVaults.pw("pw of ravi"));
    }
    byte[] raw = io.totpkit.core.Secret.fromBase32(SECRET).bytes();
    StringBuilder dump = new StringBuilder();
    try (Connection c = serverA.getConnection(); Statement s = c.createStatement()) {
      for (String table : List.of("totpkit_vault", "totpkit_vault_journal")) {
        try (ResultSet rows = s.executeQuery("SELECT * FROM " + table)) {
          while (rows.next()) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
              byte[] bytes = rows.getBytes(i);
              dump.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n');
              dump.append(HexFormat.of().formatHex(bytes)).append('\n');
            }
          }
        }
      }
    }
    String text = dump.toString();
    assertThat(text).isNotEmpty().doesNotContain(SECRET).doesNotContain(SECRET.toLowerCase())
        .doesNotContain(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(HexFormat.of().formatHex(raw))
        .doesNotContain("pw of maria").doesNotContain("pw of ravi").doesNotContain("ravi").doesNotContain("Acme");
  }

  @Test
  void twoServersRacing_addUpdateRemove_loseAndResurrectNothing() throws Exception {
    Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast()).close();
    int perServer = 30;
    List<UUID> kept = new CopyOnWriteArrayList<>();
    List<UUID> removed = new CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService servers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> ops = new ArrayList<>();
    try {
      for (JdbcVaultStore store : List.of(storeA, storeB)) {
        ops.add(servers.submit(() -> {
          int operations = 0;
          try (Vault vault = open(store, "maria")) {
            start.await();
            for (int i = 0; i < perServer; i++) {
              UUID id = vault.add(OtpAuthUri.parse("otpauth://totp/S" + store.hashCode() + ":u" + i + "?secret="
                  + SECRET), Set.of("t"));
              operations++;
              vault.retag(id, Set.of("t", "n" + i));
              operations++;
              vault.code(id);
              operations++;
              if (i % 3 == 0) {
                vault.remove(id);
                operations++;
                removed.add(id);
              } else {
                kept.add(id);
              }
            }
          }
          return operations;
        }));
      }
      start.countDown();
      int operations = 0;
      for (Future<Integer> op : ops) {
        operations += op.get();
      }
      try (Vault vault = open(storeA, "maria")) {
        Set<UUID> ids = new HashSet<>();
        vault.entries().forEach(e -> ids.add(e.id()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(kept).doesNotContainAnyElementsOf(removed);
        assertThat(vault.entries()).allSatisfy(e -> assertThat(e.tags()).hasSize(2));
        assertThat(vault.verifyAudit()).isEqualTo(1 + operations);
        List<AuditRecord> trail = vault.auditTrail();
        for (int i = 0; i < trail.size(); i++) {
          assertThat(trail.get(i).sequence()).isEqualTo(i);
        }
      }
    } finally {
      servers.shutdownNow();
    }
  }

  @Test
  void memberRemovalOnOneServer_whileTheOtherAdds_isAtomicAndLocksTheMemberOut() throws Exception {
    try (Vault owner = Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast())) {
      owner.addMember("ravi", Role.OWNER, Set.of(), TestVaults.pw("pw of ravi"));
    }
    List<UUID> added = new CopyOnWriteArrayList<>();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try (Vault maria = open(storeA, "maria"); Vault mariaOnB = open(storeB, "maria");
        Vault ravi = open(storeB, "ravi")) {
      Future<?> adding = other.submit(() -> {
        for (int i = 0; i < 20; i++) {
          added.add(TestVaults.add(mariaOnB, TestVaults.GITHUB, "x" + i));
        }
        return null;
      });
      maria.removeMember("ravi");
      adding.get();
      assertThatThrownBy(ravi::entries).isInstanceOf(UnknownMemberException.class);
      assertThatThrownBy(() -> open(storeB, "ravi")).isInstanceOf(UnknownMemberException.class);
      assertThat(maria.entries()).extracting(VaultEntry::id).containsExactlyInAnyOrderElementsOf(added);
      assertThat(maria.members()).extracting(Member::name).containsExactly("maria");
      assertThat(maria.verifyAudit()).isEqualTo(1 + 1 + 20 + 1);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void editedRows_areReportedAsDamage_neverLoaded() throws Exception {
    try (Vault vault = Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast())) {
      TestVaults.add(vault, TestVaults.GITHUB, "acme");
    }
    try (Connection c = serverA.getConnection();
        PreparedStatement flip = c.prepareStatement("UPDATE totpkit_vault SET image = overlay(image placing "
            + "'\\xff'::bytea from 200 for 1) WHERE name = 'agency'")) {
      flip.executeUpdate();
    }
    assertThatThrownBy(() -> open(storeB, "maria")).isInstanceOf(VaultCorruptedException.class);
  }

  @Test
  void editedJournalRow_failsVerifyAudit() throws Exception {
    try (Vault vault = Vault.create(storeA, "maria", TestVaults.pw("pw of maria"), TestVaults.fast())) {
      vault.code(TestVaults.add(vault, TestVaults.GITHUB, "acme"));
    }
    try (Connection c = serverA.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE totpkit_vault_journal SET bytes = overlay(bytes placing '\\x00'::bytea from 20 for 1)"
          + " WHERE vault = 'agency' AND position > 0");
    }
    try (Vault vault = open(storeB, "maria")) {
      assertThatThrownBy(vault::verifyAudit).isInstanceOf(VaultCorruptedException.class);
    } catch (VaultCorruptedException refusedAtOpen) {
      assertThat(refusedAtOpen).hasMessageContaining("audit");
    }
  }

  @Test
  void changePassphrase_onOneServer_oldRefusedOnTheOtherCodesKept() {
    try (Vault maria = Vault.create(storeA, "maria", TestVaults.pw("old of maria"), TestVaults.fast())) {
      UUID id = maria.add(OtpAuthUri.parse(TestVaults.GITHUB), Set.of("acme"));
      maria.addMember("olga", Role.OPERATOR, Set.of("acme"), TestVaults.pw("pw of olga"));
      String code = maria.code(id).code();
      byte[] oldDataKey = VaultInternals.commonKey(maria);
      try (Vault elsewhere = Vault.open(storeB, "maria", TestVaults.pw("old of maria"), TestVaults.fast())) {
        maria.changePassphrase(TestVaults.pw("old of maria"), TestVaults.pw("pw of maria"));
        assertThatThrownBy(elsewhere::entries).isInstanceOf(UnknownMemberException.class)
            .hasMessageContaining("was changed elsewhere");
      }
      assertThat(VaultInternals.commonKey(maria)).isNotEqualTo(oldDataKey);
      assertThatThrownBy(() -> Vault.open(storeB, "maria", TestVaults.pw("old of maria"), TestVaults.fast()))
          .isInstanceOf(WrongPassphraseException.class);
      try (Vault again = open(storeB, "maria"); Vault olga = open(storeB, "olga")) {
        assertThat(again.code(id).code()).isEqualTo(code);
        assertThat(olga.code(id).code()).isEqualTo(code);
        assertThat(again.auditTrail()).extracting(AuditRecord::action).contains(AuditAction.PASSPHRASE_CHANGED);
        assertThat(again.verifyAudit()).isEqualTo(again.auditTrail().size());
      }
    }
  }
}
