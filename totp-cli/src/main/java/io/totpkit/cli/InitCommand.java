package io.totpkit.cli;

import io.totpkit.vault.SecretFiles;
import io.totpkit.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp init}: creates a vault whose one member, the OWNER, is you. */
@Command(name = "init", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Creates a new vault with you as its OWNER. The passphrase is asked twice without echo (or read "
        + "from --passphrase-file or $TOTP_VAULT_PASSPHRASE). Nobody can recover a forgotten passphrase."})
final class InitCommand extends VaultCommand {
  @Option(names = "--owner", paramLabel = "NAME", description = "The owner's member name (default: --member, "
      + "$TOTP_MEMBER or your user name).")
  String owner;

  @Override
  public Integer call() throws IOException {
    TotpCommand root = root();
    VaultLocation where = root.location();
    Path path = where.path();
    if (path != null && Files.exists(path)) {
      throw new CliException(ExitCodes.USAGE, "a file already exists at " + path + "; nothing was changed");
    }
    String name = owner != null ? owner : root.memberName();
    char[] passphrase = root.passphrases().readNew(root.passphraseFile, "--passphrase-file", "TOTP_VAULT_PASSPHRASE",
        "New passphrase for " + name + ": ");
    Path parent = path == null ? null : path.toAbsolutePath().getParent();
    if (parent != null) {
      // ~/.config/totpkit, or wherever --vault points: made for the owner alone (0700) when it is missing
      SecretFiles.createDirectories(parent);
    }
    try (Vault vault = Vault.create(where.store(), name, passphrase, root.options())) {
      io().show("Created the vault " + where + " with " + name + " as its owner.");
    }
    return ExitCodes.OK;
  }
}
