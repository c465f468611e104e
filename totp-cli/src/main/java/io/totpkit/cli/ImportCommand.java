package io.totpkit.cli;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code totp import FILE…}: screenshots, Google Authenticator exports, Aegis JSON, otpauth lists. */
@Command(name = "import", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Imports accounts from each FILE, told apart by content: an image (PNG, JPEG, GIF, BMP) of QR "
        + "codes, Google Authenticator export codes included; an Aegis JSON export, plain or encrypted; or a text "
        + "list of otpauth:// and otpauth-migration:// lines. Accounts already in the vault are skipped and "
        + "reported. OWNER only."})
final class ImportCommand extends VaultCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
  List<Path> files;

  @Option(names = {"--tag", "-t"}, paramLabel = "TAG", split = ",", description = "Tag every imported account.")
  Set<String> tags = new LinkedHashSet<>();

  @Option(names = "--aegis-password-file", paramLabel = "FILE",
      description = "The password of an encrypted Aegis export (else $TOTP_AEGIS_PASSWORD, else asked).")
  Path aegisPasswordFile;

  @Override
  public Integer call() throws IOException {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new CliException(ExitCodes.USAGE, "no file at " + file);
      }
    }
    Io io = io();
    try (Vault vault = root().openVault()) {
      for (Path file : files) {
        ImportReport report = importOne(vault, file);
        io.show(file.getFileName() + ": " + report.imported().size() + " imported, "
            + report.skipped().size() + " skipped");
        for (ImportReport.Skipped skipped : report.skipped()) {
          io.show("  skipped " + skipped.item() + ": " + skipped.reason());
        }
      }
    }
    return ExitCodes.OK;
  }

  private ImportReport importOne(Vault vault, Path file) throws IOException {
    byte[] head = new byte[8];
    int read;
    try (var in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no file at " + file);
    }
    if (isImage(head, read)) {
      List<OtpAuthUri> accounts = QrCodes.read(file);
      StringBuilder list = new StringBuilder();
      for (OtpAuthUri uri : accounts) {
        list.append(uri.toUriString()).append('\n');
      }
      return vault.importOtpauth(list.toString(), tags);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.stripLeading().startsWith("{")) {
      if (aegisPasswordFile == null && !io().env.containsKey("TOTP_AEGIS_PASSWORD")) {
        try {
          return vault.importAegis(text, null, tags);
        } catch (VaultImportException e) {
          if (!e.getMessage().contains("is encrypted")) {
            throw e;
          }
        }
      }
      char[] password = root().passphrases().read(aegisPasswordFile, "TOTP_AEGIS_PASSWORD",
          "Password of the Aegis export " + file.getFileName() + ": ");
      return vault.importAegis(text, password, tags);
    }
    return vault.importOtpauth(text, tags);
  }

  private static boolean isImage(byte[] head, int length) {
    if (length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
      return true;
    }
    if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
      return true;
    }
    if (length >= 4 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') {
      return true;
    }
    return length >= 2 && head[0] == 'B' && head[1] == 'M';
  }
}
