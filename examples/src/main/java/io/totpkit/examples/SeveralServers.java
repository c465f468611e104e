package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.guard.JdbcAttemptLimiter;
import io.totpkit.guard.JdbcReplayGuard;
import io.totpkit.vault.JdbcSchema;
import io.totpkit.vault.JdbcVaultStore;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two application servers sharing one PostgreSQL database: a vault created on one is read on the other (totp-vault),
 * and a login code accepted on one is refused as a replay on the other (totp-guard). Each server's
 * {@link DataSource} stands for its own pool (use HikariCP or the application server's in production).
 *
 * <p>Run against a database you may write to (it creates the {@code totpkit_*} tables and a vault named after the
 * current time): {@code java -cp examples/target/examples.jar io.totpkit.examples.SeveralServers
 * 'jdbc:postgresql://localhost/app?user=app&password=...'} (the jar carries the PostgreSQL driver).
 */
public final class SeveralServers {
  private SeveralServers() {}

  /**
   * Runs the example.
   *
   * @param args the database's JDBC URL, with user and password
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: SeveralServers <jdbc:postgresql://host/db?user=...&password=...>");
      System.exit(2);
    }
    PGSimpleDataSource serverA = new PGSimpleDataSource();
    serverA.setURL(args[0]);
    PGSimpleDataSource serverB = new PGSimpleDataSource();
    serverB.setURL(args[0]);
    run(serverA, serverB, "agency-" + System.currentTimeMillis());
  }

  static void run(DataSource serverA, DataSource serverB, String vaultName) {
    char[] passphrase = "correct horse battery staple".toCharArray();
    OtpAuthUri client = OtpAuthUri.parse("otpauth://totp/TikTok:acme?secret=JBSWY3DPEHPK3PXP&issuer=TikTok");
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();

    // several-servers:begin
    JdbcSchema.migrate(serverA);       // once per deployment: creates or upgrades the totpkit_* tables

    // Server A keeps a client's key in the shared vault; server B reveals the code (both audited, one chain).
    UUID id;
    try (Vault vault = Vault.create(JdbcVaultStore.of(serverA, vaultName), "maria", passphrase.clone(),
        VaultOptions.defaults())) {
      id = vault.add(client, Set.of("client:acme"));
    }
    VaultStore storeOnB = JdbcVaultStore.of(serverB, vaultName);
    try (Vault vault = Vault.open(storeOnB, "maria", passphrase.clone(), VaultOptions.defaults())) {
      RevealedCode code = vault.code(id);
      System.out.println("server B reveals " + code.code() + "; audit: " + vault.verifyAudit() + " records");
    }

    // A login service (totp-guard alone would do): every server verifies through the same replay guard and limiter.
    TotpVerifier onA = TotpVerifier.builder(totp).replayGuard(JdbcReplayGuard.of(serverA))
        .attemptLimiter(JdbcAttemptLimiter.of(serverA, 5, Duration.ofMinutes(1))).build();
    TotpVerifier onB = TotpVerifier.builder(totp).replayGuard(JdbcReplayGuard.of(serverB))
        .attemptLimiter(JdbcAttemptLimiter.of(serverB, 5, Duration.ofMinutes(1))).build();
    String typed = totp.generate(Instant.now());
    Verification first = onA.verify("user-42@" + vaultName, typed);
    Verification again = onB.verify("user-42@" + vaultName, typed);
    System.out.println("server A: " + first.status() + ", same code on server B: " + again.status());
    // several-servers:end
  }
}
