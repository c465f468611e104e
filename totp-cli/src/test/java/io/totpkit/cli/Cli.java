package io.totpkit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the tool in-process against a vault in a test directory, with the least Argon2 cost and a given clock. */
final class Cli {
  final Map<String, String> env = new HashMap<>();
  final Path vault;
  Clock clock;
  boolean terminal;

  Cli(Path dir, Clock clock) {
    this.vault = dir.resolve("vault.totp");
    this.clock = clock;
    env.put("TOTP_VAULT", vault.toString());
    env.put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    env.put("TOTP_MEMBER", "maria");
    env.put("TOTP_FAST_KDF", "1");
  }

  /** The outcome of one command line. */
  static final class Result {
    final int status;
    final String out;
    final String err;

    Result(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  Result runWithInput(String stdin, String... args) {
    return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  Result runWithInput(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(stdin),
        new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8),
        env, clock, null, terminal);
    int status = TotpCommand.execute(io, args);
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Cli as(String member, String passphrase) {
    env.put("TOTP_MEMBER", member);
    env.put("TOTP_VAULT_PASSPHRASE", passphrase);
    return this;
  }
}
