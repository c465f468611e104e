package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code totp import} of other apps' export files as a user meets them: the format named, a dry run that changes
 * nothing, unknown and damaged files refused in one line with status 2, a wrong password status 3, and a vault left as
 * it was whenever a file could not be read whole.
 */
class ImportFilesTest extends WithVault {
  private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private Cli.Result run(int status, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isEqualTo(status);
    assertThat(result.err).doesNotContain("\tat ").doesNotContain(KEY).doesNotContain("Exception");
    assertThat(result.out).doesNotContain(KEY);
    if (status != 0) {
      assertThat(result.err).startsWith("totp: ").hasLineCount(1);
    }
    return result;
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private int entries() {
    Cli.Result list = run(0, "list");
    return (int) list.out.lines().skip(1).count();
  }

  @Test
  void dryRun_showsWhatWouldBeImported_andChangesNothing() throws IOException {
    Path list = file("clients.txt", "otpauth://totp/TikTok:brand?secret=" + KEY + "&issuer=TikTok\n"
        + "otpauth://totp/Shop:owner?secret=" + KEY + "&issuer=Shop&tags=a&tags=b\nnot a uri\n");
    Cli.Result preview = run(0, "import", "--dry-run", "--tag", "client:acme", list.toString());
    assertThat(preview.out).contains("clients.txt (otpauth list): 2 would be imported, 1 skipped; nothing was changed")
        .contains("would import line 1 (TikTok): TikTok (brand), tags client:acme")
        .contains("would import line 2 (Shop): Shop (owner), tags client:acme")
        .contains("skipped line 3");
    assertThat(cli.run("list").out).doesNotContain("TikTok");
    assertThat(cli.run("audit").out).doesNotContain("imported");
    Cli.Result done = run(0, "import", "--tag", "client:acme", list.toString());
    assertThat(done.out).contains("clients.txt (otpauth list): 2 imported, 1 skipped");
    assertThat(run(0, "import", "-n", list.toString()).out).contains("0 would be imported, 3 skipped")
        .contains("already in the vault");
  }

  @Test
  void jsonOfAnotherApp_status2_namesTheFormatsTotpReads() throws IOException {
    Path json = file("export.json", "{\"app\": \"something else\", \"accounts\": []}");
    assertThat(run(2, "import", json.toString()).err).startsWith("totp: export.json: the file is JSON of no export "
        + "format totpkit knows; totpkit reads screenshots (PNG, JPEG, GIF, BMP), ").contains("Aegis")
        .contains("otpauth list");
  }

  @Test
  void xml_status2_saysSo() throws IOException {
    Path xml = file("backup.xml", "<?xml version='1.0'?><map><string name=\"x\">y</string></map>");
    assertThat(run(2, "import", xml.toString()).err).contains("XML").contains("totpkit reads");
  }

  @Test
  void textWithoutAccounts_status2_notAQuietZero() throws IOException {
    Path text = file("notes.txt", "TikTok brand JBSW Y3DP\nsee the screenshot\n");
    assertThat(run(2, "import", text.toString()).err).contains("text without an otpauth:// line");
  }

  @Test
  void damagedAegisExport_status2_sayingWhat_andNothingAdded() throws IOException {
    Path aegis = file("aegis.json", "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": "
        + "{\"version\": 9, \"entries\": []}}");
    assertThat(run(2, "import", aegis.toString()).err).contains("the Aegis database has version 9");
    assertThat(entries()).isZero();
  }

  @Test
  void encryptedExport_wrongPasswordStatus3_noPasswordStatus2() throws IOException {
    Path aegis = dir.resolve("aegis-encrypted.json");
    try (var in = TotpCommandTest.class.getResourceAsStream("aegis-encrypted.json")) {
      Files.write(aegis, in.readAllBytes());
    }
    Path wrong = file("wrong", "not the password\n");
    assertThat(run(3, "import", aegis.toString(), "--password-file", wrong.toString()).err)
        .contains("password does not open");
    cli.env.put(ImportCommand.PASSWORD_ENV, "aegis test password");
    assertThat(run(0, "import", aegis.toString()).out).contains("(Aegis (encrypted)): 4 imported, 3 skipped");
    assertThat(cli.run("audit").out).contains("Aegis (encrypted): 4 imported, 3 skipped");
  }

  private Path fixture(String name) throws IOException {
    try (var in = ImportFilesTest.class.getResourceAsStream("imports/" + name)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  /** The vault module's own fixtures of four formats, through the command as a user runs it. */
  @Test
  void appsExports_eachReadAsItsFormat_groupsAsTags() throws IOException {
    Cli.Result sheet = run(0, "import", fixture("agency.csv").toString(), fixture("individual.csv").toString(),
        fixture("76561197960287930.maFile").toString());
    assertThat(sheet.out).contains("agency.csv (spreadsheet CSV): 5 imported, 4 skipped")
        .contains("skipped row 8 (Legacy VPN): type \"motp\" is not supported")
        .contains("individual.csv (Bitwarden CSV): 4 imported, 1 skipped")
        .contains("76561197960287930.maFile (Steam): 1 imported, 0 skipped");
    Cli.Result list = run(0, "list");
    assertThat(list.out).contains("client:acme,engineering").contains("Clients/Bluebird").contains("steam");

    Path twofas = fixture("2fas-android-v4-encrypted.2fas");
    Cli.Result none = cli.runWithInput("", "import", twofas.toString());
    assertThat(none.status).isEqualTo(2);
    assertThat(none.err).isEqualTo("totp: no password: use --password-file, TOTP_IMPORT_PASSWORD, a terminal, or "
        + "one line on standard input\n");
    Cli.Result typed = cli.runWithInput("2fas fixture password\n", "import", twofas.toString());
    assertThat(typed.status).as(typed.toString()).isZero();
    assertThat(typed.out).contains("(2FAS (encrypted)): 5 imported, 2 skipped");
    assertThat(cli.run("audit").out).contains("2FAS (encrypted): 5 imported, 2 skipped")
        .contains("spreadsheet CSV: 5 imported, 4 skipped");
  }

  @Test
  void passwordManagerExportWithoutKeys_saysSo() throws IOException {
    Path csv = file("bitwarden.csv", "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        + "login_password,login_totp\n,,login,Shop,,,0,https://shop.example,me,pw,\n");
    assertThat(run(0, "import", csv.toString()).out).contains("bitwarden.csv (Bitwarden CSV): 0 imported, 0 skipped")
        .contains("holds no account with a one-time-password key");
  }
}
