package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

/**
 * Creates a vault in a temporary directory, adds an account from an {@code otpauth://} URI, reopens the vault and
 * prints the account's current code and the seconds it stays valid. Never prints the secret.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests && java -cp examples/target/examples.jar
 * io.totpkit.examples.VaultQuickStart}
 */
public final class VaultQuickStart {
  private VaultQuickStart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("totpkit-vault-");
    Path path = dir.resolve("agency.vault");
    // In real use the passphrase comes from Console.readPassword(); the vault zeroes the array after use.
    String uri = "otpauth://totp/GitHub:acme-ops?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";

    // vault-quick-start:begin
    UUID id;
    try (Vault vault = Vault.create(path, "maria", "correct horse battery staple".toCharArray(),
        VaultOptions.defaults())) {
      id = vault.add(OtpAuthUri.parse(uri), Set.of("client:acme"));
    }
    try (Vault vault = Vault.open(path, "maria", "correct horse battery staple".toCharArray())) {
      VaultEntry entry = vault.entry(id).orElseThrow();
      RevealedCode code = vault.code(id);                    // audited before it is returned
      System.out.println(entry.issuer() + " (" + entry.account() + ", tags " + entry.tags() + "): "
          + code.code() + ", valid for " + code.secondsLeft() + " s more");
      System.out.println("audit trail: " + vault.verifyAudit() + " records, verified");
    }
    // vault-quick-start:end
    System.out.println("vault written to " + path);
  }
}
