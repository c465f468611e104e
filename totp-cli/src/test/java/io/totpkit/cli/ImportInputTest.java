package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import io.totpkit.vault.ImportFile;
import org.junit.jupiter.api.Test;

/**
 * {@code totp import} of what is not an import: a file of gigabytes ran out of memory with a 16-line stack trace, and
 * binary files failed with status 5 and the JDK's "Input length = 1". Now each is one line, status 2, saying what
 * import reads.
 */

class ImportInputTest extends WithVault {
  /** The end of every refusal: what import reads, every format named. */
  private static String readable() {
    return "; totpkit reads screenshots (PNG, JPEG, GIF, BMP), " + String.join(", ", ImportFile.formats()
        .subList(0, ImportFile.formats().size() - 1)) + " and " + ImportFile.formats().get(ImportFile.formats().size()
        - 1) + " files\n";
  }

  private Cli.Result refused(String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isEqualTo(2);
    assertThat(result.out).isEmpty();
    assertThat(result.err).startsWith("totp: ").hasLineCount(1);
    return result;
  }

  /** A sparse file: 2.2 GB long, no disk used; refused from its size before a byte is read. */
  @Test
  void import_fileOf2Gigabytes_refusedInOneLine() throws IOException {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(2_200_000_000L);
    }
    assertThat(refused("import", big.toString()).err).isEqualTo("totp: " + big + " holds 2.0 GiB; import reads at "
        + "most 64 MiB, which no screenshot, export or list comes near: is it the right file?\n");
  }

  @Test
  void import_moreThan64MiBOnStandardInput_refusedInOneLine() {
    byte[] input = new byte[ImportCommand.MAX_BYTES + 1];
    Arrays.fill(input, (byte) '#');
    Cli.Result result = cli.runWithInput(input, "import", "-");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.err).isEqualTo("totp: standard input holds more than 64 MiB; import reads at most 64 MiB, "
        + "which no screenshot, export or list comes near: is it the right file?\n");
  }

  @Test
  void import_randomBytes_status2SaysWhatImportReads() throws IOException {
    byte[] noise = new byte[100_000];
    new SplittableRandom(4226).nextBytes(noise);
    Path file = Files.write(dir.resolve("g.bin"), noise);
    assertThat(refused("import", file.toString()).err).isEqualTo("totp: g.bin: the file is binary data of no known kind"
        + readable());
  }

  @Test
  void import_zipArchive_status2() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("accounts.txt"));
      out.write(TotpCommandTest.GITHUB.repeat(50).getBytes(StandardCharsets.UTF_8));
    }
    Path file = Files.write(dir.resolve("accounts.zip"), zip.toByteArray());
    assertThat(refused("import", file.toString()).err).isEqualTo("totp: accounts.zip: the file is a ZIP archive "
        + "(unpack it and import the export inside)" + readable());
  }

  /** An SQLite database begins "SQLite format 3" and a NUL, then binary pages: valid UTF-8 or not, not a list. */
  @Test
  void import_sqliteDatabase_status2() throws IOException {
    byte[] page = new byte[4096];
    byte[] magic = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, page, 0, magic.length);
    page[16] = 0x10;
    Path file = Files.write(dir.resolve("otp.db"), page);
    assertThat(refused("import", file.toString()).err).isEqualTo("totp: otp.db: the file is an SQLite database, an "
        + "app's own storage rather than an export (export from the app instead)" + readable());
  }

  /** Notepad's "Unicode": UTF-16 with a byte-order mark, a NUL after every ASCII letter. */
  @Test
  void import_utf16List_status2() throws IOException {
    Path file = Files.writeString(dir.resolve("list.txt"), "\ufeff" + TotpCommandTest.GITHUB + "\r\n",
        StandardCharsets.UTF_16LE);
    assertThat(refused("import", file.toString()).err).isEqualTo("totp: list.txt: the file is text in UTF-16 (save it "
        + "as UTF-8 and import it again)" + readable());
  }

  @Test
  void import_directory_noFileThere() {
    assertThat(refused("import", dir.toString()).err).isEqualTo("totp: no file at " + dir + "\n");
  }
}
