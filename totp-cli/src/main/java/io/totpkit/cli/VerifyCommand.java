package io.totpkit.cli;

import io.totpkit.core.Verification;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code totp verify QUERY CODE}: exit status 0 when the code is current (±1 step), 1 when not. */
@Command(name = "verify", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Checks a code someone read out to you against an account, allowing one 30-second step of clock "
        + "drift either way. Prints 'accepted (offset N)' and exits 0, or 'rejected' and exits 1. A check, not a "
        + "login: the same code passes again. Recorded in the audit trail."})
final class VerifyCommand extends VaultCommand {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The account, as for 'totp code'.")
  String query;

  @Parameters(index = "1", paramLabel = "CODE", description = "Exactly the account's number of digits.")
  String code;

  @Override
  public Integer call() {
    try (Vault vault = root().openVault()) {
      VaultEntry entry = Queries.one(vault.entries(), query, io());
      Verification result = vault.verify(entry.id(), code);
      switch (result.status()) {
        case ACCEPTED:
          int offset = result.offset().orElse(0);
          io().out.println("accepted (offset " + (offset > 0 ? "+" : "") + offset + ")");
          return ExitCodes.OK;
        case MALFORMED:
          throw new CliException(ExitCodes.USAGE, "CODE is not a " + entry.parameters().digits()
              + "-digit code (nothing is trimmed: type the digits only)");
        default:
          io().out.println("rejected");
          return ExitCodes.NO;
      }
    }
  }
}
