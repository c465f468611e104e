package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FreeOTP+'s JSON export ({@link FreeOtpPlusFormat}). The fixtures in {@code imports/freeotpplus/} were written by
 * {@code make_fixtures.py} as FreeOTP+ 2.4 and later ({@code freeotp-plus.json}) and 2.3 ({@code
 * freeotp-plus-2.3.json}) write them; the script also computed the expected codes with Python's hmac.
 */
class FreeOtpPlusImportTest {
  static final String DIR = "imports/freeotpplus/";
  private static final FreeOtpPlusFormat READER = new FreeOtpPlusFormat();

  @TempDir Path dir;

  private static ImportFile read(byte[] bytes) {
    return ImportFile.read(bytes, ImportPassword.NONE);
  }

  private static ImportFile read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_export_carriesEveryField() throws IOException {
    try (ImportFile file = read(AndOtpImportTest.bytes(DIR + "freeotp-plus.json"))) {
      assertThat(file.format()).isEqualTo("FreeOTP+");
      List<ImportFile.Account> accounts = file.accounts();
      assertThat(accounts).extracting(ImportFile.Account::item).containsExactly("token 1 (GitHub)", "token 2 (Bank)",
          "token 3 (Steam)", "token 4 (Vendor)", "token 5 (alice@example.com)", "token 6 (VPN)",
          "token 7 (Ben & Jerry's)", "token 9 (Tiny)");
      assertThat(accounts).allSatisfy(account -> assertThat(account.tags()).isEmpty());

      OtpAuthUri github = accounts.get(0).uri();
      assertThat(github.issuer()).isEqualTo("GitHub");
      assertThat(github.account()).isEqualTo("acme-ops");
      assertThat(github.secret().toBase32()).isEqualTo("KMSIZLETEIGQN6CJOXS45QOKQP5AV35C");
      assertThat(github.type()).isEqualTo(OtpType.TOTP);
      assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
      assertThat(github.digits()).isEqualTo(6);
      assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));

      OtpAuthUri bank = accounts.get(1).uri();
      assertThat(bank.type()).isEqualTo(OtpType.HOTP);
      assertThat(bank.counter()).hasValue(1);
      assertThat(bank.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

      OtpAuthUri steam = accounts.get(2).uri();
      assertThat(steam.isSteam()).isTrue();
      assertThat(steam.issuer()).isEqualTo("Steam");
      assertThat(steam.secret().toBase32()).isEqualTo("TECDT63XDBO5I7ZS2HVQINS2CKTOQCAO");

      OtpAuthUri vendor = accounts.get(3).uri();
      assertThat(vendor.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
      assertThat(vendor.digits()).isEqualTo(8);
      assertThat(vendor.period()).isEqualTo(Duration.ofSeconds(60));

      OtpAuthUri alice = accounts.get(4).uri();
      assertThat(alice.issuer()).isEmpty();
      assertThat(alice.account()).isEqualTo("alice@example.com");
      assertThat(alice.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
      assertThat(alice.secret().length()).isEqualTo(64);

      assertThat(accounts.get(5).uri().counter()).hasValue(0);   // -1 in the file: never used since added
      assertThat(accounts.get(6).uri().issuer()).isEqualTo("Ben & Jerry's");   // Gson's \u0026 and \u0027
      assertThat(accounts.get(7).uri().secret().length()).isEqualTo(5);

      assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("token 8 (Weird)");
      assertThat(file.skipped().get(0).reason()).isEqualTo("MD5 is not supported");
    }
  }

  @Test
  void read_exportOfFreeOtpPlus23_showsTheUsersNamesAndKeepsSteam() throws IOException {
    try (ImportFile file = read(AndOtpImportTest.bytes(DIR + "freeotp-plus-2.3.json"))) {
      List<ImportFile.Account> accounts = file.accounts();
      assertThat(file.skipped()).isEmpty();
      assertThat(accounts).extracting(account -> account.uri().issuer() + "|" + account.uri().account())
          .containsExactly("Work GitHub|ops team", "Example|alice@example.com", "My Steam|gamer", "Bank|ops");
      assertThat(accounts.get(1).uri().algorithm()).isEqualTo(HmacAlgorithm.SHA256);
      assertThat(accounts.get(2).uri().isSteam()).isTrue();   // issuerExt "Steam", renamed by the user
      assertThat(accounts.get(3).uri().counter()).hasValue(41);
    }
  }

  @Test
  void importFile_export_addsAccountsWithTheirCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = read(AndOtpImportTest.bytes(DIR + "freeotp-plus.json"))) {
      ImportReport report = vault.importFile(file, Set.of());
      assertThat(report.added()).hasSize(7);
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item).containsExactly("token 8 (Weird)",
          "token 9 (Tiny)");
      assertThat(report.skipped().get(1).reason()).contains("80 bits");
      List<VaultEntry> entries = vault.entries();
      // Expected codes from make_fixtures.py (Python hmac) at TestVaults.NOW.
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("277739");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("287082");
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("54991956");
      assertThat(vault.code(entries.get(4).id()).code()).isEqualTo("80353575");
      assertThat(vault.code(entries.get(5).id()).code()).isEqualTo("597414");
    }
  }

  @Test
  void read_damagedTokens_skippedOneByOneWithReasons() {
    String key = "\"secret\": [49, 50, 51, 52, 53, 54, 55, 56, 57, 48, 49, 50]";
    String tooLong = "\"secret\": [" + "1, ".repeat(1024) + "1]";
    String json = "{\"tokenOrder\": [], \"tokens\": ["
        + "{\"issuerExt\": \"NoType\", \"label\": \"a\", " + key + "},"
        + " \"token\","
        + " {\"issuerExt\": \"Steam\", \"label\": \"s\", \"type\": \"STEAM\", " + key + "},"
        + " {\"issuerExt\": \"Steam\", \"label\": \"h\", \"type\": \"HOTP\", \"counter\": 3, " + key + "},"
        + " {\"issuerExt\": \"Minus\", \"label\": \"m\", \"type\": \"HOTP\", \"counter\": -2, " + key + "},"
        + " {\"issuerExt\": \"Nocount\", \"label\": \"n\", \"type\": \"HOTP\", " + key + "},"
        + " {\"issuerExt\": \"Big\", \"label\": \"b\", \"secret\": [1, 2, 300]},"
        + " {\"issuerExt\": \"Text\", \"label\": \"t\", \"secret\": \"GEZDGNBVGY3TQOJQ\"},"
        + " {\"issuerExt\": \"Empty\", \"label\": \"e\", \"secret\": []},"
        + " {\"issuerExt\": \"Long\", \"label\": \"l\", " + tooLong + "},"
        + " {\"issuerExt\": 7, \"label\": \"seven\", " + key + "}]}";
    try (ImportFile file = read(json)) {
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("token 1 (NoType)");
      assertThat(file.accounts().get(0).uri().type()).isEqualTo(OtpType.TOTP);
      assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("token 2", "token 3 (Steam)",
          "token 4 (Steam)", "token 5 (Minus)", "token 6 (Nocount)", "token 7 (Big)", "token 8 (Text)",
          "token 9 (Empty)", "token 10 (Long)", "token 11 (seven)");
      assertThat(file.skipped()).extracting(ImportReport.Skipped::reason).containsExactly(
          "token 2 is not a JSON object",
          "\"type\" is neither TOTP nor HOTP, the types FreeOTP+ writes",
          "an HOTP token with Steam's code alphabet is not supported",
          "\"counter\" is negative",
          "an HOTP token without its counter",
          "\"secret\" holds something other than a byte at index 2",
          "\"secret\" is missing or not an array of bytes",
          "secret is empty: a key needs at least one byte",
          "\"secret\" holds 1025 bytes; at most 1024 are read",
          "\"issuerExt\" is not a string");
    }
  }

  @Test
  void recognises_otherFiles_notClaimed() throws IOException {
    for (byte[] other : List.of(
        AndOtpImportTest.bytes(AndOtpImportTest.DIR + "otp_accounts.json"),
        AndOtpImportTest.bytes(AndOtpImportTest.DIR + "otp_accounts.json.aes"),
        AndOtpImportTest.bytes("aegis-plain.json"),
        "{\"tokens\": []}".getBytes(StandardCharsets.UTF_8),
        "{\"tokenOrder\": {}, \"tokens\": []}".getBytes(StandardCharsets.UTF_8),
        AndOtpImportTest.withTail("PK\u0003\u0004"))) {
      assertThat(READER.recognises(new ImportInput(other))).isFalse();
    }
  }

  @Test
  void importFormats_freeOtpPlusFiles_pickTheFreeOtpPlusReader() throws IOException {
    for (String name : new String[] {"freeotp-plus.json", "freeotp-plus-2.3.json"}) {
      byte[] bytes = AndOtpImportTest.bytes(DIR + name);
      assertThat(ImportFormats.read(bytes, ImportPassword.NONE).format).isEqualTo("FreeOTP+");
      for (ImportReader reader : ImportFormats.READERS) {
        assertThat(reader.recognises(new ImportInput(bytes))).as(reader.getClass().getSimpleName())
            .isEqualTo(reader instanceof FreeOtpPlusFormat);
      }
    }
  }

  @Test
  void read_secretInEveryField_neverInAMessage() {
    StringJoiner bytes = new StringJoiner(", ", "[", "]");
    for (byte b : KnownSecret.raw()) {
      bytes.add(Byte.toString(b));
    }
    String s = KnownSecret.BASE32;
    String json = "{\"tokenOrder\": [\"" + s + "\"], \"tokens\": ["
        + "{\"label\": \"a\", \"type\": \"" + s + "\", \"secret\": " + bytes + "},"
        + " {\"label\": \"b\", \"algo\": \"" + s + "\", \"secret\": " + bytes + "},"
        + " {\"label\": \"c\", \"digits\": \"" + s + "\", \"secret\": " + bytes + "},"
        + " {\"label\": \"d\", \"type\": \"HOTP\", \"counter\": \"" + s + "\", \"secret\": " + bytes + "},"
        + " {\"label\": \"e\", \"secret\": \"" + s + "\"},"
        + " {\"label\": \"f\", \"period\": -30, \"secret\": " + bytes + "}]}";
    try (ImportFile file = read(json)) {
      assertThat(file.skipped()).hasSize(6);
      KnownSecret.assertNoSecretIn("skip reasons", file.skipped().toString() + file.skipped().stream()
          .map(ImportReport.Skipped::reason).toList() + file);
    }
    String truncated = json.substring(0, json.length() - 40);
    KnownSecret.assertNoSecretIn("error", KnownSecret.fullText(catchThrowable(() -> read(truncated))));
  }
}
