package io.totpkit.cli;

import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code totp code QUERY}: the current code, with a bar of the seconds left; {@code --watch} keeps it current. */
@Command(name = "code", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Shows an account's current code and the seconds it stays valid. When standard output is not a "
        + "terminal (or with --plain) it prints the code alone: code=$(totp code tiktok --plain). Every reveal is "
        + "recorded in the vault's audit trail. A QUERY that matches several accounts lists them instead."})
final class CodeCommand extends VaultCommand {
  @Parameters(paramLabel = "QUERY", description = "An entry id (or 4+ characters of it), issuer, account, "
      + "issuer:account, or a part of one.")
  String query;

  @Option(names = {"--watch", "-w"}, description = "Keep showing the current code until interrupted (Ctrl-C).")
  boolean watch;

  @Option(names = "--plain", description = "Print only the code (the default when output is not a terminal).")
  boolean plain;

  @Override
  public Integer call() {
    Io io = io();
    boolean bare = plain || !io.terminal;
    try (Vault vault = root().openVault()) {
      VaultEntry entry = Queries.one(vault.entries(), query, io);
      if (watch && entry.period().isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "--watch needs a time-based account; "
            + CodeLine.label(entry) + " is counter-based");
      }
      RevealedCode code = vault.code(entry.id());
      if (!watch) {
        io.out.println(bare ? code.code() : CodeLine.format(entry, code.code(), code.secondsLeft()));
        return ExitCodes.OK;
      }
      return watch(vault, entry, code, bare);
    }
  }

  private int watch(Vault vault, VaultEntry entry, RevealedCode first, boolean bare) {
    Io io = io();
    Thread hook = new Thread(() -> {
      // Ctrl-C: end the redrawn line so the shell prompt starts on its own.
      io.out.println();
      io.out.flush();
    });
    Runtime.getRuntime().addShutdownHook(hook);
    RevealedCode code = first;
    Instant expires = code.at().plus(code.remaining());
    io.out.print(bare ? code.code() + System.lineSeparator() : CodeLine.format(entry, code.code(), code.secondsLeft()));
    io.out.flush();
    try {
      while (true) {
        Thread.sleep(1000 - io.clock.millis() % 1000);
        Instant now = io.clock.instant();
        if (!now.isBefore(expires)) {
          code = vault.code(entry.id());
          expires = code.at().plus(code.remaining());
          io.out.print(bare ? code.code() + System.lineSeparator()
              : System.lineSeparator() + CodeLine.format(entry, code.code(), code.secondsLeft()));
        } else if (!bare) {
          long left = (Duration.between(now, expires).toMillis() + 999) / 1000;
          io.out.print("\r" + CodeLine.format(entry, code.code(), left));
        }
        io.out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it prints the newline.
      }
    }
  }
}
