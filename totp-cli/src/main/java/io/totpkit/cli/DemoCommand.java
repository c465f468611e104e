package io.totpkit.cli;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code totp demo}: the whole agency workflow on a throw-away vault, with no input: read a client's screenshot, store
 * the account, let an operator reveal its code, show the audit trail, delete everything.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Shows the agency workflow on a throw-away vault, needing no input: reads a bundled screenshot "
        + "of a TikTok 2-step setup screen, stores its account, adds an operator who reveals the live code, prints "
        + "the audit trail, then deletes the vault. The demo key is a public throw-away; it is never printed."})
final class DemoCommand extends VaultCommand {
  static final String SCREENSHOT = "/io/totpkit/cli/sample-screenshot.png";
  private static final String TAG = "client:tiktok";

  @Override
  public Integer call() throws IOException, InterruptedException {
    Io io = io();
    Path dir = Files.createTempDirectory("totp-demo-");
    try {
      run(io, dir.resolve("agency.totp"));
    } finally {
      deleteTree(dir);
    }
    io.out.println();
    io.out.println("Deleted the demo vault. Your own: totp init, then totp add --qr screenshot.png (see totp --help).");
    return ExitCodes.OK;
  }

  /** Deletes a throw-away directory and everything in it (the demos'). */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    }
  }

  private void run(Io io, Path path) throws IOException, InterruptedException {
    // The least Argon2id cost the vault allows, so the demo starts at once; `totp init` uses the full default cost.
    VaultOptions options = VaultOptions.builder().minimumArgon2().clock(io.clock).build();
    io.out.println("A throw-away vault at " + path + " (Argon2id at its minimum cost, for speed).");

    List<OtpAuthUri> found;
    try (InputStream screenshot = DemoCommand.class.getResourceAsStream(SCREENSHOT)) {
      if (screenshot == null) {
        throw new CliException(ExitCodes.IO, "the sample screenshot is missing from the jar");
      }
      found = QrCodes.read(screenshot);
    }
    io.out.println();
    io.out.println("1. A client sent a screenshot of their 2-step setup screen. Found:");
    for (OtpAuthUri uri : found) {
      io.show("   " + AddCommand.describe(uri));
    }

    try (Vault vault = Vault.create(path, "maria", "demo owner passphrase".toCharArray(), options)) {
      for (OtpAuthUri uri : found) {
        vault.add(uri, Set.of(TAG));
      }
      vault.addMember("olga", Role.OPERATOR, Set.of(TAG), "demo operator passphrase".toCharArray());
    }
    io.out.println("2. maria (owner) stored it with the tag " + TAG + " and added olga, an operator granted "
        + TAG + ".");

    io.out.println("3. olga lists her accounts and reveals the code:");
    try (Vault vault = Vault.open(path, "olga", "demo operator passphrase".toCharArray(), options)) {
      List<VaultEntry> entries = vault.entries();
      StringWriter table = new StringWriter();
      Tables.entries(entries, new PrintWriter(table));
      table.toString().lines().forEach(line -> io.out.println("   " + line));
      io.out.println();
      for (VaultEntry entry : entries) {
        showLive(io, vault, entry);
      }
    }

    io.out.println();
    io.out.println("4. The audit trail, as maria sees it (sealed and chained; 'totp audit --verify' checks it):");
    try (Vault vault = Vault.open(path, "maria", "demo owner passphrase".toCharArray(), options)) {
      StringWriter table = new StringWriter();
      AuditCommand.print(vault, new PrintWriter(table));
      table.toString().lines().forEach(line -> io.out.println("   " + line));
      io.out.println("   audit trail intact: " + vault.verifyAudit() + " records");
    }
  }

  /** One code with its countdown; on a terminal, redrawn each second three times. */
  private static void showLive(Io io, Vault vault, VaultEntry entry) throws InterruptedException {
    RevealedCode code = vault.code(entry.id());
    io.out.print("   " + CodeLine.format(entry, code.code(), code.secondsLeft()));
    io.out.flush();
    if (io.terminal && entry.period().isPresent()) {
      Instant expires = code.at().plus(code.remaining());
      for (int i = 0; i < 3; i++) {
        Thread.sleep(1000);
        Instant now = io.clock.instant();
        if (!now.isBefore(expires)) {
          code = vault.code(entry.id());
          expires = code.at().plus(code.remaining());
          io.out.print(System.lineSeparator() + "   " + CodeLine.format(entry, code.code(), code.secondsLeft()));
        } else {
          long left = (Duration.between(now, expires).toMillis() + 999) / 1000;
          io.out.print("\r   " + CodeLine.format(entry, code.code(), left));
        }
        io.out.flush();
      }
    }
    io.out.println();
  }
}
