package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Totp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as a separate process, as a shell starts it: passphrases and keys on standard input, real exit statuses,
 * Ctrl-C (SIGINT) during {@code --watch}, file modes under the user's umask, a heap too small. A handful of launches;
 * everything else runs in-process in {@link TotpCommandTest}.
 */
@Timeout(120)
class CliProcessTest {
  static final String GITHUB = TotpCommandTest.GITHUB;

  @TempDir Path dir;

  private ProcessBuilder totp(String... args) {
    return totp(List.of(), args);
  }

  /** The tool in a child JVM started with {@code jvmOptions} (such as {@code -Xmx24m}). */
  private ProcessBuilder totp(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TotpCommand.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("TOTP_VAULT_PASSPHRASE");
    builder.environment().remove("TOTP_NEW_PASSPHRASE");
    builder.environment().put("TOTP_VAULT", dir.resolve("vault.totp").toString());
    builder.environment().put("TOTP_MEMBER", "maria");
    builder.environment().put("TOTP_FAST_KDF", "1");
    return builder;
  }

  /** Runs to completion with {@code stdin} as standard input. */
  private static Cli.Result run(ProcessBuilder builder, String stdin) throws IOException, InterruptedException {
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Cli.Result(process.exitValue(), out, err);
  }

  @Test
  void passphraseOnStandardInput_initAddCode_thenWrongPassphraseIsStatus3() throws Exception {
    Cli.Result init = run(totp("init"), "owner passphrase\n");
    assertThat(init.status).as(init.toString()).isZero();
    Cli.Result add = run(totp("add", "--uri", GITHUB, "--tag", "client-a"), "owner passphrase\n");
    assertThat(add.status).as(add.toString()).isZero();

    Totp expected = OtpAuthUri.parse(GITHUB).toTotp();
    Instant before = Instant.now();
    Cli.Result code = run(totp("code", "github"), "owner passphrase\n");
    Instant after = Instant.now();
    assertThat(code.status).as(code.toString()).isZero();
    // Not a terminal: the code alone, from one of the steps the process ran in.
    assertThat(code.out.strip()).isIn(expected.generate(before), expected.generate(after));

    Cli.Result wrong = run(totp("list"), "not the passphrase\n");
    assertThat(wrong.status).isEqualTo(3);
    assertThat(wrong.err).isEqualTo("totp: wrong passphrase for member 'maria'\n");
    assertThat(wrong.out).isEmpty();
  }

  @Test
  void missingVaultAndUnknownOption_oneLineNoStackTrace() throws Exception {
    Cli.Result missing = run(totp("list"), "");
    assertThat(missing.status).isEqualTo(2);
    assertThat(missing.err).startsWith("totp: there is no vault at ").contains("totp init").hasLineCount(1);

    Cli.Result unknown = run(totp("list", "--frobnicate"), "");
    assertThat(unknown.status).isEqualTo(2);
    assertThat(unknown.err).isEqualTo("totp: Unknown option: '--frobnicate' (see 'totp list --help')\n");
  }

  @Test
  void watch_interruptedBySigint_exits130WithoutStackTrace() throws Exception {
    Cli setup = new Cli(dir, Clock.systemUTC());
    assertThat(setup.run("init").status).isZero();
    assertThat(setup.run("add", "--uri", GITHUB).status).isZero();

    ProcessBuilder builder = totp("code", "github", "--watch");
    builder.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String first = out.readLine();
    assertThat(first).matches("\\d{6}");

    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(130);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void vaultLockedByAnotherProcess_status5() throws Exception {
    Cli setup = new Cli(dir, Clock.systemUTC());
    assertThat(setup.run("init").status).isZero();
    Path lockFile = dir.resolve("vault.totp.lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      ProcessBuilder builder = totp("list");
      builder.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
      builder.environment().put("TOTP_LOCK_TIMEOUT", "1");
      Cli.Result busy = run(builder, "");
      assertThat(busy.status).as(busy.toString()).isEqualTo(5);
      assertThat(busy.err).startsWith("totp: ").hasLineCount(1);
    }
  }

  /**
   * On a terminal (a pseudo-terminal from util-linux {@code script}): {@code init} asks twice and refuses a mismatch;
   * {@code add} asks before replacing a duplicate. Skipped where {@code script} is missing.
   */
  @Test
  void onATerminal_initAsksTwiceAndAddAsksBeforeReplacing() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs /usr/bin/script");
    Cli.Result mismatch = run(onTerminal(totp("init")), "one passphrase\nanother one\n");
    assertThat(mismatch.status).as(mismatch.toString()).isEqualTo(2);
    assertThat(mismatch.out).contains("Repeat it:").contains("totp: the passphrases do not match");
    assertThat(Files.exists(dir.resolve("vault.totp"))).isFalse();

    Cli.Result init = run(onTerminal(totp("init")), "owner passphrase\nowner passphrase\n");
    assertThat(init.status).as(init.toString()).isZero();

    Cli setup = new Cli(dir, Clock.systemUTC());
    assertThat(setup.run("add", "--uri", GITHUB).status).isZero();
    ProcessBuilder replace = onTerminal(totp("add", "--uri", GITHUB.replace("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ")));
    replace.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Cli.Result replaced = run(replace, "y\n");
    assertThat(replaced.status).as(replaced.toString()).isZero();
    assertThat(replaced.out).contains("Replace? [y/N]").contains("Replaced");
  }

  /**
   * Under {@code umask 022}, as most users' shells run, plain files come out {@code 0644}: readable by every user of
   * the machine. The vault's files and every plaintext export must still be the owner's alone.
   */
  @Test
  void underUmask022_vaultFilesExportsAndConfigDirectoryAreOwnerOnly() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX");
    Cli.Result control = run(umask022(new ProcessBuilder("touch", dir.resolve("control").toString())), "");
    assertThat(control.status).isZero();
    assertThat(mode(dir.resolve("control"))).as("umask 022 in effect").isEqualTo("rw-r--r--");

    Path xdg = dir.resolve("xdg");
    Path out = Files.writeString(dir.resolve("accounts.txt"), "an older file, 0644");
    for (String[] command : List.of(new String[] {"init"}, new String[] {"add", "--uri", GITHUB},
        new String[] {"add", "--uri", TotpCommandTest.SLACK}, new String[] {"export", "--out", out.toString()},
        new String[] {"export", "-f", "aegis", "--out", dir.resolve("aegis.json").toString()},
        new String[] {"export", "-f", "qr", "--out", dir.resolve("qr").toString()},
        new String[] {"qr", "github", "--png", dir.resolve("github.png").toString()})) {
      ProcessBuilder builder = umask022(totp(command));
      builder.environment().remove("TOTP_VAULT");
      builder.environment().put("XDG_CONFIG_HOME", xdg.toString());
      builder.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
      Cli.Result result = run(builder, "");
      assertThat(result.status).as(result.toString()).isZero();
    }
    Path vault = xdg.resolve("totpkit").resolve("vault.totp");
    assertThat(mode(xdg.resolve("totpkit"))).as("config directory").isEqualTo("rwx------");
    for (String suffix : List.of("", ".audit", ".lock", ".bak")) {
      assertThat(mode(Path.of(vault + suffix))).as("vault.totp" + suffix).isEqualTo("rw-------");
    }
    assertThat(mode(dir.resolve("qr"))).as("qr directory").isEqualTo("rwx------");
    List<Path> exports = new ArrayList<>(List.of(out, dir.resolve("aegis.json"), dir.resolve("github.png")));
    try (var pngs = Files.list(dir.resolve("qr"))) {
      pngs.forEach(exports::add);
    }
    assertThat(exports).hasSize(5);
    assertThat(exports).allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
  }

  private static ProcessBuilder umask022(ProcessBuilder builder) {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 022; exec \"$@\"", "sh"));
    command.addAll(builder.command());
    return builder.command(command);
  }

  private static String mode(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code printf 'KEY\npassphrase\n' | totp add --key -}: the key is no argument, so {@code ps} cannot show it. */
  @Test
  void keyAndImportThroughAPipe_readFromStandardInput() throws Exception {
    assertThat(run(totp("init"), "owner passphrase\n").status).isZero();
    ProcessBuilder add = totp("add", "--key", "-", "--issuer", "GitHub", "--account", "acme-ops");
    Cli.Result added = run(add, "JBSWY3DPEHPK3PXP\nowner passphrase\n");
    assertThat(added.status).as(added.toString()).isZero();
    assertThat(added.out).contains("Found GitHub (acme-ops)").doesNotContain("JBSWY3DPEHPK3PXP");
    assertThat(add.command()).noneMatch(argument -> argument.contains("JBSWY3DPEHPK3PXP"));

    Cli.Result imported = run(totp("import", "-"), "owner passphrase\n" + TotpCommandTest.SLACK + "\n");
    assertThat(imported.status).as(imported.toString()).isZero();
    assertThat(imported.out).isEqualTo("standard input (otpauth list): 1 imported, 0 skipped\n");

    byte[] noise = new byte[100_000];
    new SplittableRandom(7).nextBytes(noise);
    Path garbage = Files.write(dir.resolve("g.bin"), noise);
    Cli.Result refused = run(totp("import", garbage.toString()), "owner passphrase\n");
    assertThat(refused.status).isEqualTo(2);
    assertThat(refused.err).startsWith("totp: g.bin: the file is binary data of no known kind").hasLineCount(1);
  }

  /** Argon2id at the vault's default 64 MiB in a 24 MiB heap: the OutOfMemoryError is one line and status 5. */
  @Test
  void outOfMemory_oneLineStatus5() throws Exception {
    ProcessBuilder builder = totp(List.of("-Xmx24m"), "init");
    builder.environment().remove("TOTP_FAST_KDF");
    builder.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Cli.Result result = run(builder, "");
    assertThat(result.status).as(result.toString()).isEqualTo(5);
    assertThat(result.err).startsWith("totp: not enough memory for this command").hasLineCount(1);
  }

  /**
   * On a terminal, {@code --key -} asks for the key and reads it without echo: the answer is typed only once the
   * prompt shows (so echo is already off), and the transcript never holds it. Skipped where {@code script} is missing.
   */
  @Test
  void onATerminal_keyIsAskedForWithoutEcho() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs /usr/bin/script");
    assertThat(run(totp("init"), "owner passphrase\n").status).isZero();
    ProcessBuilder add = onTerminal(totp("add", "--key", "-", "--issuer", "GitHub", "--account", "ops"));
    add.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Process process = add.redirectErrorStream(true).start();
    InputStream out = process.getInputStream();
    StringBuilder transcript = new StringBuilder();
    String prompt = "Setup key of GitHub (ops) (not shown): ";
    while (transcript.indexOf(prompt) < 0) {
      int c = out.read();
      assertThat(c).as("the prompt, in: %s", transcript).isNotNegative();
      transcript.append((char) c);
    }
    try (OutputStream in = process.getOutputStream()) {
      in.write("JBSWY3DPEHPK3PXP\n".getBytes(StandardCharsets.UTF_8));
    }
    transcript.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(transcript.toString()).isZero();
    assertThat(transcript).contains("Found GitHub (ops)").doesNotContain("JBSWY3DPEHPK3PXP");
  }

  /** The "Replace?" question quotes a name from the QR code: shown escaped there too. */
  @Test
  void onATerminal_replaceQuestionShowsTheNameEscaped() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs /usr/bin/script");
    Cli setup = new Cli(dir, Clock.systemUTC());
    assertThat(setup.run("init").status).isZero();
    String evil = TerminalEscapeTest.evil().toUriString();
    assertThat(setup.run("add", "--uri", evil).status).isZero();
    ProcessBuilder replace = onTerminal(totp("add", "--uri", evil));
    replace.environment().put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Cli.Result answered = run(replace, "n\n");
    assertThat(answered.status).as(answered.toString()).isEqualTo(2);
    assertThat(answered.out).contains(TerminalEscapeTest.SHOWN_LABEL + " is already in the vault (")
        .contains("Replace? [y/N]").doesNotContain("\u001b").doesNotContain("\u202e");
  }

  /** Runs the command inside {@code script}, so that it has a terminal; {@code -e} passes on its exit status. */
  private static ProcessBuilder onTerminal(ProcessBuilder builder) {
    StringBuilder command = new StringBuilder();
    for (String part : builder.command()) {
      command.append(" '").append(part.replace("'", "'\\''")).append('\'');
    }
    return builder.command("/usr/bin/script", "-qec", command.toString().strip(), "/dev/null");
  }
}
