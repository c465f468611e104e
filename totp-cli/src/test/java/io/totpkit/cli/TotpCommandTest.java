package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool driven in-process, as a user would: command lines in, exit statuses and output out. */
class TotpCommandTest {
  /** Google's Key Uri Format example: this key gives 528064 at 2009-11-10T23:00Z (SHA-1, 6 digits, 30 s). */
  static final String GITHUB = "otpauth://totp/GitHub:acme-ops?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";
  static final String SLACK = "otpauth://totp/Slack:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Slack";
  static final String GITHUB_DEV =
      "otpauth://totp/GitHub:acme-dev?secret=KRUGS4ZANFZSAYLOEBSXQYLNOBWGK===&issuer=GitHub";
  static final Clock WIKI_TIME = Clock.fixed(Instant.parse("2009-11-10T23:00:10Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void initVault() {
    cli = new Cli(dir, WIKI_TIME);
    Cli.Result init = cli.run("init");
    assertThat(init.status).as(init.toString()).isZero();
    assertThat(init.out).contains("Created the vault").contains("maria as its owner");
  }

  private Cli.Result ok(String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.err).doesNotContain("\tat ");
    return result;
  }

  private Cli.Result fails(int status, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isEqualTo(status);
    assertThat(result.err).startsWith("totp: ").doesNotContain("\tat ").doesNotContain("JBSWY3DPEHPK3PXP");
    return result;
  }

  @Test
  void init_existingVault_refusedWithStatus2() {
    assertThat(fails(2, "init").err).contains("already exists");
  }

  @Test
  void add_uri_showsWhatItFoundButNotTheKey() {
    Cli.Result add = ok("add", "--uri", GITHUB, "--tag", "client-a");
    assertThat(add.out).contains("Found GitHub (acme-ops): TOTP, SHA1, 6 digits, 30 s")
        .containsPattern("Added [0-9a-f]{8}  GitHub \\(acme-ops\\)  tags: client-a")
        .doesNotContain("JBSWY3DPEHPK3PXP");
  }

  @Test
  void add_key_withIssuerAndAccount() {
    Cli.Result add = ok("add", "--key", "jbsw y3dp ehpk 3pxp", "--issuer", "TikTok", "--account", "brand",
        "--digits", "8");
    assertThat(add.out).contains("TikTok (brand): TOTP, SHA1, 8 digits, 30 s").doesNotContain("JBSW");
    assertThat(fails(2, "add", "--key", "JBSWY3DPEHPK3PXP").err).contains("--account");
    assertThat(fails(2, "add", "--key", "JBSWY3DPEHPK3PX1", "--account", "x").err).contains("position 16");
  }

  @Test
  void add_screenshot_addsItsAccount() throws IOException {
    Path png = Files.write(dir.resolve("shot.png"), QrCodes.png(OtpAuthUri.parse(GITHUB), QrOptions.defaults()));
    assertThat(ok("add", "--qr", png.toString()).out).contains("Added").contains("GitHub (acme-ops)");
  }

  @Test
  void add_notAnImage_status2() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    assertThat(fails(2, "add", "--qr", text.toString()).err).contains("not an image");
  }

  @Test
  void add_duplicateWithoutConsole_refusedUnlessYes() {
    ok("add", "--uri", GITHUB);
    assertThat(fails(2, "add", "--uri", GITHUB.replace("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ")).err)
        .contains("already in the vault").contains("--yes");
    assertThat(ok("add", "--uri", GITHUB.replace("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ"), "--yes").out)
        .contains("Replaced");
    assertThat(ok("list").out.lines().count()).isEqualTo(2);
  }

  @Test
  void add_twoSources_usageError() {
    fails(2, "add", "--uri", GITHUB, "--key", "JBSWY3DPEHPK3PXP");
  }

  @Test
  void list_tableWithoutSecrets_filteredByTag() {
    ok("add", "--uri", GITHUB, "-t", "client-a");
    ok("add", "--uri", SLACK, "-t", "client-b");
    Cli.Result list = ok("list");
    assertThat(list.out.lines()).hasSize(3);
    assertThat(list.out.lines().findFirst().orElseThrow()).startsWith("ID").contains("ISSUER").contains("TAGS");
    assertThat(list.out).contains("GitHub").contains("Slack").doesNotContain("JBSWY3DPEHPK3PXP")
        .doesNotContain("GEZDGNBVGY3TQOJQ");
    assertThat(ok("list", "--tag", "client-b").out).contains("Slack").doesNotContain("GitHub");
  }

  @Test
  void code_plainWhenNotATerminal_knownAnswer() {
    ok("add", "--uri", GITHUB);
    assertThat(ok("code", "github").out).isEqualTo("528064\n");
    assertThat(ok("code", "GitHub:acme-ops").out).isEqualTo("528064\n");
    assertThat(ok("code", "github (ACME-OPS)").out).isEqualTo("528064\n");
  }

  @Test
  void code_onATerminal_groupedDigitsAndBar() {
    ok("add", "--uri", GITHUB);
    cli.terminal = true;
    assertThat(ok("code", "acme").out).isEqualTo("GitHub (acme-ops)  528 064  [██████████░░░░░] 20 s\n");
    assertThat(ok("code", "acme", "--plain").out).isEqualTo("528064\n");
  }

  @Test
  void code_idPrefix_selectsTheEntry() {
    ok("add", "--uri", GITHUB);
    ok("add", "--uri", GITHUB_DEV);
    String id = ok("list").out.lines().filter(line -> line.contains("acme-ops")).findFirst().orElseThrow()
        .substring(0, 6);
    assertThat(ok("code", id).out).isEqualTo("528064\n");
  }

  @Test
  void code_ambiguousQuery_listsTheMatchesAndStatus2() {
    ok("add", "--uri", GITHUB);
    ok("add", "--uri", GITHUB_DEV);
    Cli.Result result = cli.run("code", "github");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.out).isEmpty();
    assertThat(result.err).contains("acme-ops").contains("acme-dev")
        .contains("totp: 'github' matches 2 accounts; be more specific");
  }

  @Test
  void code_exactMatchBeatsSubstring() {
    ok("add", "--uri", GITHUB);
    ok("add", "--uri", "otpauth://totp/GitHubEnterprise:x?secret=GEZDGNBVGY3TQOJQ&issuer=GitHubEnterprise");
    assertThat(ok("code", "github").out).isEqualTo("528064\n");
  }

  @Test
  void code_unknownQuery_status2() {
    ok("add", "--uri", GITHUB);
    assertThat(fails(2, "code", "nothing-like-it").err).contains("no account you may use matches");
  }

  @Test
  void verify_currentCode_acceptedElseRejected() {
    ok("add", "--uri", GITHUB);
    assertThat(ok("verify", "github", "528064").out).isEqualTo("accepted (offset 0)\n");
    Cli.Result wrong = cli.run("verify", "github", "000000");
    assertThat(wrong.status).isEqualTo(1);
    assertThat(wrong.out).isEqualTo("rejected\n");
    assertThat(fails(2, "verify", "github", "528 064").err).contains("not a 6-digit code");
  }

  @Test
  void verify_previousStep_acceptedWithOffsetMinusOne() {
    ok("add", "--uri", GITHUB);
    String previous = OtpAuthUri.parse(GITHUB).toTotp().generate(WIKI_TIME.instant().minusSeconds(30));
    assertThat(ok("verify", "github", previous).out).isEqualTo("accepted (offset -1)\n");
  }

  @Test
  void members_operatorSeesOnlyGrantedTagsAndMayNotExport() {
    ok("add", "--uri", GITHUB, "-t", "client-a");
    ok("add", "--uri", SLACK, "-t", "client-b");
    cli.env.put("TOTP_NEW_PASSPHRASE", "olga's passphrase");
    assertThat(ok("members", "add", "olga", "--role", "operator", "--grant", "client-a").out)
        .contains("Added olga as operator with access to client-a");
    assertThat(ok("members", "list").out).contains("olga").contains("operator").contains("client-a");

    cli.as("olga", "olga's passphrase");
    assertThat(ok("code", "github").out).isEqualTo("528064\n");
    assertThat(ok("list").out).contains("GitHub").doesNotContain("Slack");
    fails(2, "code", "slack");   // the vault does not show an operator the entries they were not granted
    fails(3, "export");
    fails(3, "qr", "github");
    fails(3, "audit");
    fails(3, "members", "list");
    fails(3, "add", "--uri", SLACK);

    cli.as("maria", "owner passphrase");
    Cli.Result audit = ok("audit");
    assertThat(audit.out).contains("olga").contains("code revealed").contains("GitHub (acme-ops)");
    assertThat(ok("audit", "--verify").out).startsWith("audit trail intact: ");
    assertThat(ok("members", "remove", "olga").out).contains("Removed olga");
    cli.as("olga", "olga's passphrase");
    fails(3, "list");
  }

  @Test
  void members_changeGrantsAndSetPassphrase_byTheOwner_operatorIsSentToThem() {
    ok("add", "--uri", GITHUB, "-t", "client-a");
    ok("add", "--uri", SLACK, "-t", "client-b");
    cli.env.put("TOTP_NEW_PASSPHRASE", "olga's passphrase");
    ok("members", "add", "olga", "--role", "operator", "--grant", "client-a");
    assertThat(ok("members", "change", "olga", "--role", "operator", "--grant", "client-a,client-b").out)
        .isEqualTo("Changed olga to operator with access to client-a, client-b\n");
    cli.as("olga", "olga's passphrase");
    assertThat(ok("list").out).contains("GitHub").contains("Slack");
    assertThat(fails(3, "passwd").err).contains("totp members passwd olga");

    cli.as("maria", "owner passphrase");
    cli.env.put("TOTP_NEW_PASSPHRASE", "olga's new passphrase");
    assertThat(ok("members", "passwd", "olga").out).contains("Set the passphrase of olga");
    ok("members", "change", "olga", "--role", "operator", "--grant", "client-b");
    assertThat(ok("audit").out).contains("member changed").contains("olga: OPERATOR of [\"client-b\"]")
        .contains("passphrase changed").contains("olga: key ");
    assertThat(ok("audit", "--verify").out).startsWith("audit trail intact: ");
    fails(2, "members", "change", "nobody", "--role", "owner");
    cli.as("olga", "olga's passphrase");
    fails(3, "list");
    cli.as("olga", "olga's new passphrase");
    assertThat(ok("list").out).contains("Slack").doesNotContain("GitHub");
  }

  @Test
  void audit_journalCutByOneRecord_afterTwoReveals_isReported() throws IOException {
    ok("add", "--uri", GITHUB);
    ok("code", "github");
    ok("code", "github");
    Path journal = dir.resolve("vault.totp.audit");
    byte[] bytes = Files.readAllBytes(journal);
    int last = bytes.length;
    for (int at = 26; at < bytes.length; ) {
      int length = java.nio.ByteBuffer.wrap(bytes, at, 4).getInt();
      last = at;
      at += 4 + length;
    }
    Files.write(journal, java.util.Arrays.copyOf(bytes, last));   // what `truncate` of the last record does
    assertThat(fails(1, "audit", "--verify").err).contains("records were cut from the end of the audit journal");
  }

  @Test
  void members_addOperatorWithoutGrant_usageError() {
    assertThat(fails(2, "members", "add", "olga", "--role", "operator").err).contains("--grant");
    assertThat(fails(2, "members", "add", "olga", "--role", "boss").err).contains("owner, operator or contributor");
  }

  @Test
  void wrongPassphrase_status3() {
    cli.env.put("TOTP_VAULT_PASSPHRASE", "not it");
    assertThat(fails(3, "list").err).isEqualTo("totp: wrong passphrase for member 'maria'\n");
  }

  @Test
  void unknownMember_status3() {
    cli.env.put("TOTP_MEMBER", "mallory");
    assertThat(fails(3, "list").err).contains("no member named 'mallory'");
  }

  @Test
  void passphraseFile_firstLineIsThePassphrase() throws IOException {
    Path file = Files.writeString(dir.resolve("pass"), "owner passphrase\nignored\n");
    cli.env.remove("TOTP_VAULT_PASSPHRASE");
    ok("--passphrase-file", file.toString(), "list");
    ok("list", "--passphrase-file", file.toString());
  }

  @Test
  void passphraseFromStandardInput_whenNoConsoleAndNoEnv() {
    cli.env.remove("TOTP_VAULT_PASSPHRASE");
    assertThat(cli.runWithInput("owner passphrase\n", "audit", "--verify").status).isZero();
    assertThat(cli.runWithInput("", "list").err).contains("no passphrase");
  }

  @Test
  void missingVault_status2SaysRunInit() {
    cli.env.put("TOTP_VAULT", dir.resolve("nothing.totp").toString());
    assertThat(fails(2, "list").err).contains("there is no vault at").contains("totp init");
  }

  @Test
  void corruptedVault_status4() throws IOException {
    byte[] bytes = Files.readAllBytes(cli.vault);
    bytes[bytes.length / 2] ^= 1;
    Files.write(cli.vault, bytes);
    fails(4, "list");
  }

  @Test
  void notAVault_status4() throws IOException {
    Files.writeString(cli.vault, "hello, I am a shopping list");
    fails(4, "list");
  }

  @Test
  void export_otpauthAndAegisWarnAboutSecrets() throws IOException {
    ok("add", "--uri", GITHUB, "-t", "client-a");
    Cli.Result otpauth = ok("export");
    assertThat(otpauth.out).isEqualTo(OtpAuthUri.parse(GITHUB).toUriString() + "\n");
    assertThat(otpauth.err).contains("warning").contains("secret");
    Path aegis = dir.resolve("aegis.json");
    ok("export", "--format", "aegis", "--out", aegis.toString());
    assertThat(Files.readString(aegis)).startsWith("{").contains("\"issuer\": \"GitHub\"");
    Path pngs = dir.resolve("qr");
    ok("export", "-f", "qr", "-o", pngs.toString());
    assertThat(QrCodes.read(pngs.resolve("github-acme-ops.png"))).containsExactly(OtpAuthUri.parse(GITHUB));
  }

  @Test
  void import_otpauthListAegisAndGoogleExportScreenshot() throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"), "# clients\n" + GITHUB + "\nnot a uri\n");
    Cli.Result first = ok("import", list.toString(), "--tag", "imported");
    assertThat(first.out).contains("list.txt (otpauth list): 1 imported, 1 skipped").contains("skipped line 3");

    List<String> google = MigrationPayload.encode(List.of(OtpAuthUri.parse(SLACK), OtpAuthUri.parse(GITHUB)));
    Path png = Files.write(dir.resolve("export.png"), QrPictures.png(google.get(0)));
    Cli.Result second = ok("import", png.toString());
    assertThat(second.out).contains("export.png (screenshot): 1 imported, 1 skipped").contains("already in the vault");

    Path aegis = dir.resolve("aegis.json");
    ok("export", "--format", "aegis", "--out", aegis.toString());
    Cli other = new Cli(dir.resolve("other"), WIKI_TIME);
    Files.createDirectories(dir.resolve("other"));
    assertThat(other.run("init").status).isZero();
    Cli.Result fromAegis = other.run("import", aegis.toString());
    assertThat(fromAegis.status).as(fromAegis.toString()).isZero();
    assertThat(fromAegis.out).contains("aegis.json (Aegis): 2 imported, 0 skipped");
  }

  @Test
  void import_missingFile_status2() {
    assertThat(fails(2, "import", dir.resolve("nope.txt").toString()).err).contains("no file at");
  }

  @Test
  void qr_ownerGetsTheEnrolmentCode() throws IOException {
    ok("add", "--uri", GITHUB);
    Path png = dir.resolve("github.png");
    ok("qr", "github", "--png", png.toString());
    assertThat(QrCodes.read(png)).containsExactly(OtpAuthUri.parse(GITHUB));
    assertThat(ok("qr", "github").out).startsWith("GitHub (acme-ops):\n").contains("█");
  }

  @Test
  void passwd_changesThePassphrase() {
    cli.env.put("TOTP_NEW_PASSPHRASE", "a new passphrase");
    ok("passwd");
    fails(3, "list");
    cli.env.put("TOTP_VAULT_PASSPHRASE", "a new passphrase");
    ok("list");
  }

  @Test
  void demo_printsTheLiveCodeAndAuditTrailButNoSecret() {
    cli.clock = Clock.systemUTC();
    Cli.Result demo = ok("demo");
    assertThat(demo.out).contains("TikTok (brand.official): TOTP, SHA1, 6 digits, 30 s")
        .containsPattern("TikTok \\(brand\\.official\\)  \\d{3} \\d{3}  \\[[█░]{15}\\] \\d+ s")
        .contains("olga    code revealed").contains("audit trail intact: 4 records")
        .contains("Deleted the demo vault")
        .doesNotContain("NB2HI4DTHIXS65DPORYGW2LUFZUW6LZNMRSW23ZN");
  }

  @Test
  void help_onEveryCommand_status0() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"init", "--help"},
        new String[] {"add", "--help"}, new String[] {"list", "--help"}, new String[] {"code", "--help"},
        new String[] {"verify", "--help"}, new String[] {"import", "--help"}, new String[] {"export", "--help"},
        new String[] {"qr", "--help"}, new String[] {"members", "--help"}, new String[] {"members", "add", "--help"},
        new String[] {"members", "remove", "--help"}, new String[] {"members", "list", "--help"},
        new String[] {"audit", "--help"}, new String[] {"passwd", "--help"}, new String[] {"demo", "--help"},
        new String[] {"completion", "--help"})) {
      Cli.Result help = cli.run(args);
      assertThat(help.status).as(String.join(" ", args)).isZero();
      assertThat(help.out).as(String.join(" ", args)).contains("Usage: totp");
    }
    assertThat(ok("code", "--help").out).contains("Exit status: 0 success");
  }

  @Test
  void noArguments_printsUsage() {
    assertThat(ok().out).startsWith("One-time codes").contains("Commands:").contains("demo");
  }

  @Test
  void version_fromTheBuild() {
    assertThat(ok("--version").out).matches("totp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  @Test
  void completion_printsABashScript() {
    assertThat(ok("completion").out).contains("complete").contains("totp");
  }

  @Test
  void unknownOption_oneLineStatus2() {
    Cli.Result result = fails(2, "code", "x", "--bogus");
    assertThat(result.err).isEqualTo("totp: Unknown option: '--bogus' (see 'totp code --help')\n");
  }

  @Test
  void vaultFile_appendedGarbage_isReportedNotCrashed() throws IOException {
    Files.write(cli.vault, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
    fails(4, "list");
  }

  @Test
  void debug_addsTheStackTrace() {
    cli.env.put("TOTP_VAULT_PASSPHRASE", "not it");
    Cli.Result result = cli.run("--debug", "list");
    assertThat(result.status).isEqualTo(3);
    assertThat(result.err).contains("WrongPassphraseException").contains("\tat ")
        .endsWith("totp: wrong passphrase for member 'maria'\n");
  }

  /**
   * {@code aegis-encrypted.json}: the vault module's own hand-written Aegis fixture, encrypted as Aegis documents it
   * (scrypt N=2^10, password "aegis test password") by {@code ImportExportTest.encryptAegis}.
   */
  @Test
  void import_encryptedAegis_asksForItsPassword() throws IOException {
    Path aegis = dir.resolve("aegis-encrypted.json");
    try (var in = TotpCommandTest.class.getResourceAsStream("aegis-encrypted.json")) {
      Files.write(aegis, in.readAllBytes());
    }
    Path wrong = Files.writeString(dir.resolve("wrong"), "not the password\n");
    assertThat(fails(3, "import", aegis.toString(), "--aegis-password-file", wrong.toString()).err)
        .contains("password");
    // No terminal: the password is the next line of standard input.
    Cli.Result result = cli.runWithInput("aegis test password\n", "import", aegis.toString());
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.out).contains("aegis-encrypted.json (Aegis (encrypted)): 4 imported, 3 skipped").contains("MD5")
        .doesNotContain("JBSWY3DPEHPK3PXP");
  }

  @Test
  void code_hotpEntry_noBarAndTheCounterAdvances() {
    ok("add", "--uri", "otpauth://hotp/Bank:ops?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=0");
    cli.terminal = true;
    String first = ok("code", "bank").out;
    String second = ok("code", "bank").out;
    assertThat(first).matches("Bank \\(ops\\)  \\d{3} \\d{3}\n");
    assertThat(second).isNotEqualTo(first);
    assertThat(fails(2, "code", "bank", "--watch").err).contains("counter-based");
  }
}
