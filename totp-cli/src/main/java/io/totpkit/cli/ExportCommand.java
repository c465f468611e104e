package io.totpkit.cli;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp export}: every account, with its secret, as an otpauth list, Aegis JSON or QR codes. OWNER only. */
@Command(name = "export", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Exports every account WITH ITS SECRET: as otpauth:// lines, a plain Aegis JSON export, or one "
        + "QR code per account (PNG files into --out DIR, else drawn on the terminal). OWNER only; recorded in the "
        + "audit trail. Files are written readable by you alone (0600; a new directory 0700). Keep the output where "
        + "the secrets may go."})
final class ExportCommand extends VaultCommand {
  enum Format { otpauth, aegis, qr }

  @Option(names = {"--format", "-f"}, paramLabel = "FORMAT", defaultValue = "otpauth",
      description = "otpauth (default), aegis or qr.")
  Format format;

  @Option(names = {"--out", "-o"}, paramLabel = "FILE|DIR",
      description = "Write to FILE (for qr: a directory of PNG files) instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    Io io = io();
    try (Vault vault = root().openVault()) {
      String text = format == Format.aegis ? vault.exportAegis() : vault.exportOtpauth();
      io.report("warning: the export contains every account's secret");
      if (format != Format.qr) {
        if (out == null) {
          io.out.print(text);
        } else {
          ExportFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
          io.show("Wrote " + out);
        }
        return ExitCodes.OK;
      }
      Set<String> names = new HashSet<>();
      if (out != null) {
        ExportFiles.createDirectories(out);
      }
      for (String line : text.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        OtpAuthUri uri = OtpAuthUri.parse(line);
        if (out == null) {
          io.show(AddCommand.label(uri));
          io.out.println(QrCodes.terminal(uri, QrOptions.defaults()));
        } else {
          Path file = out.resolve(fileName(uri, names));
          ExportFiles.write(file, QrCodes.png(uri, QrOptions.defaults()));
          io.show("Wrote " + file);
        }
      }
    }
    return ExitCodes.OK;
  }

  /** {@code issuer-account.png}, reduced to letters, digits, dot, dash and underscore; unique within the export. */
  static String fileName(OtpAuthUri uri, Set<String> taken) {
    String base = (uri.issuer().isEmpty() ? uri.account() : uri.issuer() + "-" + uri.account())
        .replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "").toLowerCase(Locale.ROOT);
    if (base.isEmpty()) {
      base = "account";
    }
    String name = base + ".png";
    for (int i = 2; !taken.add(name); i++) {
      name = base + "-" + i + ".png";
    }
    return name;
  }
}
