package io.totpkit.cli;

import io.totpkit.server.ApiTokens;
import io.totpkit.vault.Member;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code totp members add|change|passwd|remove|list}: who may use the vault, and for which tags. OWNER only. */
@Command(name = "members", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Manages the vault's members. An OWNER may do everything; an OPERATOR may list and reveal the "
        + "codes of accounts carrying a tag they were granted, nothing else. OWNER only."},
    subcommands = {MembersCommand.Add.class, MembersCommand.Change.class, MembersCommand.Passwd.class,
        MembersCommand.Remove.class, MembersCommand.ListMembers.class})
final class MembersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "say add, change, passwd, remove or list");
  }

  /** The {@code --role} and {@code --grant} options of {@code add} and {@code change}. */
  static final class Access {
    @Option(names = "--role", paramLabel = "ROLE", required = true,
        description = "owner, operator, or contributor (an operator who may also add accounts under granted tags).")
    String role;

    @Option(names = "--grant", paramLabel = "TAG", split = ",",
        description = "For an operator: a tag whose accounts they may use; repeatable. Replaces their grants.")
    List<String> grants = new ArrayList<>();

    /** The role; an OPERATOR needs at least one grant. */
    Role role() {
      Role parsed;
      if (role.equalsIgnoreCase("owner")) {
        parsed = Role.OWNER;
      } else if (role.equalsIgnoreCase("operator")) {
        parsed = Role.OPERATOR;
      } else if (role.equalsIgnoreCase("contributor")) {
        parsed = Role.CONTRIBUTOR;
      } else {
        throw new CliException(ExitCodes.USAGE, "--role is owner, operator or contributor, not '" + role + "'");
      }
      if (parsed != Role.OWNER && grants.isEmpty()) {
        throw new CliException(ExitCodes.USAGE, "an " + parsed.name().toLowerCase(Locale.ROOT) + " needs at least "
            + "one --grant TAG to see any account");
      }
      return parsed;
    }

    Set<String> tags() {
      return new LinkedHashSet<>(grants);
    }

    /** How the access reads in messages. */
    String describe() {
      Role parsed = role();
      return parsed.name().toLowerCase(Locale.ROOT) + (parsed != Role.OWNER ? " with access to "
          + String.join(", ", tags()) : "");
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Adds a member. Their passphrase is asked twice (or read from --new-passphrase-file or "
          + "$TOTP_NEW_PASSPHRASE; without a terminal, the line after yours on standard input)."})
  static final class Add extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The new member's name.")
    String name;

    @Mixin Access access;

    @Mixin NewPassphrase newPassphrase;

    @Override
    public Integer call() {
      Role role = access.role();
      if (ApiTokens.isToken(name)) {
        throw new CliException(ExitCodes.USAGE, "names starting with '" + ApiTokens.MEMBER_PREFIX + "' are the code "
            + "server's tokens: create one with 'totp tokens create'");
      }
      TotpCommand root = root();
      try (Vault vault = root.openVault()) {
        char[] passphrase = newPassphrase.read(root, "Passphrase for " + name + ": ");
        vault.addMember(name, role, access.tags(), passphrase);
        io().show("Added " + name + " as " + access.describe());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "change", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Sets a member's role and granted tags. Keys the member loses (a tag taken away, or the OWNER "
          + "keys when an owner becomes an operator) are rotated, so nothing they kept opens what is written "
          + "afterwards."})
  static final class Change extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The member.")
    String name;

    @Mixin Access access;

    @Override
    public Integer call() {
      Role role = access.role();
      try (Vault vault = root().openVault()) {
        vault.changeMember(name, role, access.tags());
        io().show("Changed " + name + " to " + access.describe());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Sets a member's passphrase (asked twice, or read from --new-passphrase-file or "
          + "$TOTP_NEW_PASSPHRASE) with a new key pair, and rotates every key they held: their old passphrase "
          + "then opens only copies of the vault taken before. This is how an operator's passphrase is changed."})
  static final class Passwd extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The member.")
    String name;

    @Mixin NewPassphrase newPassphrase;

    @Override
    public Integer call() {
      TotpCommand root = root();
      try (Vault vault = root.openVault()) {
        char[] passphrase = newPassphrase.read(root, "New passphrase for " + name + ": ");
        vault.setPassphrase(name, passphrase);
        io().show("Set the passphrase of " + name + "; the keys they held were rotated.");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Removes a member and rotates the vault's keys, so nothing they kept opens what is written "
          + "afterwards. Codes they saw stay seen: rotate those keys at the services if that matters."})
  static final class Remove extends VaultCommand {
    @Parameters(paramLabel = "NAME", description = "The member to remove.")
    String name;

    @Override
    public Integer call() {
      try (Vault vault = root().openVault()) {
        vault.removeMember(name);
        io().show("Removed " + name + "; the vault's keys were rotated.");
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
      description = {"Lists the members, their roles and granted tags."})
  static final class ListMembers extends VaultCommand {
    @Override
    public Integer call() {
      try (Vault vault = root().openVault()) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ROLE", "GRANTED TAGS", "ADDED"});
        for (Member m : vault.members()) {
          rows.add(new String[] {m.name(), m.role().name().toLowerCase(Locale.ROOT),
              m.role() == Role.OWNER ? "(all)" : String.join(",", m.grantedTags()),
              DateTimeFormatter.ISO_INSTANT.format(m.addedAt().truncatedTo(ChronoUnit.SECONDS))});
        }
        Tables.print(rows, io().out);
      }
      return ExitCodes.OK;
    }
  }
}
