package io.totpkit.cli;

import io.totpkit.core.Wipe;
import io.totpkit.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp passwd}: changes your own passphrase. */
@Command(name = "passwd", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Changes your passphrase. The new one is asked twice (or read from --new-passphrase-file or "
        + "$TOTP_NEW_PASSPHRASE; without a terminal, the line after the current one on standard input)."})
final class PasswdCommand extends VaultCommand {
  @Option(names = "--new-passphrase-file", paramLabel = "FILE",
      description = "Read the new passphrase from the first line of FILE.")
  Path newPassphraseFile;

  @Override
  public Integer call() {
    TotpCommand root = root();
    Path path = root.vaultPath();
    if (!Files.exists(path)) {
      throw new CliException(ExitCodes.USAGE, "there is no vault at " + path + "; create one with 'totp init'");
    }
    char[] current = root.passphrases().read(root.passphraseFile, "TOTP_VAULT_PASSPHRASE",
        "Current passphrase of " + root.memberName() + ": ");
    char[] check = current.clone();
    try (Vault vault = Vault.open(path, root.memberName(), current, root.options())) {
      char[] replacement = root.passphrases().readNew(newPassphraseFile, "TOTP_NEW_PASSPHRASE", "New passphrase: ");
      vault.changePassphrase(check, replacement);
      io().show("Changed the passphrase of " + root.memberName() + ".");
    } finally {
      Wipe.chars(check);
    }
    return ExitCodes.OK;
  }
}
