package io.totpkit.vault;

import static io.totpkit.vault.StratumImportTest.assertOnlyClaimedBy;
import static io.totpkit.vault.StratumImportTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.OtpAuthUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steam Guard {@code .maFile}s of Steam Desktop Authenticator and steamguard-cli, their manifest, and an encrypted
 * maFile. The fixtures in {@code imports/steam/} were written by {@code make_fixtures.py} there, which also computed
 * the expected codes with SteamAuth's algorithm.
 */
class SteamImportTest {
  static final String DIR = "imports/steam/";
  static final List<String> PLAIN = List.of("76561197960287930.maFile", "gaben_cli.maFile");
  /** What the maFiles hold besides names: no message or report may show any of it. */
  private static final List<String> SECRETS = List.of(
      "QEFCQ0RFRkdISUpLTE1OT1BRUlM=", "IBAUEQ2EIVDEOSCJJJFUYTKOJ5IFCUST", // the SDA key, Base64 and Base32
      "Dx4tPEtaaXiHlqW0w9Lh8AESIzo=", "B4PC2PCLLJUXRB4WUW2MHUXB6AAREIZ2", // the steamguard-cli key
      "R12345", "R54321", "gIGCg4SFhoeIiYqLjI2Oj5CRkpM=", "kJGSk5SVlpeYmZqbnJ2en6ChoqM=", // revocation, identity
      "oKGio6SlpqeoqaqrrK2ur7CxsrM=", "sLGys7S1tre4ubq7vL2+v8DBwsM=", "eyJ0eXAiOiAiSldUIiwgImFsZyI6ICJFZERTQSJ9");

  @TempDir Path dir;

  private static ImportFile read(String name) throws IOException {
    return ImportFile.read(fixture(DIR + name), ImportPassword.NONE);
  }

  private static void assertNoSecretIn(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void read_sdaMaFile_oneSteamAccount() throws IOException {
    try (ImportFile file = read("76561197960287930.maFile")) {
      assertThat(file.format()).isEqualTo("Steam");
      assertThat(file.skipped()).isEmpty();
      assertThat(file.accounts()).hasSize(1);
      ImportFile.Account account = file.accounts().get(0);
      assertThat(account.item()).isEqualTo("account (gaben_sda)");
      OtpAuthUri uri = account.uri();
      assertThat(uri.isSteam()).isTrue();
      assertThat(uri.issuer()).isEqualTo("Steam");
      assertThat(uri.account()).isEqualTo("gaben_sda");
      assertThat(uri.period()).isEqualTo(Duration.ofSeconds(30));
      assertThat(uri.secret().toBase32()).isEqualTo("IBAUEQ2EIVDEOSCJJJFUYTKOJ5IFCUST");
      assertThat(uri.otherParameters()).isEmpty();
      assertThat(account.tags()).isEmpty();
      assertNoSecretIn(file.toString() + file.accounts() + uri);
    }
  }

  @Test
  void read_steamguardCliMaFile_oneSteamAccount() throws IOException {
    try (ImportFile file = read("gaben_cli.maFile")) {
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("account (gaben_cli)");
      OtpAuthUri uri = file.accounts().get(0).uri();
      assertThat(uri.isSteam()).isTrue();
      assertThat(uri.account()).isEqualTo("gaben_cli");
      assertThat(uri.secret().toBase32()).isEqualTo("B4PC2PCLLJUXRB4WUW2MHUXB6AAREIZ2");
    }
  }

  @Test
  void read_manifest_refusedSayingWhatToImport() {
    Throwable thrown = catchThrowable(() -> read("manifest.json"));
    assertThat(thrown).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("manifest.json of Steam Desktop Authenticator or steamguard-cli")
        .hasMessageContaining("import each account's .maFile instead")
        .hasMessageContaining("remove the encryption in the app first");
    String cli = "{\"version\":1,\"entries\":[{\"filename\":\"gaben_cli.maFile\",\"steam_id\":1,"
        + "\"account_name\":\"gaben_cli\",\"encryption\":null}]}";
    assertThatThrownBy(() -> ImportFile.read(cli.getBytes(StandardCharsets.UTF_8), ImportPassword.NONE))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("holds no keys")
        .hasMessageNotContaining("remove the encryption");
    String cliEncrypted = cli.replace("\"encryption\":null", "\"encryption\":{\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\","
        + "\"salt\":\"AAAAAAAAAAA=\",\"scheme\":\"Argon2idAes256\"}");
    assertThatThrownBy(() -> ImportFile.read(cliEncrypted.getBytes(StandardCharsets.UTF_8), ImportPassword.NONE))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("remove the encryption in the app first");
  }

  @Test
  void read_encryptedMaFile_noReaderClaimsItAndTheMessageSaysWhatToDo() throws IOException {
    byte[] encrypted = fixture(DIR + "encrypted.maFile");
    for (ImportReader reader : ImportFormats.READERS) {
      assertThat(reader.recognises(new ImportInput(encrypted))).as(reader.name()).isFalse();
    }
    assertThatThrownBy(() -> read("encrypted.maFile")).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("encrypted Steam Desktop Authenticator or steamguard-cli .maFile")
        .hasMessageContaining("remove the encryption in that app, then import the .maFile");
  }

  @Test
  void looksEncrypted_variousTexts_onlyBase64OfWholeBlocks() {
    String sixteen = Base64.getEncoder().encodeToString(new byte[48]);
    assertThat(SteamFormat.looksEncrypted(sixteen + "\n")).isTrue();
    assertThat(SteamFormat.looksEncrypted(Base64.getEncoder().encodeToString(new byte[47]))).isFalse();
    assertThat(SteamFormat.looksEncrypted(Base64.getEncoder().encodeToString(new byte[16]))).isFalse();
    assertThat(SteamFormat.looksEncrypted(sixteen.replace('A', '-'))).isFalse();
    assertThat(SteamFormat.looksEncrypted(sixteen.substring(0, 40) + "A=AA")).isFalse();
  }

  @Test
  void read_unusableKey_skippedWithReasonAndNoValue() {
    String[] files = {
        "{\"shared_secret\":\"" + Base64.getEncoder().encodeToString(new byte[16]) + "\",\"account_name\":\"a\"}",
        "{\"shared_secret\":\"not base64!\",\"account_name\":\"b\",\"revocation_code\":\"R12345\"}",
        "{\"shared_secret\":null,\"account_name\":\"c\"}",
        "{\"shared_secret\":7,\"account_name\":\"d\"}",
        "{\"shared_secret\":\"QEFCQ0RFRkdISUpLTE1OT1BRUlM=\",\"account_name\":[]}"};
    String[] reasons = {"shared_secret holds 16 bytes; a Steam Guard key has 20", "shared_secret is not Base64",
        "shared_secret is missing", "\"shared_secret\" is not a string", "\"account_name\" is not a string"};
    for (int i = 0; i < files.length; i++) {
      try (ImportFile file = ImportFile.read(files[i].getBytes(StandardCharsets.UTF_8), ImportPassword.NONE)) {
        assertThat(file.accounts()).isEmpty();
        assertThat(file.skipped()).hasSize(1);
        assertThat(file.skipped().get(0).reason()).isEqualTo(reasons[i]);
        assertNoSecretIn(file.skipped().toString());
      }
    }
  }

  @Test
  void recognises_onlyItsOwnFiles_andNoOtherReaderClaimsThem() throws IOException {
    for (String name : PLAIN) {
      assertOnlyClaimedBy(fixture(DIR + name), SteamFormat.class);
    }
    assertOnlyClaimedBy(fixture(DIR + "manifest.json"), SteamFormat.class);
    SteamFormat steam = new SteamFormat();
    for (String other : List.of("aegis-plain.json", StratumImportTest.DIR + "backup.stratum",
        StratumImportTest.DIR + "export.html", StratumImportTest.DIR + "backup-strong.stratum")) {
      assertThat(steam.recognises(new ImportInput(fixture(other)))).as(other).isFalse();
    }
  }

  @Test
  void importFile_maFiles_giveSteamCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      for (String name : PLAIN) {
        try (ImportFile file = read(name)) {
          ImportReport report = vault.importFile(file, Set.of("steam"));
          assertThat(report.imported()).hasSize(1);
          assertNoSecretIn(report.toString() + report.added());
        }
      }
      List<VaultEntry> entries = vault.entries();
      assertThat(entries).extracting(VaultEntry::issuer).containsExactly("Steam", "Steam");
      assertThat(entries.get(0).parameters().isSteam()).isTrue();
      assertThat(entries.get(0).tags()).containsExactly("steam");
      // Expected codes computed by make_fixtures.py with SteamAuth's algorithm at TestVaults.NOW.
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("RYXWJ");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("T33YD");
    }
  }
}
