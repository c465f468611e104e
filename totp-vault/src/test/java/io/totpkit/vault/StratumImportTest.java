package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stratum (formerly Authenticator Pro) backups, plain and in both encrypted constructions, and its HTML export. The
 * fixtures in {@code imports/stratum/} were written by {@code make_fixtures.py} there, from Stratum's source and with
 * Python's {@code cryptography} package: the reader is checked against the app's construction, not against itself.
 * The expected codes were computed by that script too.
 */
class StratumImportTest {
  static final String PASSWORD = "stratum test password";
  static final String DIR = "imports/stratum/";
  /** Every key in the fixtures, as the file spells it: none may appear in any message. */
  private static final List<String> SECRETS = List.of("KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT",
      "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "IBAUEQ2EIVDEOSCJJJFUYTKOJ5IFCUST", "0123456789abcdef",
      "AAAQEAYEAUDAOCAJBIFQYDIOB4", "MFRGGZDFMZTWQ", "MBQWEY3EMVTGO2DJNJVWY3LON5YHC4TT");

  @TempDir Path dir;

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = StratumImportTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static ImportFile read(String name, String password) throws IOException {
    return ImportFile.read(fixture(DIR + name), password == null ? ImportPassword.NONE : format -> pw(password));
  }

  private static void assertBackupRead(ImportFile file) {
    assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("entry 1 (GitHub)",
        "entry 2 (Bank)", "entry 3 (Cloud & Co)", "entry 4 (Steam)", "entry 5 (Zürich Mail)", "entry 8 (Tiny)",
        "entry 9 (Tinier)");
    List<OtpAuthUri> uris = file.accounts().stream().map(ImportFile.Account::uri).collect(Collectors.toList());

    OtpAuthUri github = uris.get(0);
    assertThat(github.issuer()).isEqualTo("GitHub");
    assertThat(github.account()).isEqualTo("octo@example.com");
    assertThat(github.secret().toBase32()).isEqualTo("KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT");
    assertThat(github.type()).isEqualTo(OtpType.TOTP);
    assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(github.digits()).isEqualTo(6);
    assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(file.accounts().get(0).tags()).containsExactly("Personal", "Work");

    OtpAuthUri bank = uris.get(1);
    assertThat(bank.type()).isEqualTo(OtpType.HOTP);
    assertThat(bank.counter()).hasValue(1);
    assertThat(bank.account()).isEqualTo("customer 4711");
    assertThat(bank.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    // Its binding names a category the file does not hold: no tag.
    assertThat(file.accounts().get(1).tags()).isEmpty();

    OtpAuthUri cloud = uris.get(2);
    assertThat(cloud.issuer()).isEqualTo("Cloud & Co");
    assertThat(cloud.account()).isEmpty();
    assertThat(cloud.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(cloud.digits()).isEqualTo(8);
    assertThat(cloud.period()).isEqualTo(Duration.ofSeconds(60));
    assertThat(file.accounts().get(2).tags()).containsExactly("Work");

    OtpAuthUri steam = uris.get(3);
    assertThat(steam.isSteam()).isTrue();
    assertThat(steam.issuer()).isEqualTo("Steam");
    assertThat(steam.account()).isEqualTo("gaben");
    assertThat(steam.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(file.accounts().get(3).tags()).containsExactly("Personal");

    OtpAuthUri zurich = uris.get(4);
    assertThat(zurich.issuer()).isEqualTo("Zürich Mail");
    assertThat(zurich.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
    assertThat(zurich.digits()).isEqualTo(7);

    assertThat(file.skipped()).extracting(ImportReport.Skipped::item)
        .containsExactly("entry 6 (Legacy VPN)", "entry 7 (Yandex)");
    assertThat(file.skipped().get(0).reason()).contains("mOTP").contains("not supported");
    assertThat(file.skipped().get(1).reason()).contains("Yandex").contains("not supported");
    assertNoSecretIn(file.toString() + file.accounts() + file.skipped());
  }

  /**
   * Exactly one reader of {@link ImportFormats#READERS} recognises {@code file}, and it is {@code reader}: no other
   * format claims it, and it claims no other format's file.
   */
  static void assertOnlyClaimedBy(byte[] file, Class<? extends ImportReader> reader) {
    List<Class<?>> claiming = new ArrayList<>();
    for (ImportReader candidate : ImportFormats.READERS) {
      if (candidate.recognises(new ImportInput(file))) {
        claiming.add(candidate.getClass());
      }
    }
    assertThat(claiming).containsExactly(reader);
  }

  static void assertNoSecretIn(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void read_plainBackup_carriesEveryField() throws IOException {
    try (ImportFile file = read("backup.stratum", null)) {
      assertThat(file.format()).isEqualTo("Stratum");
      assertBackupRead(file);
    }
  }

  @Test
  void read_strongEncryptedBackup_opensWithArgon2idAndGcm() throws IOException {
    char[] password = pw(PASSWORD);
    try (ImportFile file = ImportFile.read(fixture(DIR + "backup-strong.stratum"), format -> password)) {
      assertThat(file.format()).isEqualTo("Stratum (encrypted)");
      assertBackupRead(file);
    }
    assertThat(password).containsOnly('\0');
  }

  @Test
  void read_legacyEncryptedBackup_opensWithPbkdf2AndCbc() throws IOException {
    try (ImportFile file = read("backup-legacy.authpro", PASSWORD)) {
      assertThat(file.format()).isEqualTo("Stratum (encrypted)");
      assertBackupRead(file);
    }
  }

  @Test
  void read_encryptedWithoutPassword_saysItNeedsOne() {
    for (String name : List.of("backup-strong.stratum", "backup-legacy.authpro")) {
      assertThatThrownBy(() -> read(name, null)).isInstanceOf(VaultImportException.class)
          .hasMessageContaining("Stratum (encrypted) file is encrypted: give its password");
    }
  }

  @Test
  void read_wrongPassword_throwsWrongPassphrase() {
    for (String name : List.of("backup-strong.stratum", "backup-legacy.authpro")) {
      Throwable thrown = catchThrowable(() -> read(name, "not the password"));
      assertThat(thrown).isInstanceOf(WrongPassphraseException.class)
          .hasMessageContaining("the password does not open the Stratum backup");
      assertNoSecretIn(String.valueOf(thrown));
    }
  }

  @Test
  void read_strongAlteredAnywhere_refusedAsWrongPasswordOrDamage() throws IOException {
    byte[] file = fixture(DIR + "backup-strong.stratum");
    for (int at : new int[] {16, 40, 100, file.length - 1}) {
      byte[] altered = file.clone();
      altered[at] ^= 1;
      // One tag covers everything: GCM cannot tell a wrong key from altered bytes, and the message says both.
      assertThatThrownBy(() -> ImportFile.read(altered, format -> pw(PASSWORD)))
          .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("altered or damaged");
    }
  }

  @Test
  void read_truncated_saysTruncated() throws IOException {
    byte[] strong = fixture(DIR + "backup-strong.stratum");
    // Checked before the password is asked for: a truncated file needs none.
    assertThatThrownBy(() -> ImportFile.read(Arrays.copyOf(strong, 59), ImportPassword.NONE))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("truncated: 59 bytes");
    byte[] legacy = fixture(DIR + "backup-legacy.authpro");
    assertThatThrownBy(() -> ImportFile.read(Arrays.copyOf(legacy, legacy.length - 5), format -> pw(PASSWORD)))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("whole number of 16-byte blocks");
    assertThatThrownBy(() -> ImportFile.read(Arrays.copyOf(legacy, 52), format -> pw(PASSWORD)))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("truncated");
    // Whole blocks cut off the end take the padding with them: a wrong password or damage, said both ways.
    assertThatThrownBy(() -> ImportFile.read(Arrays.copyOf(legacy, legacy.length - 32), format -> pw(PASSWORD)))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("or the file is damaged");
  }

  @Test
  void read_decryptsToSomethingElse_saysWhat() {
    assertThatThrownBy(() -> read("not-json.stratum", PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("the decrypted Stratum backup is not valid JSON");
    assertThatThrownBy(() -> read("no-authenticators.stratum", PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("Authenticators is not a JSON array");
  }

  @Test
  void read_membersMissingOrOdd_defaultsLikeTheAppOrSkipsWithReason() {
    String json = "{\"Authenticators\": ["
        + "{\"Issuer\": \"Defaults\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DP\"},"
        + "{\"Type\": 1, \"Issuer\": \"NoCounter\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DQ\"},"
        + "{\"Type\": 9, \"Issuer\": \"Future\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DR\"},"
        + "{\"Type\": 2, \"Algorithm\": 3, \"Issuer\": \"Md5\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DS\"},"
        + "{\"Type\": \"Totp\", \"Issuer\": \"Named\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DT\"},"
        + "{\"Type\": 2, \"Issuer\": \"NoSecret\"},"
        + "{\"Type\": 2, \"Digits\": 12, \"Issuer\": \"Long\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DU\"},"
        + "{\"Type\": 2, \"Period\": 0, \"Issuer\": \"Still\", \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DV\"},"
        + "{\"Type\": 2, \"Issuer\": \"Bad\", \"Secret\": \"JBSWY3DPEHPK3PXP0BSWY3DW\"},"
        + "{\"Type\": 4, \"Issuer\": \"Steam\", \"Digits\": 9, \"Period\": 7, \"Algorithm\": 2,"
        + " \"Secret\": \"JBSWY3DPEHPK3PXPJBSWY3DX\"},"
        + "\"not an object\", 17],"
        + "\"Categories\": [{\"Id\": \"a\", \"Name\": \"  \"}, {\"Id\": 5, \"Name\": \"x\"}, 3, null],"
        + "\"AuthenticatorCategories\": [{\"CategoryId\": \"a\", \"AuthenticatorSecret\": \"JBSWY3DPEHPK3PXPJBSWY3DP\"}"
        + ", \"junk\"]}";
    try (ImportFile file = ImportFile.read(json.getBytes(StandardCharsets.UTF_8), ImportPassword.NONE)) {
      assertThat(file.accounts()).extracting(ImportFile.Account::item)
          .containsExactly("entry 1 (Defaults)", "entry 2 (NoCounter)", "entry 10 (Steam)");
      OtpAuthUri defaults = file.accounts().get(0).uri();
      assertThat(defaults.type()).isEqualTo(OtpType.TOTP);
      assertThat(defaults.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
      assertThat(defaults.digits()).isEqualTo(6);
      assertThat(defaults.period()).isEqualTo(Duration.ofSeconds(30));
      assertThat(file.accounts().get(0).tags()).as("a blank category name is no tag").isEmpty();
      assertThat(file.accounts().get(1).uri().counter()).hasValue(0);
      OtpAuthUri steam = file.accounts().get(2).uri();
      assertThat(steam.isSteam()).isTrue();
      assertThat(steam.period()).as("Stratum's SteamOtp ignores the file's period").isEqualTo(Duration.ofSeconds(30));
      List<String> reasons = new ArrayList<>();
      file.skipped().forEach(s -> reasons.add(s.item() + ": " + s.reason()));
      assertThat(reasons).hasSize(9);
      assertThat(reasons.get(0)).startsWith("entry 3 (Future)").contains("type 9 is not one Stratum writes");
      assertThat(reasons.get(1)).startsWith("entry 4 (Md5)").contains("Algorithm 3 is not one Stratum writes");
      assertThat(reasons.get(2)).startsWith("entry 5 (Named)").contains("\"Type\" is not a whole number");
      assertThat(reasons.get(3)).startsWith("entry 6 (NoSecret)").contains("Secret is missing");
      assertThat(reasons.get(4)).startsWith("entry 7 (Long)").contains("digits");
      assertThat(reasons.get(5)).startsWith("entry 8 (Still)").contains("period");
      assertThat(reasons.get(6)).startsWith("entry 9 (Bad)").contains("Base32");
      assertThat(reasons.get(7)).startsWith("entry 11").contains("not a JSON object");
      assertThat(reasons.get(8)).startsWith("entry 12").contains("not a JSON object");
      assertThat(reasons.toString()).doesNotContain("JBSWY3DP");
    }
  }

  @Test
  void read_htmlExport_readsTheUrisWithStratumsSteamMarks() throws IOException {
    try (ImportFile file = read("export.html", null)) {
      assertThat(file.format()).isEqualTo("Stratum (HTML)");
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("entry 1 (GitHub)",
          "entry 2 (Bank)", "entry 3 (Cloud & Co)", "entry 4 (Steam)", "entry 5 (Zürich Mail)", "entry 8 (Tiny)",
          "entry 9 (Tinier)", "entry 10 (Valve)");
      List<OtpAuthUri> uris = file.accounts().stream().map(ImportFile.Account::uri).collect(Collectors.toList());
      assertThat(uris.get(0).account()).isEqualTo("octo@example.com");
      assertThat(uris.get(0).secret().toBase32()).isEqualTo("KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT");
      assertThat(uris.get(1).counter()).hasValue(1);
      assertThat(uris.get(2).algorithm()).isEqualTo(HmacAlgorithm.SHA256);
      assertThat(uris.get(2).digits()).isEqualTo(8);
      assertThat(uris.get(2).period()).isEqualTo(Duration.ofSeconds(60));
      assertThat(uris.get(3).isSteam()).as("issuer Steam marks a Steam key").isTrue();
      assertThat(uris.get(3).account()).isEqualTo("gaben");
      assertThat(uris.get(4).issuer()).isEqualTo("Zürich Mail");
      assertThat(uris.get(4).digits()).isEqualTo(7);
      assertThat(uris.get(7).isSteam()).as("a bare steam parameter marks a Steam key").isTrue();
      assertThat(uris.get(7).issuer()).isEqualTo("Valve");
      assertThat(uris.get(7).otherParameters()).isEmpty();
      assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("entry 6", "entry 7");
      assertThat(file.skipped().get(0).reason()).contains("mOTP");
      assertThat(file.skipped().get(1).reason()).contains("Yandex");
      assertNoSecretIn(file.toString() + file.accounts() + file.skipped());
    }
  }

  @Test
  void read_htmlCutInsideAUri_saysTruncated() throws IOException {
    String html = new String(fixture(DIR + "export.html"), StandardCharsets.UTF_8);
    String cut = html.substring(0, html.indexOf("</code>"));
    assertThatThrownBy(() -> ImportFile.read(cut.getBytes(StandardCharsets.UTF_8), ImportPassword.NONE))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("truncated: URI 1 has no closing </code>");
  }

  @Test
  void recognises_onlyItsOwnFiles_andNoOtherReaderClaimsThem() throws IOException {
    assertOnlyClaimedBy(fixture(DIR + "backup.stratum"), StratumFormat.class);
    assertOnlyClaimedBy(fixture(DIR + "backup-strong.stratum"), StratumFormat.class);
    assertOnlyClaimedBy(fixture(DIR + "backup-legacy.authpro"), StratumFormat.class);
    assertOnlyClaimedBy(fixture(DIR + "export.html"), StratumHtmlFormat.class);
    assertOnlyClaimedBy(fixture("aegis-plain.json"), AegisFormat.class);
    for (String steam : SteamImportTest.PLAIN) {
      assertThat(new StratumFormat().recognises(new ImportInput(fixture(SteamImportTest.DIR + steam)))).isFalse();
      assertThat(new StratumHtmlFormat().recognises(new ImportInput(fixture(SteamImportTest.DIR + steam))))
          .isFalse();
    }
  }

  @Test
  void argon2Parameters_theAppsConstants_withinTheCeilingsForFiles() {
    // Stratum's Argon2id parameters are constants, not read from the file; they sit inside what files may ask.
    assertThat(KdfParams.problem(64 * 1024, 3, 4)).isNull();
  }

  @Test
  void importFile_plainBackup_addsAccountsWithTagsAndRightCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v")); ImportFile file = read("backup.stratum", null)) {
      ImportReport report = vault.importFile(file, Set.of("from-stratum"));
      assertThat(report.imported()).hasSize(6);
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item)
          .containsExactly("entry 6 (Legacy VPN)", "entry 7 (Yandex)", "entry 9 (Tinier)");
      assertThat(report.skipped().get(2).reason()).contains("only 64 bits");
      List<VaultEntry> entries = vault.entries();
      assertThat(entries.get(0).tags()).containsExactly("Personal", "Work", "from-stratum");
      // Expected codes computed by make_fixtures.py at TestVaults.NOW (RFC 4226 gives 287082 for counter 1).
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("287082");
      assertThat(vault.code(entries.get(2).id()).code()).isEqualTo("54991956");
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("RYXWJ");
      assertThat(vault.code(entries.get(4).id()).code()).isEqualTo("0353575");
      assertNoSecretIn(report.toString() + report.skipped());
    }
  }

  @Test
  void importFile_htmlExport_steamMarkedByParameterGivesSteamCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v")); ImportFile file = read("export.html", null)) {
      ImportReport report = vault.importFile(file, Set.of());
      assertThat(report.imported()).hasSize(7);
      List<VaultEntry> entries = vault.entries();
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("RYXWJ");
      assertThat(vault.code(entries.get(6).id()).code()).isEqualTo("743YM");
    }
  }
}
