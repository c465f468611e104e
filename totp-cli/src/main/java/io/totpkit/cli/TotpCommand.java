package io.totpkit.cli;

import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code totp}: the command-line tool for teams that hold TOTP keys on behalf of others. Subcommands create a vault,
 * add accounts from screenshots, URIs or typed keys, show and verify codes, import and export, show enrolment QR
 * codes, manage members and read the audit trail; {@code totp demo} shows it all on a throw-away vault.
 */
@Command(name = "totp", mixinStandardHelpOptions = true, versionProvider = TotpCommand.Version.class,
    header = "One-time codes for the accounts your team holds, from an encrypted, audited vault.",
    description = {"Vault: --vault, else $TOTP_VAULT, else $XDG_CONFIG_HOME/totpkit/vault.totp "
        + "(~/.config/totpkit/vault.totp). Member: --member, else $TOTP_MEMBER, else your user name. Passphrase: "
        + "--passphrase-file (first line), else $TOTP_VAULT_PASSPHRASE, else asked on the terminal without echo, "
        + "else one line of standard input. A vault busy with another process's change is waited for "
        + "$TOTP_LOCK_TIMEOUT seconds (default 10).", ""},
    footer = ExitCodes.FOOTER,
    subcommands = {InitCommand.class, AddCommand.class, ListCommand.class, CodeCommand.class, VerifyCommand.class,
        ImportCommand.class, ExportCommand.class, QrCommand.class, MembersCommand.class, AuditCommand.class,
        PasswdCommand.class, TokensCommand.class, TagsCommand.class, ServeCommand.class, DemoCommand.class})
public final class TotpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--vault", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "The vault file (default: $TOTP_VAULT, else the config directory).")
  Path vault;

  @Option(names = "--database", paramLabel = "JDBC-URL", scope = ScopeType.INHERIT,
      description = "Use a vault kept in PostgreSQL instead of a file (jdbc:postgresql://HOST/DB?user=…; "
          + "credentials also from $PGUSER and $PGPASSWORD).")
  String database;

  @Option(names = "--database-vault", paramLabel = "NAME", scope = ScopeType.INHERIT, defaultValue = "default",
      description = "The vault's name in that database (default: ${DEFAULT-VALUE}).")
  String databaseVault;

  private VaultLocation location;

  @Option(names = "--member", paramLabel = "NAME", scope = ScopeType.INHERIT,
      description = "Who you are in the vault (default: $TOTP_MEMBER, else your user name).")
  String member;

  @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Read your passphrase from the first line of FILE.")
  Path passphraseFile;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean debug;

  @Option(names = "--fast-kdf", scope = ScopeType.INHERIT, hidden = true,
      description = "Seal new passphrases with the least Argon2id cost the vault allows (tests and demos only; "
          + "also $TOTP_FAST_KDF=1).")
  boolean fastKdf;

  final Io io;

  TotpCommand(Io io) {
    this.io = io;
  }

  /**
   * Runs the tool and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = execute(Io.system(), args);
    System.exit(status);
  }

  /** Runs one command line against {@code io} and returns the exit status; never exits the JVM. */
  static int execute(Io io, String... args) {
    TotpCommand root = new TotpCommand(io);
    CommandLine cli = new CommandLine(root);
    cli.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cli.getSubcommands().get("completion").getCommandSpec().usageMessage()
        .description("Prints a bash/zsh completion script: source <(totp completion)");
    cli.setOut(io.out).setErr(io.err);
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine failed = e.getCommandLine();
      io.report(e.getMessage() + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, failed, parsed) -> failure(e, root.debug, io));
    int status;
    try {
      status = cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands only Exceptions to the handler; an Error escapes execute().
      status = failure(e, root.debug, io);
    } finally {
      if (root.location != null) {
        root.location.close();
      }
    }
    io.out.flush();
    io.err.flush();
    return status;
  }

  /** Reports a failure as one line (and the stack trace with --debug); returns the exit status. */
  private static int failure(Throwable e, boolean debug, Io io) {
    int status = ExitCodes.of(e);
    if (debug) {
      printStackTrace(e, io);
    }
    String message = ExitCodes.message(e);
    if (status < 0) {
      // Not a failure the tool knows: still one line, with a way to learn more.
      status = ExitCodes.IO;
      message = "unexpected error: " + e.getClass().getSimpleName() + ": " + message
          + (debug ? "" : " (run with --debug for the stack trace)");
    }
    io.report(message);
    return status;
  }

  /** {@code --debug}: the stack trace, its messages rendered visibly like every other line (tabs kept). */
  private static void printStackTrace(Throwable e, Io io) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    trace.toString().lines().forEach(line -> {
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == '\t') {
        indent++;
      }
      io.err.println(line.substring(0, indent) + Io.visible(line.substring(indent)));
    });
  }

  @Override
  public void run() {
    spec.commandLine().usage(io.out);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What subcommands share

  Path vaultPath() {
    if (vault != null) {
      return vault;
    }
    String fromEnv = io.env.get("TOTP_VAULT");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    String xdg = io.env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return config.resolve("totpkit").resolve("vault.totp");
  }

  String memberName() {
    if (member != null) {
      return member;
    }
    String fromEnv = io.env.get("TOTP_MEMBER");
    return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : System.getProperty("user.name");
  }

  VaultOptions options() {
    boolean fast = fastKdf || "1".equals(io.env.get("TOTP_FAST_KDF"));
    VaultOptions.Builder builder = VaultOptions.builder().clock(io.clock);
    if (fast) {
      builder.minimumArgon2();
    }
    String wait = io.env.get("TOTP_LOCK_TIMEOUT");
    if (wait != null && !wait.isEmpty()) {
      try {
        builder.lockTimeout(Duration.ofSeconds(Long.parseLong(wait)));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, "TOTP_LOCK_TIMEOUT is a number of seconds, not '" + wait + "'");
      }
    }
    return builder.build();
  }

  Passphrases passphrases() {
    return new Passphrases(io);
  }

  /** Where the vault is: the file, or the database given with --database (its pool closed when the command ends). */
  VaultLocation location() {
    if (location == null) {
      location = database != null ? VaultLocation.database(database, databaseVault, 16)
          : VaultLocation.file(vaultPath());
    }
    return location;
  }

  /** Opens the vault as the member, asking for the passphrase; a missing vault is a usage error. */
  Vault openVault() {
    VaultLocation where = location();
    if (!where.exists()) {
      throw new CliException(ExitCodes.USAGE, "there is no vault at " + where + "; create one with 'totp init' "
          + "(or point --vault or TOTP_VAULT at yours)");
    }
    String name = memberName();
    char[] passphrase = passphrases().read(passphraseFile, "--passphrase-file", "TOTP_VAULT_PASSPHRASE",
        "Passphrase of " + name + " for " + where + ": ");
    return Vault.open(where.store(), name, passphrase, options());
  }

  /** {@code totp --version}: the project version, filtered into a resource at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = TotpCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"totp " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
