package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.vault.AuditRecord;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An agency takes on a client: the client's screenshot of their 2-step setup screen goes into the vault, an OPERATOR
 * granted that client's tag reveals the current code, and the owner sees the reveal in the audit trail. The secret is
 * never printed.
 *
 * <p>Run: {@code java -cp examples/target/examples.jar io.totpkit.examples.AgencyOnboarding}
 */
public final class AgencyOnboarding {
  private AgencyOnboarding() {}

  /**
   * Runs the example on the bundled sample screenshot, in a temporary directory.
   *
   * @param args ignored
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path path = Files.createTempDirectory("agency-").resolve("agency.totp");
    try (InputStream screenshot = AgencyOnboarding.class.getResourceAsStream("sample-screenshot.png")) {
      run(path, screenshot, System.out);
    }
  }

  static void run(Path path, InputStream screenshot, PrintStream out) {
    // In real use passphrases come from Console.readPassword(); the vault zeroes the arrays. The least Argon2id cost
    // keeps the example quick; keep VaultOptions.defaults() for real vaults.
    VaultOptions options = VaultOptions.builder().minimumArgon2().build();
    // agency-onboarding:begin
    // The owner stores the client's account, tagged with the client, and lets an operator use that client's codes.
    List<OtpAuthUri> found = QrCodes.read(screenshot);
    try (Vault vault = Vault.create(path, "maria", "maria's passphrase".toCharArray(), options)) {
      for (OtpAuthUri account : found) {
        vault.add(account, Set.of("client:tiktok"));
      }
      vault.addMember("olga", Role.OPERATOR, Set.of("client:tiktok"), "olga's passphrase".toCharArray());
    }

    // The operator logs in to the client's account: she sees its entries and their codes, nothing else.
    try (Vault vault = Vault.open(path, "olga", "olga's passphrase".toCharArray(), options)) {
      for (VaultEntry entry : vault.entries()) {
        RevealedCode code = vault.code(entry.id());        // recorded in the audit trail first
        out.println(entry.issuer() + " (" + entry.account() + "): " + code.code() + ", "
            + code.secondsLeft() + " s left");
      }
    }

    // The owner sees who revealed what, and checks that the trail is intact.
    try (Vault vault = Vault.open(path, "maria", "maria's passphrase".toCharArray(), options)) {
      for (AuditRecord record : vault.auditTrail()) {
        out.println(record.time() + "  " + record.member() + "  " + record.action());
      }
      out.println("audit trail intact: " + vault.verifyAudit() + " records");
    }
    // agency-onboarding:end
  }
}
