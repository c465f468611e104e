package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.guard.testing.FreshDatabaseTest;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.AuditRecord;
import io.totpkit.vault.JdbcSchema;
import io.totpkit.vault.JdbcVaultStore;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server on a vault kept in PostgreSQL, its state in the same database; two servers share both. */
class DatabaseServerTest extends FreshDatabaseTest {
  final VaultOptions options = VaultOptions.builder().minimumArgon2().build();

  @Test
  void twoServers_shareVaultPoliciesAndTokens() throws Exception {
    JdbcSchema.migrate(db);
    JdbcVaultStore store = JdbcVaultStore.of(db, "agency");
    ServerState state = ServerState.database(db, "agency");
    UUID id;
    String token;
    try (Vault owner = Vault.create(store, "maria", "correct horse battery".toCharArray(), options)) {
      id = owner.add(OtpAuthUri.parse(KnownSecret.URI), Set.of("client:a"));
      token = ApiTokens.create(owner, "bot", Set.of("client:a"), false);
    }
    try (CodeServer one = CodeServer.builder(store, state).listen("127.0.0.1:0").vaultOptions(options).start();
        CodeServer two = CodeServer.builder(store, ServerState.database(db, "agency")).listen("127.0.0.1:0")
            .vaultOptions(options).start()) {
      Http a = new Http(one.uri()).bearer(token);
      Http b = new Http(two.uri()).bearer(token);
      assertThat(a.post("/api/v1/accounts/" + id + "/code", null).status).isEqualTo(200);
      assertThat(b.post("/api/v1/accounts/" + id + "/code", null).status).isEqualTo(200);
      try (Vault owner = Vault.open(store, "maria", "correct horse battery".toCharArray(), options)) {
        state.setTagPolicy(owner, "client:a", TagPolicy.of(true, null));
      }
      Thread.sleep(1100);
      assertThat(b.post("/api/v1/accounts/" + id + "/code", null).status).isEqualTo(409);
      assertThat(a.post("/api/v1/accounts/" + id + "/code", "{\"reason\":\"db test\"}").status).isEqualTo(200);
      try (Vault owner = Vault.open(store, "maria", "correct horse battery".toCharArray(), options)) {
        List<AuditRecord> trail = owner.auditTrail();
        assertThat(trail.stream().filter(r -> r.member().equals("token:bot")).count()).isEqualTo(3);
        assertThat(trail.get(trail.size() - 1).detail()).hasValue("from 127.0.0.1; reason: db test");
        ApiTokens.revoke(owner, "bot");
      }
      assertThat(a.get("/api/v1/accounts").status).isEqualTo(401);
      assertThat(b.get("/api/v1/accounts").status).isEqualTo(401);
    }
  }

  @Test
  void serverRoleWithoutDeleteOnTheJournal_servesAndCannotCutIt() throws Exception {
    JdbcSchema.migrate(db);
    JdbcVaultStore adminStore = JdbcVaultStore.of(db, "agency");
    UUID id;
    String token;
    try (Vault owner = Vault.create(adminStore, "maria", "correct horse battery".toCharArray(), options)) {
      id = owner.add(OtpAuthUri.parse(KnownSecret.URI), Set.of("client:a"));
      token = ApiTokens.create(owner, "bot", Set.of("client:a"), false);
      ServerState.database(db, "agency").setTagPolicy(owner, "client:a", TagPolicy.of(false, null));
    }
    String url = db.getJdbcUrl();
    try (java.sql.Connection admin = db.getConnection(); java.sql.Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE totp_server LOGIN");
      sql.execute("GRANT SELECT, INSERT, UPDATE ON totpkit_vault TO totp_server");
      sql.execute("GRANT SELECT, INSERT ON totpkit_vault_journal TO totp_server");
      sql.execute("GRANT SELECT, INSERT, DELETE ON totp_server_state TO totp_server");
    }
    String serverUrl = url.replace("user=totpkit", "user=totp_server");
    try (com.zaxxer.hikari.HikariDataSource serverPool =
            io.totpkit.guard.testing.PostgresCluster.pool(serverUrl, 4);
        CodeServer server = CodeServer.builder(JdbcVaultStore.of(serverPool, "agency"),
            ServerState.database(serverPool, "agency")).listen("127.0.0.1:0").vaultOptions(options).start()) {
      Http bot = new Http(server.uri()).bearer(token);
      assertThat(bot.post("/api/v1/accounts/" + id + "/code", null).status).isEqualTo(200);
      try (java.sql.Connection c = serverPool.getConnection(); java.sql.Statement sql = c.createStatement()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute("DELETE FROM totpkit_vault_journal"))
            .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("permission denied");
      }
    }
  }
}
