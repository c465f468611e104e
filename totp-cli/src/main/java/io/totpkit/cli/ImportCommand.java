package io.totpkit.cli;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code totp import FILE…}: screenshots, Google Authenticator exports, Aegis JSON, otpauth lists. */
@Command(name = "import", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Imports accounts from each FILE, told apart by content: an image (PNG, JPEG, GIF, BMP) of QR "
        + "codes, Google Authenticator export codes included; an Aegis JSON export, plain or encrypted; or a text "
        + "list (UTF-8) of otpauth:// and otpauth-migration:// lines. A FILE of - (or /dev/stdin) is standard input, "
        + "after the passphrase's line if that comes from there too. Files of more than 64 MiB are refused. Accounts "
        + "already in the vault, and keys shorter than 80 bits, are skipped and reported. OWNER only."})
final class ImportCommand extends VaultCommand {
  /** The most bytes one import reads: far more than any screenshot, export or list; less than a heap holds. */
  static final int MAX_BYTES = 64 << 20;
  /** What {@code import} reads, for messages about what it does not. */
  static final String FORMATS = "import reads screenshots (PNG, JPEG, GIF, BMP), Aegis JSON exports and text lists "
      + "of otpauth:// or otpauth-migration:// lines in UTF-8";

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import; - for standard input.")
  List<Path> files;

  @Option(names = {"--tag", "-t"}, paramLabel = "TAG", split = ",", description = "Tag every imported account.")
  Set<String> tags = new LinkedHashSet<>();

  @Option(names = "--aegis-password-file", paramLabel = "FILE",
      description = "The password of an encrypted Aegis export (else $TOTP_AEGIS_PASSWORD, else asked).")
  Path aegisPasswordFile;

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
        io.show(name + ": " + report.imported().size() + " imported, " + report.skipped().size() + " skipped");
        for (ImportReport.Skipped skipped : report.skipped()) {
          io.show("  skipped " + skipped.item() + ": " + skipped.reason());
        }
      }
    }
    return ExitCodes.OK;
  }

  private ImportReport importOne(Vault vault, Path file, String name) throws IOException {
    byte[] bytes = read(file);
    if (isImage(bytes)) {
      List<OtpAuthUri> accounts = QrCodes.read(bytes);
      StringBuilder list = new StringBuilder();
      for (OtpAuthUri uri : accounts) {
        list.append(uri.toUriString()).append('\n');
      }
      return vault.importOtpauth(list.toString(), tags);
    }
    String text = text(bytes, name);
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
          "Password of the Aegis export " + name + ": ");
      return vault.importAegis(text, password, tags);
    }
    return vault.importOtpauth(text, tags);
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

  /** The bytes as UTF-8 text; anything else — a zip, a database, random bytes, UTF-16 — is refused, saying why. */
  private static String text(byte[] bytes, String name) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (text.indexOf('\0') < 0) {
        return text;
      }
    } catch (CharacterCodingException e) {
      // binary: reported below
    }
    throw new CliException(ExitCodes.USAGE, name + " is neither an image nor text in UTF-8; " + FORMATS);
  }

  private static boolean isImage(byte[] head) {
    int length = head.length;
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
