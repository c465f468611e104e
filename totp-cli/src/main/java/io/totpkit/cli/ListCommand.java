package io.totpkit.cli;

import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp list}: the accounts you may use, as a table; no secrets. */
@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Lists the accounts you may use (an OPERATOR sees those with a granted tag). No secrets."})
final class ListCommand extends VaultCommand {
  @Option(names = {"--tag", "-t"}, paramLabel = "TAG", description = "Only accounts with this tag.")
  String tag;

  @Override
  public Integer call() {
    try (Vault vault = root().openVault()) {
      List<VaultEntry> entries = tag == null ? vault.entries() : vault.findByTag(tag);
      if (entries.isEmpty()) {
        io().report(tag == null ? "the vault has no accounts you may use; add one with 'totp add'"
            : "no accounts with the tag '" + tag + "'");
        return ExitCodes.OK;
      }
      Tables.entries(entries, io().out);
    }
    return ExitCodes.OK;
  }
}
