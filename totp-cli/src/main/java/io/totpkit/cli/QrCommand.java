package io.totpkit.cli;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code totp qr QUERY}: an account's enrolment QR code, on the terminal or as a PNG. OWNER only. */
@Command(name = "qr", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Shows an account's enrolment QR code - to set up a phone - on the terminal, or writes it as a "
        + "PNG file. The code holds the secret: OWNER only, recorded in the audit trail as an export."})
final class QrCommand extends VaultCommand {
  @Parameters(paramLabel = "QUERY", description = "The account, as for 'totp code'.")
  String query;

  @Option(names = "--png", paramLabel = "FILE", description = "Write a PNG file instead, readable by you alone (0600).")
  Path png;

  @Override
  public Integer call() {
    Io io = io();
    try (Vault vault = root().openVault()) {
      VaultEntry entry = Queries.one(vault.entries(), query, io);
      OtpAuthUri uri = vault.exportOtpauth(entry.id());
      if (png != null) {
        ExportFiles.write(png, QrCodes.png(uri, QrOptions.defaults()));
        io.show("Wrote the enrolment QR code of " + CodeLine.label(entry) + " to " + png);
      } else {
        io.show(CodeLine.label(entry) + ":");
        io.out.print(QrCodes.terminal(uri, QrOptions.defaults()));
      }
      uri.secret().destroy();
    }
    return ExitCodes.OK;
  }
}
