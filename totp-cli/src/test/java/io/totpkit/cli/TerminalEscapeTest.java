package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issuer and account names come from clients' QR codes, import files and command lines. Named after terminal attacks
 * (ECMA-48 {@code ESC[2J} erases the screen, OSC 52 {@code ESC]52;c;…BEL} writes the clipboard, U+202E reverses the
 * text after it, NUL, and CR that lets the rest of a name overwrite the start of its line), they reach every command
 * that prints them, and every output shows them as escapes ({@code io.totpkit.core.UntrustedText}) instead of
 * performing them.
 */

class TerminalEscapeTest extends WithVault {
  private static final String ESC = "\u001b";
  static final String ISSUER = ESC + "[2JEvil\u202e";
  static final String ACCOUNT = ESC + "]52;c;ZXZpbA==\u0007ops\u0000\rroot";
  static final String SHOWN_ISSUER = "\\e[2JEvil\\u202e";
  static final String SHOWN_ACCOUNT = "\\e]52;c;ZXZpbA==\\x07ops\\x00\\rroot";
  static final String SHOWN_LABEL = SHOWN_ISSUER + " (" + SHOWN_ACCOUNT + ")";

  /** The account as a client's QR code or list would carry it: percent-encoded by a careful app. */
  static OtpAuthUri evil() {
    return OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP")).issuer(ISSUER).account(ACCOUNT).build();
  }

  /** Fails if a terminal would act on any character of the output: controls (but line ends), format, surrogates. */
  static void assertNothingActsOnTheTerminal(Cli.Result result) {
    String all = result.out + result.err;
    for (int i = 0; i < all.length(); i++) {
      char c = all.charAt(i);
      int type = Character.getType(c);
      boolean hidden = type == Character.CONTROL && c != '\n' || type == Character.FORMAT
          || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      assertThat(hidden).as("U+%04X at %d of %s", (int) c, i, result).isFalse();
    }
  }

  private Cli.Result run(int status, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isEqualTo(status);
    assertNothingActsOnTheTerminal(result);
    return result;
  }

  @Test
  void add_uriWithAttacksInItsNames_everyCommandShowsThemEscaped() throws IOException {
    assertThat(run(0, "add", "--uri", evil().toUriString(), "--tag", "client\u202ea").out)
        .contains("Found " + SHOWN_LABEL + ": TOTP").contains(SHOWN_LABEL + "  tags: client\\u202ea");
    assertThat(run(0, "list").out).contains(SHOWN_ISSUER).contains(SHOWN_ACCOUNT).contains("client\\u202ea");
    cli.terminal = true;
    assertThat(run(0, "code", "evil").out).startsWith(SHOWN_LABEL + "  528 064  [");
    cli.terminal = false;
    assertThat(run(0, "qr", "evil").out).startsWith(SHOWN_LABEL + ":\n");
    Path png = dir.resolve("evil.png");
    assertThat(run(0, "qr", "evil", "--png", png.toString()).out)
        .isEqualTo("Wrote the enrolment QR code of " + SHOWN_LABEL + " to " + png + "\n");
    assertThat(run(0, "export", "--format", "qr").out).startsWith(SHOWN_LABEL + "\n");
    assertThat(run(0, "audit").out).containsPattern("entry added +" + Pattern.quote(SHOWN_LABEL));
    assertThat(run(2, "add", "--uri", evil().toUriString()).err)
        .contains("totp: warning: the key of " + SHOWN_LABEL + " is only 80 bits")
        .contains("totp: " + SHOWN_LABEL + " is already in the vault as ");
  }

  @Test
  void add_rawControlCharactersInTheUri_shownEscaped() {
    String raw = "otpauth://totp/" + ESC + "[31mRed:" + ESC + "[0m\u202eop?secret=JBSWY3DPEHPK3PXP";
    assertThat(run(0, "add", "--uri", raw).out).contains("Found \\e[31mRed (\\e[0m\\u202eop)");
  }

  @Test
  void add_keyWithAttacksInIssuerAndAccount_shownEscaped() {
    Cli.Result add = run(0, "add", "--key", "JBSWY3DPEHPK3PXP", "--issuer", ISSUER, "--account", ACCOUNT);
    assertThat(add.out).contains("Found " + SHOWN_LABEL).contains("Added ").contains(SHOWN_LABEL);
    assertThat(run(0, "list").out).contains(SHOWN_ISSUER);
  }

  @Test
  void add_qrCodeWithAttacksInItsNames_shownEscaped() throws IOException {
    Path shot = Files.write(dir.resolve("shot.png"), QrPictures.png(evil().toUriString()));
    assertThat(run(0, "add", "--qr", shot.toString()).out).contains("Found " + SHOWN_LABEL);
    // Raw control bytes in the code itself, not percent-encoded
    Path raw = Files.write(dir.resolve("raw.png"), QrPictures.png("otpauth://totp/" + ESC + "[2JRaw:" + ESC
        + "]52;c;eA==\u0007x?secret=GEZDGNBVGY3TQOJQ"));
    assertThat(run(0, "add", "--qr", raw.toString()).out).contains("Found \\e[2JRaw (\\e]52;c;eA==\\x07x)");
  }

  @Test
  void import_listAndScreenshotsWithAttacks_reportShowsThemEscaped() throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"), evil().toUriString() + "\n" + evil().toUriString()
        + "\n");
    Cli.Result first = run(0, "import", list.toString());
    assertThat(first.out).contains("list.txt (otpauth list): 1 imported, 1 skipped")
        .contains("skipped line 2 (" + SHOWN_ISSUER + "): the same account appears earlier in the input");
    Path google = Files.write(dir.resolve("google.png"),
        QrPictures.png(MigrationPayload.encode(List.of(evil())).get(0)));
    assertThat(run(0, "import", google.toString()).out).contains("google.png (screenshot): 0 imported, 1 skipped")
        .contains("(" + SHOWN_ISSUER + "): already in the vault");
    Path shot = Files.write(dir.resolve("shot.png"), QrPictures.png(evil().toUriString()));
    assertThat(run(0, "import", shot.toString()).out).contains("(" + SHOWN_ISSUER + "): already in the vault");
  }

  @Test
  void fileNamesFromTheCommandLine_shownEscaped() throws IOException {
    Path list = Files.writeString(dir.resolve("list" + ESC + "[2J.txt"), evil().toUriString() + "\n");
    assertThat(run(0, "import", list.toString()).out).startsWith("list\\e[2J.txt (otpauth list): 1 imported, 0 skipped");
    assertThat(run(2, "import", dir.resolve("gone" + ESC + "[2J").toString()).err).contains("gone\\e[2J");
    Path out = dir.resolve("out" + ESC + "]52;c;eA==" + "\u0007.txt");
    assertThat(run(0, "export", "--out", out.toString()).out).contains("out\\e]52;c;eA==\\x07.txt");
  }

  @Test
  void errorsThatEchoTheQuery_showItEscaped() {
    run(0, "add", "--uri", evil().toUriString());
    run(0, "add", "--uri", evil().toUriString().replace("secret=JBSWY3DPEHPK3PXP", "secret=GEZDGNBVGY3TQOJQ")
        .replace("root", "two"));
    assertThat(run(2, "code", ESC + "[2Jnothing").err)
        .isEqualTo("totp: no account you may use matches '\\e[2Jnothing'; see 'totp list'\n");
    Cli.Result ambiguous = run(2, "code", "evil");
    assertThat(ambiguous.err).contains(SHOWN_ACCOUNT).contains("'evil' matches 2 accounts");
    assertThat(run(0, "list", "--tag", "x\u202ey").err).isEqualTo("totp: no accounts with the tag 'x\\u202ey'\n");
    assertThat(run(2, "list", "--bogus" + ESC + "[2J").err).startsWith("totp: Unknown option: '--bogus\\e[2J'");
    assertThat(run(2, "members", "add", "olga", "--role", ESC + "[2J").err).contains("not '\\e[2J'");
    // --debug: the trace's own tab indents stay, its messages are escaped like every other line
    Cli.Result debug = cli.run("--debug", "members", "remove", ESC + "[2Jnobody");
    assertThat(debug.err.replace("\tat ", "at ")).doesNotContain(ESC).doesNotContain("\t");
    assertThat(debug.err).contains("NoSuchElementException").contains("\\e[2Jnobody").contains("\tat ")
        .endsWith("totp: the vault has no member named '\\e[2Jnobody'\n");
  }

  @Test
  void membersAndTags_withBidiControls_shownEscaped() {
    cli.env.put("TOTP_NEW_PASSPHRASE", "olga's passphrase");
    String olga = "olga\u202egnp.exe";
    assertThat(run(0, "members", "add", olga, "--role", "operator", "--grant", "client\u2066a").out)
        .isEqualTo("Added olga\\u202egnp.exe as operator with access to client\\u2066a\n");
    assertThat(run(0, "members", "list").out).contains("olga\\u202egnp.exe").contains("client\\u2066a");
    assertThat(run(0, "audit").out).contains("olga\\u202egnp.exe: OPERATOR of [\"client\\u2066a\"]");
    cli.as(olga, "olga's passphrase");
    assertThat(run(3, "export").err).contains("olga\\u202egnp.exe");
  }

  /** Columns are measured on what is printed, so an escaped name does not push the next column out of line. */
  @Test
  void list_escapedNames_columnsStayAligned() {
    run(0, "add", "--uri", evil().toUriString());
    run(0, "add", "--uri", TotpCommandTest.GITHUB);
    List<String> lines = run(0, "list").out.lines().toList();
    int type = lines.get(0).indexOf("TYPE");
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line.indexOf("totp/SHA1")).isEqualTo(type));
  }
}
