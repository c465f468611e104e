package io.totpkit.cli;

import io.totpkit.qr.QrCodes;
import io.totpkit.vault.ImportFile;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.UnknownImportFormatException;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code totp import FILE…}: screenshots and the export files of other authenticators and password managers. */
@Command(name = "import", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Imports accounts from each FILE, told apart by content, never by name: an image (PNG, JPEG, GIF, "
        + "BMP) of QR codes, Google Authenticator export codes included; a text list of otpauth:// and "
        + "otpauth-migration:// lines; a spreadsheet (CSV with a header row); or an export of Aegis, 2FAS, andOTP, "
        + "Bitwarden, 1Password, FreeOTP+, Proton Authenticator, Stratum or Steam (the README's import table says what "
        + "each carries over). Encrypted exports ask for their password. A FILE of - (or /dev/stdin) is standard "
        + "input, after the passphrase's line if that comes from there too. Files of more than 64 MiB are refused. "
        + "Each file is read whole before anything is added, and added in one save; accounts already in the vault, "
        + "keys shorter than 80 bits and entries totpkit cannot use are skipped, each listed with its reason. OWNER "
        + "only."})
final class ImportCommand extends VaultCommand {
  /** The most bytes one import reads: far more than any screenshot, export or list; less than a heap holds. */
  static final int MAX_BYTES = 64 << 20;
  /** The environment variable that holds an encrypted export's password. */
  static final String PASSWORD_ENV = "TOTP_IMPORT_PASSWORD";
  /** The name that variable had when only Aegis exports were encrypted; still read. */
  static final String OLD_PASSWORD_ENV = "TOTP_AEGIS_PASSWORD";

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import; - for standard input.")
  List<Path> files;

  @Option(names = {"--tag", "-t"}, paramLabel = "TAG", split = ",", description = "Tag every imported account.")
  Set<String> tags = new LinkedHashSet<>();

  @Option(names = {"--password-file", "--aegis-password-file"}, paramLabel = "FILE",
      description = "The password of an encrypted export, on its first line (else $" + PASSWORD_ENV + ", else "
          + "asked on the terminal, else the next line of standard input).")
  Path passwordFile;

  @Option(names = {"--dry-run", "-n"}, description = "Show what would be imported and skipped; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    int fromInput = 0;
    for (Path file : files) {
      if (isStandardInput(file)) {
        fromInput++;
      } else if (!Files.exists(file) || Files.isDirectory(file)) {
        throw new CliException(ExitCodes.USAGE, "no file at " + file);
      } else if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
        throw tooLarge(file.toString(), Files.size(file));
      }
    }
    if (fromInput > 1) {
      throw new CliException(ExitCodes.USAGE, "standard input (- or /dev/stdin) can be imported once per command");
    }
    Io io = io();
    try (Vault vault = root().openVault()) {
      for (Path file : files) {
        String name = isStandardInput(file) ? "standard input" : String.valueOf(file.getFileName());
        ImportReport report = importOne(vault, file, name);
        show(io, name, report);
      }
    }
    return ExitCodes.OK;
  }

  private void show(Io io, String name, ImportReport report) {
    io.show(name + " (" + report.format() + "): " + report.added().size() + (report.isDryRun()
        ? " would be imported, " : " imported, ") + report.skipped().size() + " skipped"
        + (report.isDryRun() ? "; nothing was changed (dry run)" : ""));
    if (report.added().isEmpty() && report.skipped().isEmpty()) {
      io.show("  the file holds no account with a one-time-password key (a password manager's logins without one are "
          + "not accounts)");
    }
    if (report.isDryRun()) {
      for (ImportReport.Added added : report.added()) {
        io.show("  would import " + added.item() + ": " + describe(added));
      }
    }
    for (ImportReport.Skipped skipped : report.skipped()) {
      io.show("  skipped " + skipped.item() + ": " + skipped.reason());
    }
  }

  private static String describe(ImportReport.Added added) {
    String who = added.issuer().isEmpty() ? added.account()
        : added.account().isEmpty() ? added.issuer() : added.issuer() + " (" + added.account() + ")";
    return (who.isEmpty() ? "(no name)" : who) + (added.tags().isEmpty() ? "" : ", tags " + String.join(", ",
        added.tags()));
  }

  private ImportReport importOne(Vault vault, Path file, String name) throws IOException {
    byte[] bytes = read(file);
    ImportFile read;
    if (QrCodes.isImage(bytes)) {
      read = ImportFile.of("screenshot", QrCodes.read(bytes));
    } else {
      try {
        read = ImportFile.read(bytes, format -> password(format, name));
      } catch (UnknownImportFormatException e) {
        throw new CliException(ExitCodes.USAGE, name + ": " + e.messageAlsoReading("screenshots ("
            + QrCodes.IMAGE_FORMATS + ")"));
      } catch (VaultImportException e) {
        throw new CliException(ExitCodes.USAGE, name + ": " + e.getMessage());
      }
    }
    try (ImportFile content = read) {
      return dryRun ? vault.previewImport(content, tags) : vault.importFile(content, tags);
    }
  }

  private char[] password(String format, String name) {
    Map<String, String> env = io().env;
    String variable = env.containsKey(PASSWORD_ENV) || !env.containsKey(OLD_PASSWORD_ENV) ? PASSWORD_ENV
        : OLD_PASSWORD_ENV;
    return root().passphrases().read(passwordFile, "--password-file", variable, "Password of the " + format
        + " export " + name + ": ");
  }

  static boolean isStandardInput(Path file) {
    return file.toString().equals("-") || file.equals(Path.of("/dev/stdin"));
  }

  /** The whole file or standard input, refused past {@link #MAX_BYTES} (a file may grow, a pipe has no size). */
  private byte[] read(Path file) throws IOException {
    if (isStandardInput(file)) {
      return limited(io().input(), "standard input");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return limited(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no file at " + file);
    } catch (AccessDeniedException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": permission denied");
    }
  }

  private static byte[] limited(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name, -1);
    }
    return bytes;
  }

  private static CliException tooLarge(String name, long size) {
    String what = size < 0 ? "more than 64 MiB" : size >= 1L << 30
        ? String.format(Locale.ROOT, "%.1f GiB", size / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.1f MiB", size / (double) (1L << 20));
    return new CliException(ExitCodes.USAGE, name + " holds " + what + "; import reads at most 64 MiB, which no "
        + "screenshot, export or list comes near: is it the right file?");
  }
}
