package io.totpkit.cli;

import io.totpkit.core.Wipe;
import io.totpkit.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code totp passwd}: changes your own passphrase. */
@Command(name = "passwd", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Changes your own passphrase (an OWNER's; an operator's is set by an owner with 'totp members "
        + "passwd NAME'), with a new key pair and every key rotated. The new one is asked twice (or read from --new-passphrase-file or "
        + "$TOTP_NEW_PASSPHRASE; without a terminal, the line after the current one on standard input)."})
final class PasswdCommand extends VaultCommand {
  @Mixin NewPassphrase newPassphrase;

  @Override
  public Integer call() {
    TotpCommand root = root();
    VaultLocation where = root.location();
    if (!where.exists()) {
      throw new CliException(ExitCodes.USAGE, "there is no vault at " + where + "; create one with 'totp init'");
    }
    char[] current = root.passphrases().read(root.passphraseFile, "--passphrase-file", "TOTP_VAULT_PASSPHRASE",
        "Current passphrase of " + root.memberName() + ": ");
    char[] check = current.clone();
    try (Vault vault = Vault.open(where.store(), root.memberName(), current, root.options())) {
      char[] replacement = newPassphrase.read(root, "New passphrase: ");
      vault.changePassphrase(check, replacement);
      io().show("Changed the passphrase of " + root.memberName() + ".");
    } finally {
      Wipe.chars(check);
    }
    return ExitCodes.OK;
  }
}
