package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.totpkit.testing.KnownSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool prints a secret only where the user asked for it ({@code export} to standard output): every other command,
 * successful or failing, with or without {@code --debug}, keeps it out of standard output and standard error.
 */
class NoSecretInOutputTest {
  private static final String BASE32 = KnownSecret.BASE32;
  private static final String URI = KnownSecret.URI;

  @TempDir Path dir;

  @Test
  void everyCommand_butExport_keepsTheSecretOutOfItsOutput() throws IOException {
    Cli cli = new Cli(dir, TotpCommandTest.WIKI_TIME);
    Path list = Files.writeString(dir.resolve("list.txt"), String.join("\n", URI.replace("Acme:ops", "Acme:dev"),
        URI + "&digits=5", URI.replace("secret=", "secret=1"), URI.replace("totp", "motp")));
    Path aegis = Files.writeString(dir.resolve("aegis.json"), "{\"version\": 1, \"header\": {\"slots\": null}, "
        + "\"db\": {\"version\": 3, \"entries\": [{\"type\": \"totp\", \"name\": \"x\", \"issuer\": \"A\", "
        + "\"info\": {\"secret\": \"" + BASE32 + "1\", \"algo\": \"MD5\"}}]}}");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"version\": 1, \"db\": \"" + BASE32);
    List<String[]> commands = new ArrayList<>(List.of(
        new String[] {"init"},
        new String[] {"add", "--uri", URI, "--tag", "acme"},
        new String[] {"add", "--key", BASE32.toLowerCase(), "--issuer", "Key", "--account", "typed"},
        new String[] {"add", "--key", BASE32 + "1", "--account", "bad"},
        new String[] {"add", "--uri", URI + "&digits=11"},
        new String[] {"add", "--uri", URI.replace("otpauth", "https")},
        new String[] {"--debug", "add", "--uri", URI + "&algorithm=MD5"},
        new String[] {"list"},
        new String[] {"code", "ops"},
        new String[] {"verify", "ops", "000000"},
        new String[] {"verify", "ops", "528064"},
        new String[] {"import", list.toString()},
        new String[] {"import", aegis.toString()},
        new String[] {"--debug", "import", broken.toString()},
        new String[] {"audit"},
        new String[] {"members"},
        new String[] {"members", "add", "omar", "--role", "operator", "--grant", "nothing"},
        new String[] {"qr", "ops", "--out", dir.resolve("ops.png").toString()},
        new String[] {"export", "--format", "aegis", "--out", dir.resolve("out.json").toString()}));
    StringBuilder all = new StringBuilder();
    for (String[] command : commands) {
      Cli.Result result = cli.run(command);
      KnownSecret.assertNoSecretIn(String.join(" ", command), result.out + result.err);
      all.append(result);
    }
    cli.env.put("TOTP_VAULT_PASSPHRASE", "not it");
    Cli.Result wrong = cli.run("--debug", "code", "ops");
    KnownSecret.assertNoSecretIn("a wrong passphrase", wrong.out + wrong.err);
    // The one command that exists to reveal the key does, so the scan above would have seen a leak.
    cli.env.put("TOTP_VAULT_PASSPHRASE", "owner passphrase");
    Cli.Result export = cli.run("export");
    assertThat(export.out).contains(BASE32);
    assertThat(all).contains("Added").contains("imported").contains("totp: ");
  }
}
