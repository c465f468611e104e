package io.totpkit.cli;

import io.totpkit.server.CodeServer;
import io.totpkit.server.ServerTls;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp serve}: the code server, in front of the vault (or a throw-away demo vault). */
@Command(name = "serve", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Serves the code server's JSON API (see the README's 'Run the code server'): staff sign in with "
        + "their member name, passphrase and their own TOTP; automation sends a token from 'totp tokens create'. "
        + "Every reveal is audited before its code is answered. The server holds no key of its own: a member's keys "
        + "are in memory while they are signed in, a token's while it is in use. Stop it with Ctrl-C.",
        "Loopback only unless TLS is given (--tls-cert and --tls-key as PEM, or --tls-cert as a PKCS#12 file with "
            + "its password in $TOTP_TLS_PASSWORD or --tls-password-file), or --behind-proxy."})
final class ServeCommand extends VaultCommand {
  @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1:8080",
      description = "HOST:PORT, [IPV6]:PORT or PORT (default ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "The certificate chain (PEM), or a PKCS#12 file.")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "The private key (PEM, unencrypted PKCS#8).")
  Path tlsKey;

  @Option(names = "--tls-password-file", paramLabel = "FILE",
      description = "The PKCS#12 file's password, first line (else $TOTP_TLS_PASSWORD, else asked).")
  Path tlsPasswordFile;

  @Option(names = "--behind-proxy", description = "A reverse proxy on this machine terminates TLS: allow a "
      + "non-loopback address without TLS, trust X-Forwarded-For from loopback only.")
  boolean behindProxy;

  @Option(names = "--demo", description = "Serve a throw-away vault with sample accounts and print how to sign in.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    ServerTls tls = tls();
    TotpCommand root = root();
    if (demo) {
      return ServeDemo.run(io(), root, listen, tls, behindProxy);
    }
    VaultLocation where = root.location();
    if (!where.exists()) {
      throw new CliException(ExitCodes.USAGE, "there is no vault at " + where + "; create one with 'totp init', "
          + "or try 'totp serve --demo'");
    }
    CodeServer.Builder builder = CodeServer.builder(where.store(), where.serverState()).listen(listen)
        .behindProxy(behindProxy).vaultOptions(root.options());
    if (tls != null) {
      builder.tls(tls);
    }
    try (CodeServer server = builder.start()) {
      io().show("Serving " + where + " on " + server.uri() + " (Ctrl-C stops it)");
      io().out.flush();
      return waitForStop(server, () -> { });
    }
  }

  /**
   * Serves until the process is interrupted (Ctrl-C runs the shutdown hook; a test interrupts the thread), then runs
   * {@code cleanUp} once the server is closed: in the hook itself, because the JVM does not wait for this thread.
   */
  static int waitForStop(CodeServer server, Runnable cleanUp) {
    Thread serving = Thread.currentThread();
    Thread hook = new Thread(() -> {
      server.close();
      cleanUp.run();
      serving.interrupt();
    }, "totp-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      server.join();
      return ExitCodes.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it closes the server.
      }
    }
  }

  private ServerTls tls() {
    if (tlsCert == null) {
      if (tlsKey != null) {
        throw new CliException(ExitCodes.USAGE, "--tls-key needs --tls-cert");
      }
      return null;
    }
    if (tlsKey != null) {
      return ServerTls.pem(tlsCert, tlsKey);
    }
    String name = tlsCert.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (!(name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12"))) {
      throw new CliException(ExitCodes.USAGE, "--tls-cert without --tls-key must be a PKCS#12 file (.p12, .pfx); "
          + "for PEM give both --tls-cert and --tls-key");
    }
    char[] password = root().passphrases().read(tlsPasswordFile, "--tls-password-file", "TOTP_TLS_PASSWORD",
        "Password of " + tlsCert + ": ");
    return ServerTls.pkcs12(tlsCert, password);
  }
}
