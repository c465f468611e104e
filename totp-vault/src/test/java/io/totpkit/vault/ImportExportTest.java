package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {
  @TempDir Path dir;
  private Vault vault;

  @BeforeEach
  void create() {
    vault = TestVaults.create(dir.resolve("v"));
  }

  @org.junit.jupiter.api.AfterEach
  void close() {
    vault.close();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ImportExportTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Encrypts a plain Aegis export as Aegis documents it: scrypt password slot, AES-256-GCM master key and database. */
  static String encryptAegis(String plainJson, String password, int n) {
    java.security.SecureRandom random = TestVaults.seeded(7);
    HexFormat hex = HexFormat.of();
    byte[] masterKey = new byte[32];
    byte[] salt = new byte[32];
    byte[] keyNonce = new byte[12];
    byte[] dbNonce = new byte[12];
    random.nextBytes(masterKey);
    random.nextBytes(salt);
    random.nextBytes(keyNonce);
    random.nextBytes(dbNonce);
    byte[] derived = Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt, n, 8, 1, 32);
    byte[] sealedKey = Aead.sealDetached(derived, keyNonce, masterKey);
    String db = plainJson.substring(plainJson.indexOf("\"db\":") + 5, plainJson.lastIndexOf('}')).strip();
    byte[] sealedDb = Aead.sealDetached(masterKey, dbNonce, db.getBytes(StandardCharsets.UTF_8));
    int keyCut = sealedKey.length - 16;
    int dbCut = sealedDb.length - 16;
    return "{\"version\": 1, \"header\": {\"slots\": [{\"type\": 1, \"uuid\": \"5a1b0000-0000-4000-8000-000000000001\", "
        + "\"key\": \"" + hex.formatHex(sealedKey, 0, keyCut) + "\", \"key_params\": {\"nonce\": \""
        + hex.formatHex(keyNonce) + "\", \"tag\": \"" + hex.formatHex(sealedKey, keyCut, sealedKey.length)
        + "\"}, \"n\": " + n + ", \"r\": 8, \"p\": 1, \"salt\": \"" + hex.formatHex(salt) + "\", "
        + "\"repaired\": true, \"is_backup\": false}], \"params\": {\"nonce\": \"" + hex.formatHex(dbNonce)
        + "\", \"tag\": \"" + hex.formatHex(sealedDb, dbCut, sealedDb.length) + "\"}}, \"db\": \""
        + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sealedDb, dbCut)) + "\"}";
  }

  private void assertFixtureImported(ImportReport report) {
    assertThat(report.imported()).hasSize(4);
    assertThat(report.skipped()).extracting(ImportReport.Skipped::item)
        .containsExactly("entry 5 (Legacy)", "entry 6 (Weird)", "entry 7 (Typo)");
    assertThat(report.skipped().get(0).reason()).contains("\"motp\" is not supported");
    assertThat(report.skipped().get(1).reason()).contains("MD5");
    assertThat(report.toString() + report.skipped()).doesNotContain("JBSWY3DPEHPK3PXP");
    List<VaultEntry> entries = vault.entries();
    assertThat(entries).extracting(VaultEntry::issuer).containsExactly("GitHub", "Bank", "Steam", "Vendor");
    assertThat(entries.get(0).tags()).containsExactly("client:acme", "imported");
    assertThat(entries.get(1).parameters().type()).isEqualTo(OtpType.HOTP);
    assertThat(entries.get(1).parameters().counter()).hasValue(1);
    assertThat(entries.get(2).parameters().isSteam()).isTrue();
    assertThat(entries.get(3).tags()).containsExactly("client:acme", "imported", "vip");
    assertThat(entries.get(3).parameters().digits()).isEqualTo(8);
    // The Bank key is RFC 4226's: counter 1 gives 287082.
    assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("287082");
  }

  @Test
  void importAegis_plainHandMadeFile_importsAndReportsSkips() throws IOException {
    assertFixtureImported(TestVaults.importAegis(vault, resource("aegis-plain.json"), null, Set.of("imported")));
  }

  @Test
  void importAegis_encryptedWithDocumentedConstruction_importsWithPassword() throws IOException {
    String encrypted = encryptAegis(resource("aegis-plain.json"), "aegis test password", 1 << 15);
    assertThatThrownBy(() -> TestVaults.importAegis(vault, encrypted, null, Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("give its password");
    assertThatThrownBy(() -> TestVaults.importAegis(vault, encrypted, pw("wrong"), Set.of()))
        .isInstanceOf(WrongPassphraseException.class);
    char[] password = pw("aegis test password");
    assertFixtureImported(TestVaults.importAegis(vault, encrypted, password, Set.of("imported")));
    assertThat(password).containsOnly('\0');
  }

  @Test
  void importAegis_passwordWithLoneSurrogate_refusedAsAnImportError() throws IOException {
    String encrypted = encryptAegis(resource("aegis-plain.json"), "pw", 1 << 10);
    assertThatThrownBy(() -> TestVaults.importAegis(vault, encrypted, new char[] {'p', '\ud800'}, Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("broken Unicode character");
  }

  @Test
  void importAegis_alteredDatabase_refused() throws IOException {
    String encrypted = encryptAegis(resource("aegis-plain.json"), "pw", 1 << 10);
    int at = encrypted.indexOf("\"db\": \"") + 10;
    char c = encrypted.charAt(at);
    String altered = encrypted.substring(0, at) + (c == 'A' ? 'B' : 'A') + encrypted.substring(at + 1);
    assertThatThrownBy(() -> TestVaults.importAegis(vault, altered, pw("pw"), Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("fails authentication");
  }

  @Test
  void importAegis_hostileScryptParameters_refused() throws IOException {
    String hostile = encryptAegis(resource("aegis-plain.json"), "pw", 1 << 10).replace("\"n\": 1024",
        "\"n\": 1073741824");
    assertThatThrownBy(() -> TestVaults.importAegis(vault, hostile, pw("pw"), Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("scrypt parameters");
  }

  @Test
  void importAegis_notJsonOrNotAegis_saysSo() {
    assertThatThrownBy(() -> TestVaults.importAegis(vault, "{\"version\": 1", null, Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("JSON that does not parse")
        .hasMessageContaining("totpkit reads");
    assertThatThrownBy(() -> TestVaults.importAegis(vault, "[1, 2]", null, Set.of()))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("JSON of no export format totpkit knows");
    assertThatThrownBy(() -> TestVaults.importAegis(vault, "{\"version\": 7, \"header\": {}, \"db\": {}}", null,
        Set.of())).isInstanceOf(VaultImportException.class).hasMessageContaining("version 1");
  }

  @Test
  void importOtpauth_listWithGoogleExportAndJunk_reportsSkips() {
    String export = MigrationPayload.encode(List.of(
        OtpAuthUri.parse("otpauth://totp/Slack:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Slack"),
        OtpAuthUri.parse("otpauth://hotp/Bank:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3"))).get(0);
    String text = "# accounts of client acme\n" + GITHUB + "\n\nnot a uri\n" + export + "\r\n" + GITHUB + "\n"
        + "otpauth://totp/X:y?secret=1111\n";
    ImportReport report = vault.importOtpauth(text, Set.of("client:acme"));
    assertThat(report.imported()).hasSize(3);
    assertThat(report.skipped()).extracting(ImportReport.Skipped::item)
        .containsExactly("line 4", "line 6 (GitHub)", "line 7");
    assertThat(report.skipped().get(1).reason()).contains("appears earlier in the input");
    assertThat(report.skipped().toString()).doesNotContain("JBSWY3DPEHPK3PXP").doesNotContain("1111");
    assertThat(vault.findByTag("client:acme")).extracting(VaultEntry::issuer)
        .containsExactly("GitHub", "Slack", "Bank");
    assertThat(vault.auditTrail()).extracting(AuditRecord::action).endsWith(AuditAction.ENTRY_ADDED,
        AuditAction.ENTRY_ADDED, AuditAction.ENTRY_ADDED, AuditAction.IMPORTED);
  }

  @Test
  void exportOtpauth_thenImportIntoNewVault_roundTrips() {
    TestVaults.add(vault, GITHUB, "acme");
    TestVaults.add(vault, "otpauth://hotp/Bank:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3", "acme");
    TestVaults.add(vault, "otpauth://totp/Steam:g?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=steam");
    String list = vault.exportOtpauth();
    assertThat(list.lines()).hasSize(3);
    assertThat(vault.auditTrail()).last().extracting(AuditRecord::action).isEqualTo(AuditAction.EXPORTED);
    try (Vault other = Vault.create(dir.resolve("other"), "ann", pw("other pass"), TestVaults.fast())) {
      ImportReport report = other.importOtpauth(list, Set.of());
      assertThat(report.imported()).hasSize(3);
      assertThat(report.skipped()).isEmpty();
      for (int i = 0; i < 3; i++) {
        assertThat(other.code(report.imported().get(i)).code())
            .isEqualTo(vault.code(vault.entries().get(i).id()).code());
      }
    }
  }

  @Test
  void exportAegis_thenImportAegis_roundTripsWithTagsAsGroups() {
    TestVaults.add(vault, GITHUB, "client:acme", "vip");
    TestVaults.add(vault, "otpauth://hotp/Bank:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3");
    TestVaults.add(vault, "otpauth://totp/Steam:g?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&encoder=steam");
    String json = vault.exportAegis();
    assertThat(json).contains("\"version\": 3").contains("\"slots\": null");
    try (Vault other = Vault.create(dir.resolve("other"), "ann", pw("other pass"), TestVaults.fast())) {
      ImportReport report = TestVaults.importAegis(other, json, null, Set.of());
      assertThat(report.imported()).hasSize(3);
      assertThat(other.entries().get(0).tags()).containsExactly("client:acme", "vip");
      assertThat(other.entries().get(1).parameters().counter()).hasValue(3);
      assertThat(other.entries().get(2).parameters().isSteam()).isTrue();
      assertThat(other.code(report.imported().get(0)).code())
          .isEqualTo(vault.code(vault.entries().get(0).id()).code());
    }
  }
}
