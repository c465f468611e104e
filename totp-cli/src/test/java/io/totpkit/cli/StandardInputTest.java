package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.testing.KnownSecret;
import org.junit.jupiter.api.Test;

/**
 * A key on the command line shows in {@code ps} to every user of the machine: {@code --key -} and {@code --uri -} read
 * it from standard input instead (the terminal, without echo, is covered in {@link CliProcessTest}), and
 * {@code import -} reads a whole import from there.
 */

class StandardInputTest extends WithVault {
  private static final String SLACK = TotpCommandTest.SLACK;

  private Cli.Result ok(String stdin, String... args) {
    Cli.Result result = cli.runWithInput(stdin, args);
    assertThat(result.status).as(result.toString()).isZero();
    KnownSecret.assertNoSecretIn(String.join(" ", args), result.out + result.err);
    assertThat(result.out + result.err).doesNotContain("JBSWY3DPEHPK3PXP");
    return result;
  }

  @Test
  void addKey_dash_readsTheKeyFromStandardInput() {
    assertThat(ok("jbsw y3dp ehpk 3pxp\n", "add", "--key", "-", "--issuer", "GitHub", "--account", "acme-ops").out)
        .contains("Found GitHub (acme-ops): TOTP, SHA1, 6 digits, 30 s").contains("Added ");
    assertThat(cli.run("code", "acme-ops").out).isEqualTo("528064\n");
  }

  @Test
  void addKey_dashAndPassphraseBothOnStandardInput_keyFirstThenPassphrase() {
    cli.env.remove("TOTP_VAULT_PASSPHRASE");
    ok("JBSWY3DPEHPK3PXP\r\nowner passphrase\r\n", "add", "--key", "-", "--issuer", "GitHub", "--account", "ops");
    assertThat(cli.runWithInput("owner passphrase\n", "code", "ops").out).isEqualTo("528064\n");
  }

  @Test
  void addUri_dash_readsTheUriFromStandardInput() {
    assertThat(ok(TotpCommandTest.GITHUB + "\n", "add", "--uri", "-").out).contains("Found GitHub (acme-ops)");
    assertThat(cli.run("code", "github").out).isEqualTo("528064\n");
  }

  @Test
  void addKeyOrUri_dashWithNothingOnStandardInput_status2() {
    Cli.Result key = cli.runWithInput("", "add", "--key", "-", "--account", "x");
    assertThat(key.status).isEqualTo(2);
    assertThat(key.err).isEqualTo("totp: no key on standard input: type or pipe one line, or give the key after "
        + "--key\n");
    Cli.Result uri = cli.runWithInput("\n", "add", "--uri", "-");
    assertThat(uri.status).isEqualTo(2);
    assertThat(uri.err).startsWith("totp: no URI on standard input");
  }

  @Test
  void addKey_dashWithoutAccount_refusedBeforeReadingTheKey() {
    Cli.Result result = cli.runWithInput("JBSWY3DPEHPK3PXP\n", "add", "--key", "-");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.err).contains("--key needs --account");
  }

  @Test
  void help_add_saysToPreferDash() {
    assertThat(cli.run("add", "--help").out.replaceAll("\\s+", " "))
        .contains("or - (preferred) to read it from standard input").contains("shows in 'ps'");
  }

  @Test
  void import_dash_readsTheListFromStandardInput() {
    assertThat(ok(TotpCommandTest.GITHUB + "\n" + SLACK + "\n", "import", "-").out)
        .isEqualTo("standard input (otpauth list): 2 imported, 0 skipped\n");
  }

  @Test
  void import_devStdin_readsStandardInputToo() {
    assertThat(ok(SLACK + "\n", "import", "/dev/stdin", "--tag", "piped").out)
        .isEqualTo("standard input (otpauth list): 1 imported, 0 skipped\n");
    assertThat(cli.run("list", "--tag", "piped").out).contains("Slack");
  }

  @Test
  void import_dashAfterThePassphraseLine_readsTheRest() {
    cli.env.remove("TOTP_VAULT_PASSPHRASE");
    assertThat(ok("owner passphrase\n" + SLACK + "\n", "import", "-").out).contains("1 imported");
  }

  @Test
  void import_screenshotOnStandardInput_readAsAnImage() {
    byte[] png = QrCodes.png(OtpAuthUri.parse(SLACK), QrOptions.defaults());
    Cli.Result result = cli.runWithInput(png, "import", "-");
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.out).isEqualTo("standard input (screenshot): 1 imported, 0 skipped\n");
  }

  @Test
  void import_standardInputTwice_status2() {
    Cli.Result result = cli.runWithInput(SLACK + "\n", "import", "-", "/dev/stdin");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.err).isEqualTo("totp: standard input (- or /dev/stdin) can be imported once per command\n");
  }
}
