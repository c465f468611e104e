package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spreadsheet CSV import ({@link SpreadsheetFormat}) on hand-written sheets in comma, semicolon and tab form. */
class SpreadsheetImportTest {
  private static final String[] KEYS = {"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "OPJWH4JLVL253ARQ2WZ3JB4VESAMHW43",
      "UNAAHZZBYKUJ6XB3DK2SN3ZZGGO5S62A", "HDP3F2EMPYANUSBRLRAZ5K76DS3MZMHF", "O44U7VQV",
      "RZDABCBBDAGILVYIXJXLJ1CITFFW54S7", "K4TIG5KF23EC4GFOHSQAGX6YUMPKHS2L", "ZS35KQTJCOEBUEBQOXXVMUQTXWJE7IYH",
      "72K2NU4NMJ7YTLMWNXLSW73633DK2MFG", "5NZG7FL6G65AHSOL5HBH6DH32LZMNNOS"};

  @TempDir Path dir;

  /** A fixture under {@code imports/}, or {@code "aegis-plain.json"} beside them. */
  static byte[] fixture(String name) throws IOException {
    String path = name.equals("aegis-plain.json") ? name : "imports/" + name;
    try (InputStream in = SpreadsheetImportTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  static Imports.Parsed read(byte[] bytes) {
    return ImportFormats.read(bytes, ImportPassword.NONE);
  }

  static List<Imports.Item> items(Imports.Parsed parsed) {
    return parsed.inOrder.stream().filter(Imports.Item.class::isInstance).map(Imports.Item.class::cast).toList();
  }

  static List<ImportReport.Skipped> skipped(Imports.Parsed parsed) {
    return parsed.inOrder.stream().filter(ImportReport.Skipped.class::isInstance)
        .map(ImportReport.Skipped.class::cast).toList();
  }

  /** No reason, name or message shows any fixture key, in any case or with the spaces people type. */
  static void assertNoKeyIn(String text, String... keys) {
    String flat = text.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    for (String key : keys) {
      assertThat(flat).doesNotContain(key.substring(0, Math.min(12, key.length())));
    }
  }

  @Test
  void read_agencySheet_carriesEveryColumnOver() throws IOException {
    Imports.Parsed parsed = read(fixture("spreadsheet/agency.csv"));

    assertThat(parsed.format).isEqualTo("spreadsheet CSV");
    List<Imports.Item> items = items(parsed);
    assertThat(items).extracting(item -> item.name).containsExactly("row 2 (GitHub)", "row 3 (Acme Bank)",
        "row 4 (Steam)", "row 5 (Vendor Portal)", "row 9 (Old CRM)", "row 11");
    OtpAuthUri github = items.get(0).uri;
    assertThat(github.issuer()).isEqualTo("GitHub");
    assertThat(github.account()).isEqualTo("ops@acme.example");
    assertThat(github.secret().toBase32()).isEqualTo(KEYS[0]);
    assertThat(github.parameters().type()).isEqualTo(OtpType.TOTP);
    assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(github.digits()).isEqualTo(6);
    assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(items.get(0).tags).containsExactlyInAnyOrder("client:acme", "engineering");
    OtpAuthUri bank = items.get(1).uri;
    assertThat(bank.type()).isEqualTo(OtpType.HOTP);
    assertThat(bank.counter()).hasValue(1);
    assertThat(items.get(1).tags).containsExactlyInAnyOrder("client:acme", "finance");
    assertThat(items.get(2).uri.isSteam()).isTrue();
    assertThat(items.get(2).uri.secret().toBase32()).isEqualTo(KEYS[1]);
    OtpAuthUri vendor = items.get(3).uri;
    assertThat(vendor.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(vendor.digits()).isEqualTo(8);
    assertThat(vendor.period()).isEqualTo(Duration.ofSeconds(60));
    assertThat(items.get(3).tags).containsExactlyInAnyOrder("client:bluebird", "vip");
    // A URI pasted into the secret column is read as one: its own issuer and account.
    assertThat(items.get(5).uri.issuer()).isEqualTo("Cobalt Cloud");
    assertThat(items.get(5).uri.account()).isEqualTo("root@cobalt.example");
    assertThat(items.get(5).tags).containsExactly("client:cobalt");
  }

  @Test
  void read_agencySheet_skipsRowsWithTheirReasonsAndPassesOverEmptyOnes() throws IOException {
    List<ImportReport.Skipped> skipped = skipped(read(fixture("spreadsheet/agency.csv")));

    assertThat(skipped).extracting(ImportReport.Skipped::item)
        .containsExactly("row 7 (Mail)", "row 8 (Legacy VPN)", "row 10 (Typo Service)");
    assertThat(skipped.get(0).reason()).isEqualTo("no secret");
    assertThat(skipped.get(1).reason()).contains("\"motp\" is not supported");
    assertThat(skipped.get(2).reason()).contains("position 22");
    assertNoKeyIn(skipped.toString(), KEYS);
  }

  @Test
  void importFile_agencySheet_addsWhatTheVaultTakesWithCorrectCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = ImportFile.read(fixture("spreadsheet/agency.csv"), ImportPassword.NONE)) {
      ImportReport report = vault.importFile(file, Set.of("imported"));

      assertThat(report.imported()).hasSize(5);
      // The 40-bit key is read, then refused by the vault's key-length rule.
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item).contains("row 9 (Old CRM)");
      List<VaultEntry> entries = vault.entries();
      assertThat(entries).extracting(VaultEntry::issuer)
          .containsExactly("GitHub", "Acme Bank", "Steam", "Vendor Portal", "Cobalt Cloud");
      assertThat(entries.get(0).tags()).containsExactly("client:acme", "engineering", "imported");
      // RFC 6238's SHA-1 key at the vault's fixed clock, and RFC 4226's key at counter 1 (its table gives 287082);
      // the SHA-256 value is computed independently with Python's hmac module.
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("297774");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("287082");
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("28658130");
    }
  }

  @Test
  void read_excelSemicolonSheetWithByteOrderMark_readsUtf8AndQuotedSemicolons() throws IOException {
    List<Imports.Item> items = items(read(fixture("spreadsheet/excel-semicolon.csv")));

    assertThat(items).extracting(item -> item.uri.issuer()).containsExactly("Grünwald Bäckerei", "Müller; Söhne");
    assertThat(items.get(0).uri.account()).isEqualTo("info@gruenwald.example");
    assertThat(items.get(0).uri.secret().toBase32()).isEqualTo(KEYS[7]);
    assertThat(items.get(0).tags).containsExactlyInAnyOrder("Kunden", "Bäckerei");
  }

  @Test
  void read_tabSheetWithUrlColumn_fillsInWhatUrisLackAndExpandsGoogleExports() throws IOException {
    Imports.Parsed parsed = read(fixture("spreadsheet/links.tsv"));

    List<Imports.Item> items = items(parsed);
    assertThat(items).extracting(item -> item.name).containsExactly("row 2 (Zeta Cloud)", "row 3 (Omega)",
        "row 5, account 1 (Acme)", "row 5, account 2 (Vault)");
    assertThat(items.get(0).uri.issuer()).isEqualTo("Zeta Cloud");
    assertThat(items.get(0).uri.account()).isEqualTo("ops");
    assertThat(items.get(0).tags).containsExactly("zeta");
    assertThat(items.get(1).uri.account()).isEqualTo("dev@omega.example");
    assertThat(items.get(1).uri.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(items.get(1).uri.digits()).isEqualTo(8);
    assertThat(items.get(2).uri.secret().toBase32()).isEqualTo(KEYS[7]);
    assertThat(items.get(3).uri.counter()).hasValue(5);
    assertThat(items.get(3).tags).containsExactly("from phone");
    assertThat(skipped(parsed)).singleElement().satisfies(skip -> {
      assertThat(skip.item()).isEqualTo("row 4 (Portal)");
      assertThat(skip.reason()).contains("holds no otpauth:// or steam:// URI");
    });
  }

  @Test
  void read_misplacedKeysInParameterColumns_skipWithoutQuotingThem() {
    String sheet = "issuer,secret,type,algorithm,digits,counter\n"
        + "A," + KEYS[2] + "," + KEYS[6] + ",,,\n"
        + "B," + KEYS[2] + ",," + KEYS[6] + ",,\n"
        + "C," + KEYS[2] + ",,," + KEYS[6] + ",\n"
        + "D," + KEYS[2] + ",hotp,,," + KEYS[6] + "\n"
        + "E," + KEYS[2] + ",hotp,,,\n"
        + "F," + KEYS[2] + ",totp,MD5,,\n"
        + "G," + KEYS[2] + ",yandex,,,\n";
    List<ImportReport.Skipped> skipped = skipped(read(sheet.getBytes(StandardCharsets.UTF_8)));

    assertThat(skipped).extracting(ImportReport.Skipped::reason).containsExactly(
        "the type column holds no type (totp, hotp or steam)",
        "the algorithm column holds no algorithm (SHA1, SHA256 or SHA512)",
        "the digits column is not a whole number", "the counter column is not a whole number",
        "an HOTP entry without its counter", "MD5 is not supported",
        "type \"yandex\" is not supported (TOTP, HOTP and Steam are)");
    assertNoKeyIn(skipped.toString(), KEYS);
  }

  @Test
  void recognition_claimsOnlyTablesWithASecretOrOtpauthColumn() throws IOException {
    assertThatThrownBy(() -> read(fixture("spreadsheet/browser-passwords.csv")))
        .isInstanceOf(VaultImportException.class)
        .hasMessageContaining("a table whose header names no secret or otpauth column");
    SpreadsheetFormat reader = new SpreadsheetFormat();
    for (String other : List.of("bitwarden/individual.csv", "bitwarden/organization.csv", "bitwarden/individual.json",
        "aegis-plain.json")) {
      assertThat(reader.recognises(new ImportInput(fixture(other)))).as(other).isFalse();
    }
    // 1Password's OTPAuth column is an otpauth column: its own reader, tried first, takes the file.
    assertThat(read(fixture("onepassword/export.csv")).format).isEqualTo(OnePasswordCsvFormat.NAME);
    assertThat(reader.recognises(new ImportInput(TestVaults.GITHUB.getBytes(StandardCharsets.UTF_8)))).isFalse();
    assertThat(reader.recognises(new ImportInput(new byte[] {(byte) 0xff, 0, 1}))).isFalse();
    for (String own : List.of("spreadsheet/agency.csv", "spreadsheet/excel-semicolon.csv", "spreadsheet/links.tsv")) {
      assertThat(read(fixture(own)).format).as(own).isEqualTo(SpreadsheetFormat.NAME);
    }
  }

  @Test
  void read_malformedQuoting_failsTheFileWithItsLine() {
    byte[] sheet = "issuer,secret\nA,\"JBSWY3DPEHPK3PXP\nB,x\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> read(sheet)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("starts on line 2").hasMessageNotContaining("JBSWY3DPEHPK3PXP");
  }
}
