package io.totpkit.cli;

import io.totpkit.server.ApiTokens;
import io.totpkit.vault.Member;
import io.totpkit.vault.Vault;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code totp tokens create|list|revoke}: bearer tokens with which automation asks the code server for codes. */
@Command(name = "tokens", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Manages the code server's bearer tokens. A token is a vault member 'token:NAME' with the "
        + "operator role: it lists and reveals the codes of accounts carrying a tag it was granted, nothing else. "
        + "OWNER only."},
    subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say create, list or revoke");
  }

  @Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Creates a token and prints it once: it is stored nowhere, only a key sealed under it. Send "
          + "it as 'Authorization: Bearer TOKEN'."})
  static final class Create extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The token's name: 1 to 40 of a-z, 0-9 and '-'.")
    String name;

    @Option(names = "--grant", paramLabel = "TAG", split = ",", required = true,
        description = "A tag whose accounts the token may use; repeatable.")
    List<String> grants = new ArrayList<>();

    @Option(names = "--can-add", description = "The token may also add accounts (POST /api/v1/accounts), each "
        + "under granted tags only.")
    boolean canAdd;

    @Override
    public Integer call() {
      try (Vault vault = root().openVault()) {
        String token = ApiTokens.create(vault, name, new LinkedHashSet<>(grants), canAdd);
        io().show("Created the token " + name + " with access to " + String.join(", ", grants)
            + ". It is shown this once:");
        io().out.println(token);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Lists the tokens and their granted tags (never the tokens themselves)."})
  static final class ListTokens extends VaultCommand {
    @Override
    public Integer call() {
      try (Vault vault = root().openVault()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "MAY ADD", "GRANTED TAGS", "CREATED"});
        for (Member m : ApiTokens.list(vault)) {
          rows.add(new String[] {m.name().substring(ApiTokens.MEMBER_PREFIX.length()),
              m.role() == io.totpkit.vault.Role.CONTRIBUTOR ? "yes" : "no",
              String.join(",", m.grantedTags()),
              DateTimeFormatter.ISO_INSTANT.format(m.addedAt().truncatedTo(ChronoUnit.SECONDS))});
        }
        Tables.print(rows, io().out);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Revokes a token: removes its member and rotates every key it held. A running server refuses "
          + "it from its next request on."})
  static final class Revoke extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    public Integer call() {
      try (Vault vault = root().openVault()) {
        ApiTokens.revoke(vault, name);
        io().show("Revoked the token " + name + "; the keys it held were rotated.");
      }
      return ExitCodes.OK;
    }
  }
}
