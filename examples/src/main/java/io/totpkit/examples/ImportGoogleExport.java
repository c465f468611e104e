package io.totpkit.examples;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Moves accounts out of Google Authenticator: its "Transfer accounts" screen shows {@code otpauth-migration://} QR
 * codes, which {@code QrCodes.read} expands into accounts when given a screenshot and {@link MigrationPayload} decodes
 * when given the text. Here the export is built with {@link MigrationPayload#encode}, then imported into a vault,
 * twice, to show that duplicates are skipped.
 *
 * <p>Run: {@code java -cp examples/target/examples.jar io.totpkit.examples.ImportGoogleExport}
 */
public final class ImportGoogleExport {
  private ImportGoogleExport() {}

  /**
   * Runs the example in a temporary directory.
   *
   * @param args ignored
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    run(Files.createTempDirectory("google-export-").resolve("agency.totp"), System.out);
  }

  static void run(Path path, PrintStream out) {
    // What Google Authenticator's export screen would show for two accounts (a phone shows it as QR codes).
    List<String> exportCodes = MigrationPayload.encode(List.of(
        OtpAuthUri.parse("otpauth://totp/GitHub:acme-ops?secret=JBSWY3DPEHPK3PXP&issuer=GitHub"),
        OtpAuthUri.parse("otpauth://totp/Slack:bob@acme.example?secret=GEZDGNBVGY3TQOJQ&issuer=Slack")));
    for (String code : exportCodes) {
      for (OtpAuthUri account : MigrationPayload.parse(code).accounts()) {
        out.println("in the export: " + account.issuer() + " (" + account.account() + ")");
      }
    }
    VaultOptions options = VaultOptions.builder().minimumArgon2().build();   // quick for the example
    try (Vault vault = Vault.create(path, "maria", "maria's passphrase".toCharArray(), options)) {
      ImportReport first = vault.importOtpauth(String.join("\n", exportCodes), Set.of("client:acme"));
      out.println("first import: " + first.imported().size() + " imported, " + first.skipped().size() + " skipped");
      ImportReport again = vault.importOtpauth(String.join("\n", exportCodes), Set.of("client:acme"));
      out.println("second import: " + again.imported().size() + " imported, " + again.skipped().size()
          + " skipped (" + again.skipped().get(0).reason() + ")");
    }
  }
}
