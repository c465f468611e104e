package io.totpkit.vault;

import static io.totpkit.vault.SpreadsheetImportTest.assertNoKeyIn;
import static io.totpkit.vault.SpreadsheetImportTest.fixture;
import static io.totpkit.vault.SpreadsheetImportTest.items;
import static io.totpkit.vault.SpreadsheetImportTest.read;
import static io.totpkit.vault.SpreadsheetImportTest.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bitwarden's JSON export ({@link BitwardenJsonFormat}): plain, password-protected (fixtures encrypted by
 * {@code imports/bitwarden/make_fixtures.py} with Python's {@code cryptography}) and account-restricted.
 */
class BitwardenJsonImportTest {
  private static final String PASSWORD = "Tr0ub4dor&3 export";
  private static final String[] KEYS = {"OPJWH4JLVL253ARQ2WZ3JB4VESAMHW43", "UNAAHZZBYKUJ6XB3DK2SN3ZZGGO5S62A",
      "HDP3F2EMPYANUSBRLRAZ5K76DS3MZMHF", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "K4TIG5KF23EC4GFOHSQAGX6YUMPKHS2L",
      "ZS35KQTJCOEBUEBQOXXVMUQTXWJE7IYH", "72K2NU4NMJ7YTLMWNXLSW73633DK2MFG", "RZDABCBBDAGILVYIXJXLJ1CITFFW54S7"};

  @TempDir Path dir;

  private static Imports.Parsed readWith(byte[] bytes, String password) {
    return ImportFormats.read(bytes, format -> password.toCharArray());
  }

  private static String text(String name) throws IOException {
    return new String(fixture(name), StandardCharsets.UTF_8);
  }

  private static void assertPersonalVault(Imports.Parsed parsed) {
    List<Imports.Item> items = items(parsed);
    assertThat(items).extracting(item -> item.name).containsExactly("item 1 (GitHub)", "item 2 (AWS root)",
        "item 3 (Steam)", "item 8 (Bank)", "item 9 (Dropbox)");
    assertThat(items.get(0).uri.issuer()).isEqualTo("GitHub");
    assertThat(items.get(0).uri.account()).isEqualTo("acme-ops");
    assertThat(items.get(0).uri.secret().toBase32()).isEqualTo(KEYS[0]);
    assertThat(items.get(0).tags).containsExactly("Clients/Acme");
    assertThat(items.get(1).uri.issuer()).isEqualTo("AWS root");
    assertThat(items.get(1).uri.account()).isEqualTo("root@acme.example");
    assertThat(items.get(1).uri.secret().toBase32()).isEqualTo(KEYS[1]);
    assertThat(items.get(2).uri.isSteam()).isTrue();
    assertThat(items.get(2).uri.account()).isEqualTo("bluebird_gaming");
    assertThat(items.get(2).tags).containsExactly("Clients/Bluebird");
    assertThat(items.get(3).uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(items.get(3).uri.counter()).hasValue(1);
    // The URI names the account but no issuer: the item's name fills it in.
    assertThat(items.get(4).uri.issuer()).isEqualTo("Dropbox");
    assertThat(items.get(4).uri.account()).isEqualTo("ops@bluebird.example");
    assertThat(items.get(4).uri.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(items.get(4).uri.digits()).isEqualTo(8);
    assertThat(items.get(4).uri.period()).isEqualTo(Duration.ofSeconds(60));
    // The note, the card, Jira (no key) and the SSH key are not accounts; the bad key is skipped with its reason.
    assertThat(skipped(parsed)).singleElement().satisfies(skip -> {
      assertThat(skip.item()).isEqualTo("item 7 (Legacy CRM)");
      assertThat(skip.reason()).contains("position 22");
    });
    assertNoKeyIn(skipped(parsed).toString(), KEYS);
  }

  @Test
  void read_plainPersonalExport_takesLoginsWithAKeyAndTheirFolders() throws IOException {
    Imports.Parsed parsed = read(fixture("bitwarden/individual.json"));

    assertThat(parsed.format).isEqualTo("Bitwarden JSON");
    assertPersonalVault(parsed);
  }

  @Test
  void read_plainOrganizationExport_makesCollectionsTags() throws IOException {
    List<Imports.Item> items = items(read(fixture("bitwarden/organization.json")));

    assertThat(items).extracting(item -> item.uri.issuer()).containsExactly("Microsoft", "Cloudflare");
    assertThat(items.get(0).tags).containsExactlyInAnyOrder("Acme", "Shared");
    assertThat(items.get(1).uri.account()).isEqualTo("ops@acme.example");
    assertThat(items.get(1).tags).containsExactly("Shared");
  }

  @Test
  void read_passwordProtectedPbkdf2_opensWithItsPasswordOnly() throws IOException {
    byte[] file = fixture("bitwarden/protected-pbkdf2.json");

    assertThatThrownBy(() -> read(file)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("Bitwarden JSON (encrypted) file is encrypted: give its password");
    assertThatThrownBy(() -> readWith(file, "wrong")).isInstanceOf(WrongPassphraseException.class);
    char[] password = PASSWORD.toCharArray();
    Imports.Parsed parsed = ImportFormats.read(file, format -> password);
    assertThat(parsed.format).isEqualTo("Bitwarden JSON (encrypted)");
    assertPersonalVault(parsed);
    assertThat(password).containsOnly('\0');
  }

  @Test
  void importFile_passwordProtectedArgon2_addsTheOrganizationsAccounts() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = ImportFile.read(fixture("bitwarden/protected-argon2.json"), f -> PASSWORD.toCharArray())) {
      ImportReport report = vault.importFile(file, Set.of("client:acme"));

      assertThat(report.format()).isEqualTo("Bitwarden JSON (encrypted)");
      assertThat(vault.entries()).extracting(VaultEntry::issuer).containsExactly("Microsoft", "Cloudflare");
      assertThat(vault.entries().get(0).tags()).containsExactly("Acme", "Shared", "client:acme");
    }
  }

  @Test
  void read_accountRestrictedExport_refusedSayingHowToExport() throws IOException {
    assertThatThrownBy(() -> readWith(fixture("bitwarden/account-restricted.json"), "anything"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("\"account restricted\"")
        .hasMessageContaining("as .json, or as an encrypted .json that is \"password protected\"");
  }

  @Test
  void read_alteredData_failsAuthentication_alteredValidation_looksLikeAWrongPassword() throws IOException {
    String file = text("bitwarden/protected-pbkdf2.json");
    int data = file.indexOf("\"data\": \"2.") + 40;
    String alteredData = file.substring(0, data) + (file.charAt(data) == 'A' ? 'B' : 'A') + file.substring(data + 1);
    int check = file.indexOf("\"encKeyValidation_DO_NOT_EDIT\": \"2.") + 60;
    String alteredCheck = file.substring(0, check) + (file.charAt(check) == 'A' ? 'B' : 'A')
        + file.substring(check + 1);

    assertThatThrownBy(() -> readWith(alteredData.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("fails authentication: it was altered");
    assertThatThrownBy(() -> readWith(alteredCheck.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("encKeyValidation_DO_NOT_EDIT");
  }

  @Test
  void read_truncatedOrMalformedFields_failWithWhatIsWrong() throws IOException {
    String file = text("bitwarden/protected-pbkdf2.json");
    byte[] truncated = file.substring(0, file.length() / 2).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readWith(truncated, PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("JSON that does not parse");
    String data = file.substring(file.indexOf("\"data\": \"") + 9, file.lastIndexOf('"'));
    String[][] cases = {
        {data, "2.AAAA", "does not have the three parts"},
        {data, "0." + data.substring(2), "not an EncString of type 2"},
        {data, data.replace('|', '!'), "does not have the three parts"},
        {data, data.substring(0, data.lastIndexOf('|')) + "|AAAA", "wrong length"},
        {data, data.replace("==|", "=*|"), "not Base64"},
        {"\"salt\": \"", "\"salt\": 7, \"x\": \"", "no usable \"salt\""},
        {"\"kdfIterations\": 100000", "\"kdfIterations\": \"many\"", "kdfIterations is not a whole number"},
    };
    for (String[] c : cases) {
      byte[] damaged = file.replace(c[0], c[1]).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> readWith(damaged, PASSWORD)).as(c[2]).isInstanceOf(VaultImportException.class)
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void read_hostileKdfParameters_refusedBeforeAnyWork() throws IOException {
    String pbkdf2 = text("bitwarden/protected-pbkdf2.json");
    String argon2 = text("bitwarden/protected-argon2.json");
    String[][] cases = {
        {pbkdf2, "\"kdfIterations\": 100000", "\"kdfIterations\": 2000000000", "5000 to 2000000"},
        {pbkdf2, "\"kdfIterations\": 100000", "\"kdfIterations\": 1", "5000 to 2000000"},
        {pbkdf2, "\"kdfType\": 0", "\"kdfType\": 7", "0 (PBKDF2-SHA256) and 1 (Argon2id) are read"},
        {argon2, "\"kdfMemory\": 64", "\"kdfMemory\": 1048576", "16 to 1024 MiB"},
        {argon2, "\"kdfParallelism\": 4", "\"kdfParallelism\": 255", "1 to 16 lanes"},
        {argon2, "\"kdfIterations\": 3", "\"kdfIterations\": 1000", "2 to 10 passes"},
        {argon2.replace("\"kdfIterations\": 3", "\"kdfIterations\": 5"), "\"kdfMemory\": 64", "\"kdfMemory\": 1024",
            "at most 4096 MiB times passes"},
        {argon2, "\"kdfMemory\": 64,", "", "kdfMemory is not a whole number"},
    };
    for (String[] c : cases) {
      byte[] hostile = c[0].replace(c[1], c[2]).getBytes(StandardCharsets.UTF_8);
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> readWith(hostile, PASSWORD))
          .as(c[2]).isInstanceOf(VaultImportException.class).hasMessageContaining(c[3]));
    }
  }

  @Test
  void keyDerivation_matchesBitwardensOwnTestVectors() throws Exception {
    // bitwarden/sdk-internal crates/bitwarden-crypto/src/keys/kdf.rs (test_master_key_derive_pbkdf2 and _argon2) and
    // keys/utils.rs (test_stretch_kdf_key): password "67t9b5g67$%Dh89n", salt "test_key".
    HexFormat hex = HexFormat.of();
    byte[] password = "67t9b5g67$%Dh89n".getBytes(StandardCharsets.UTF_8);
    byte[] salt = "test_key".getBytes(StandardCharsets.UTF_8);
    byte[] master = Pbkdf2.derive(Pbkdf2.Hash.SHA256, password, salt, 10_000, 32, "test");
    assertThat(hex.formatHex(master))
        .isEqualTo("1f4f68e29647b15ac250acd1118184518aa745a7fe95021b27c5402a16c3564b");
    assertThat(hex.formatHex(Hkdf.expand(master, "enc".getBytes(StandardCharsets.US_ASCII), 32)))
        .isEqualTo("6f1fb22dee9825728fd77c5387adc3178e8678f93d84a3b671c5bdccbc15ed60");
    assertThat(hex.formatHex(Hkdf.expand(master, "mac".getBytes(StandardCharsets.US_ASCII), 32)))
        .isEqualTo("dd7fceea651bca265634221c4e1cb910303d7fa6d1f7c257e81a3055c1f9b39b");
    byte[] saltHash = MessageDigest.getInstance("SHA-256").digest(salt);
    assertThat(hex.formatHex(Argon2id.derive(password, saltHash, new KdfParams(32 * 1024, 4, 2), 32)))
        .isEqualTo("cff0e1b1a213a34c626ab3afe00911f01493ed2ff6968db83ee183f23335e1f2");
  }

  @Test
  void recognition_claimsBitwardenJsonOnly() throws IOException {
    BitwardenJsonFormat reader = new BitwardenJsonFormat();
    for (String other : List.of("aegis-plain.json", "bitwarden/individual.csv", "spreadsheet/agency.csv",
        "onepassword/export.csv")) {
      assertThat(reader.recognises(new ImportInput(fixture(other)))).as(other).isFalse();
    }
    assertThat(reader.recognises(new ImportInput("{\"encrypted\": \"no\", \"items\": []}".getBytes(
        StandardCharsets.UTF_8)))).isFalse();
    for (String own : List.of("bitwarden/individual.json", "bitwarden/organization.json")) {
      assertThat(read(fixture(own)).format).as(own).isEqualTo(BitwardenJsonFormat.NAME);
    }
    assertThat(new AegisFormat().recognises(new ImportInput(fixture("bitwarden/protected-pbkdf2.json")))).isFalse();
  }
}
