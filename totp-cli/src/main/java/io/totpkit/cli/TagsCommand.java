package io.totpkit.cli;

import io.totpkit.server.TagPolicy;
import io.totpkit.vault.Vault;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code totp tags set|list}: what the code server asks of each reveal of a tag's accounts. */
@Command(name = "tags", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Sets the code server's policy per tag: whether a reveal needs a reason, and a webhook that "
        + "receives a signed event of every reveal. OWNER only."},
    subcommands = {TagsCommand.Set.class, TagsCommand.ListPolicies.class})
final class TagsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say set or list");
  }

  @Command(name = "set", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Sets a tag's policy (replacing the one before). A new webhook URL gets a new signing secret, "
          + "printed once: the receiver checks each event's X-Totpkit-Signature with it."})
  static final class Set extends VaultCommand {
    @Parameters(paramLabel = "TAG", description = "The tag.")
    String tag;

    @Option(names = "--require-reason", description = "Each reveal of an account with this tag must give a reason.")
    boolean requireReason;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST a signed JSON event of each reveal here.")
    String webhook;

    @Override
    public Integer call() {
      TagPolicy policy;
      try {
        policy = TagPolicy.of(requireReason, webhook == null ? null : new URI(webhook));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, "--webhook takes an absolute http:// or https:// URL");
      }
      TotpCommand root = root();
      try (Vault vault = root.openVault()) {
        if (vault.role() != io.totpkit.vault.Role.OWNER) {
          throw new CliException(ExitCodes.AUTH, "member '" + vault.member() + "' is not an OWNER: only an OWNER "
              + "sets the code server's tag policies");
        }
        Optional<String> secret = root.location().serverState().setTagPolicy(vault, tag, policy);
        io().show("Set the policy of " + tag + ": reason " + (requireReason ? "required" : "optional")
            + (webhook == null ? ", no webhook." : ", webhook " + webhook + "."));
        if (secret.isPresent()) {
          io().out.println("Webhook signing secret (shown once): " + secret.get());
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Lists the tags that have a policy."})
  static final class ListPolicies extends VaultCommand {
    @Override
    public Integer call() {
      TotpCommand root = root();
      try (Vault vault = root.openVault()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TAG", "REASON", "WEBHOOK"});
        for (Map.Entry<String, TagPolicy> e : root.location().serverState().tagPolicies().entrySet()) {
          rows.add(new String[] {e.getKey(), e.getValue().reasonRequired() ? "required" : "optional",
              e.getValue().webhook().map(URI::toString).orElse("-")});
        }
        Tables.print(rows, io().out);
      }
      return ExitCodes.OK;
    }
  }
}
