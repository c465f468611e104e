package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TwoFasFormat} against hand-written 2FAS backups; the encrypted ones were made by
 * {@code imports/2fas/make_fixtures.py} with Python's {@code cryptography}, not by totpkit.
 */
class TwoFasImportTest {
  static final String PASSWORD = "2fas fixture password";
  /** Every key in the fixtures: none may appear in a message. */
  static final List<String> KEYS = List.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "YC4LLFTCGU23TSSTMJDRV5APCKF7MLKK",
      "GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE", "YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW", "PJXGKMCGQTYPCDIB57WGRVZTMIA6XPCA",
      "GEZDGNBV", "OVDZ4P4SP7QTZJGWNJEX7APORFC3GVZJ", "M7RYDL7EHJJ4ENBUBSPRQRUP4MMOHRMM",
      "PD3BLMNMVDJIWWEFYMOSE5JC4PIOR7UH", "COP6KLSVD43COO267LHO56XZ5P3YU2HK");

  @TempDir Path dir;

  static byte[] fixture(String name) {
    try (InputStream in = TwoFasImportTest.class.getResourceAsStream("imports/2fas/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("missing fixture " + name, e);
    }
  }

  static ImportFile read(byte[] bytes, String password) {
    return ImportFile.read(bytes, password == null ? ImportPassword.NONE : format -> pw(password));
  }

  static ImportFile read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8), null);
  }

  private static OtpAuthUri uri(ImportFile file, int index) {
    return file.accounts().get(index).uri();
  }

  private static void assertNoKeyIn(String text) {
    KEYS.forEach(key -> assertThat(text).doesNotContain(key));
  }

  @Test
  void read_androidSchema4_carriesEveryField() {
    try (ImportFile file = read(fixture("2fas-android-v4-plain.2fas"), null)) {
      assertThat(file.format()).isEqualTo("2FAS");
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("entry 1 (GitHub)",
          "entry 2 (Bank of Example)", "entry 3 (Steam)", "entry 4 (AWS)", "entry 6 (Forum)", "entry 7 (Mastodon)");
      OtpAuthUri github = uri(file, 0);
      assertThat(github.issuer()).isEqualTo("GitHub");
      assertThat(github.account()).isEqualTo("ann@example.com");
      assertThat(github.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
      assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
      assertThat(github.digits()).isEqualTo(6);
      assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));
      assertThat(file.accounts().get(0).tags()).containsExactly("Work");
      OtpAuthUri bank = uri(file, 1);
      assertThat(bank.type()).isEqualTo(OtpType.HOTP);
      assertThat(bank.counter()).hasValue(7);
      assertThat(bank.account()).isEqualTo("ann");
      assertThat(file.accounts().get(1).tags()).isEmpty();
      OtpAuthUri steam = uri(file, 2);
      assertThat(steam.isSteam()).isTrue();
      assertThat(steam.issuer()).isEqualTo("Steam");
      assertThat(steam.account()).isEqualTo("gabe_fan");
      // The service's name, not otp.issuer, is what 2FAS shows and what becomes the issuer.
      OtpAuthUri aws = uri(file, 3);
      assertThat(aws.issuer()).isEqualTo("AWS");
      assertThat(aws.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
      assertThat(aws.digits()).isEqualTo(8);
      assertThat(aws.period()).isEqualTo(Duration.ofSeconds(60));
      assertThat(file.accounts().get(5).tags()).containsExactly("Personal");
      assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("entry 5 (Legacy VPN)");
      assertThat(file.skipped().get(0).reason()).contains("SHA224");
    }
  }

  @Test
  void importFile_androidSchema4_vaultRefusesShortKeyAndCodesMatchTheApp() {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = read(fixture("2fas-android-v4-plain.2fas"), null)) {
      ImportReport report = vault.importFile(file, Set.of("from-2fas"));
      assertThat(report.imported()).hasSize(5);
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item)
          .containsExactly("entry 5 (Legacy VPN)", "entry 6 (Forum)");
      assertNoKeyIn(report.toString() + report.skipped());
      List<VaultEntry> entries = vault.entries();
      assertThat(entries.get(0).tags()).containsExactly("Work", "from-2fas");
      // Expected codes at TestVaults.NOW, computed with Python's hmac (see make_fixtures.py for the keys).
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("297774");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("201732");
      assertThat(vault.code(entries.get(2).id()).code()).isEqualTo("8GYTB");
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("37578876");
    }
  }

  @Test
  void read_iosSchema4_carriesEveryField() {
    try (ImportFile file = read(fixture("2fas-ios-v4-plain.2fas"), null)) {
      assertThat(file.skipped()).isEmpty();
      assertThat(file.accounts()).extracting(account -> account.uri().issuer())
          .containsExactly("Dropbox", "Jenkins: staging", "Proton", "Steam");
      assertThat(file.accounts().get(0).tags()).containsExactly("Family");
      assertThat(uri(file, 1).account()).isEqualTo("deploy");
      OtpAuthUri proton = uri(file, 2);
      assertThat(proton.type()).isEqualTo(OtpType.HOTP);
      assertThat(proton.counter()).hasValue(3);
      assertThat(proton.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
      assertThat(proton.digits()).isEqualTo(8);
      assertThat(uri(file, 3).isSteam()).isTrue();
    }
  }

  @Test
  void read_schema1_takesDefaultsForWhatItLacks() {
    try (ImportFile file = read(fixture("2fas-android-v1-plain.2fas"), null)) {
      assertThat(file.accounts()).extracting(account -> account.uri().issuer() + "/" + account.uri().account())
          .containsExactly("GitLab/ann", "Nextcloud/ann");
      assertThat(uri(file, 0).digits()).isEqualTo(6);
      assertThat(uri(file, 0).period()).isEqualTo(Duration.ofSeconds(30));
      assertThat(uri(file, 0).algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2fas-android-v4", "2fas-ios-v4"})
  void read_encrypted_givesWhatThePlainBackupGives(String name) {
    char[] password = pw(PASSWORD);
    AtomicReference<String> asked = new AtomicReference<>();
    try (ImportFile plain = read(fixture(name + "-plain.2fas"), null);
        ImportFile encrypted = ImportFile.read(fixture(name + "-encrypted.2fas"), format -> {
          asked.set(format);
          return password;
        })) {
      assertThat(asked.get()).isEqualTo("2FAS (encrypted)");
      assertThat(encrypted.format()).isEqualTo("2FAS (encrypted)");
      assertThat(password).containsOnly('\0');
      assertThat(uris(encrypted)).isEqualTo(uris(plain));
      assertThat(encrypted.accounts()).extracting(ImportFile.Account::tags)
          .isEqualTo(plain.accounts().stream().map(ImportFile.Account::tags).toList());
      assertThat(encrypted.skipped()).isEqualTo(plain.skipped());
    }
  }

  private static List<String> uris(ImportFile file) {
    List<String> uris = new ArrayList<>();
    file.accounts().forEach(account -> uris.add(account.uri().toUriString()));
    return uris;
  }

  @Test
  void read_encryptedSchema2_opens() {
    try (ImportFile file = read(fixture("2fas-android-v2-encrypted.2fas"), PASSWORD)) {
      assertThat(file.accounts()).extracting(account -> account.uri().issuer()).containsExactly("Google",
          "Bitwarden");
    }
  }

  @Test
  void read_encryptedWithoutPassword_saysItIsEncrypted() {
    assertThatThrownBy(() -> read(fixture("2fas-android-v4-encrypted.2fas"), null))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("2FAS (encrypted) file is encrypted")
        .hasMessageContaining("give its password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2fas-android-v4-encrypted.2fas", "2fas-ios-v4-encrypted.2fas"})
  void read_wrongPassword_wrongPassphrase(String name) {
    assertThatThrownBy(() -> read(fixture(name), "not the password"))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("does not open the 2FAS backup");
  }

  /** Replaces one Base64 character of the {@code part}-th part (0: ciphertext) of {@code field}. */
  static String alter(String json, String field, int part) {
    int at = json.indexOf("\"" + field + "\":\"") + field.length() + 4;
    for (int i = 0; i < part; i++) {
      at = json.indexOf(':', at) + 1;
    }
    at += 5;
    char c = json.charAt(at);
    return json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1);
  }

  private static String text(String name) {
    return new String(fixture(name), StandardCharsets.UTF_8);
  }

  @Test
  void read_alteredServices_saysAlteredNotWrongPassword() {
    String altered = alter(text("2fas-android-v4-encrypted.2fas"), "servicesEncrypted", 0);
    assertThatThrownBy(() -> read(altered.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).isNotInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("altered or damaged");
  }

  @Test
  void read_alteredReference_wrongPassphraseThatNamesTheReference() {
    String altered = alter(text("2fas-android-v4-encrypted.2fas"), "reference", 0);
    assertThatThrownBy(() -> read(altered.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("reference field was altered");
  }

  @Test
  void read_noReferenceAndWrongPassword_saysBothCauses() {
    String json = text("2fas-android-v4-encrypted.2fas").replaceAll(",\"reference\":\"[^\"]*\"", "");
    assertThat(json).doesNotContain("reference");
    assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8), "nope"))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("or the file was altered");
    try (ImportFile file = read(json.getBytes(StandardCharsets.UTF_8), PASSWORD)) {
      assertThat(file.accounts()).hasSize(6);
    }
  }

  @Test
  void read_saltOfAnotherSize_stillOpens() {
    // The apps' salts differ (Android 256 bytes, iOS 32): the length is read from the field, not assumed.
    try (ImportFile file = read(fixture("2fas-ios-v4-encrypted.2fas"), PASSWORD)) {
      assertThat(file.accounts()).hasSize(4);
    }
  }

  @Test
  void read_truncatedFile_saysTheJsonDoesNotParse() {
    byte[] whole = fixture("2fas-android-v4-encrypted.2fas");
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> read(half, PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("JSON that does not parse");
  }

  @Test
  void read_damagedEncryptedFields_refusedWithTheirReason() {
    String json = text("2fas-android-v4-encrypted.2fas");
    String services = json.substring(json.indexOf("\"servicesEncrypted\":\"") + 21);
    services = services.substring(0, services.indexOf('"'));
    String[] parts = services.split(":");
    String twoParts = json.replace(services, parts[0] + ":" + parts[1]);
    assertThatThrownBy(() -> read(twoParts.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("three Base64 parts");
    String shortIv = json.replace(services, parts[0] + ":" + parts[1] + ":AAAA");
    assertThatThrownBy(() -> read(shortIv.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("IV is 3 bytes");
    String cut = json.replace(services, "AAAA:" + parts[1] + ":" + parts[2]);
    assertThatThrownBy(() -> read(cut.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("truncated");
    String hugeSalt = json.replace(services, parts[0] + ":" + Base64.getEncoder().encodeToString(new byte[4096])
        + ":" + parts[2]);
    assertThatThrownBy(() -> read(hugeSalt.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("salt is 4096 bytes");
    String notText = json.replace("\"" + services + "\"", "42");
    assertThatThrownBy(() -> read(notText.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("servicesEncrypted is not a string");
  }

  @Test
  void read_schemaVersionOutOfRange_refused() {
    assertThatThrownBy(() -> read("{\"services\": [], \"schemaVersion\": 5}"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("schema version 5; versions 1 to 4");
    assertThatThrownBy(() -> read("{\"services\": [], \"schemaVersion\": \"4\"}"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("schemaVersion is not a whole number");
    assertThatThrownBy(() -> read("{\"services\": {}, \"schemaVersion\": 4}"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("services is not a JSON array");
  }

  private static String service(String fields) {
    return "{\"services\": [" + fields + "], \"schemaVersion\": 4, \"groups\": [{\"id\": \"g1\", \"name\": \"  \","
        + " \"isExpanded\": true}, {\"id\": \"g2\", \"name\": \" Ops \", \"isExpanded\": true}, 7]}";
  }

  @Test
  void read_oddServices_defaultsFallbacksAndSkips() {
    String key = "\"secret\": \"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\"";
    try (ImportFile file = read(service(
        "{\"name\": \"NoOtp\", " + key + ", \"groupId\": \"g1\"},"
        + "{\"name\": \"\", " + key + ", \"otp\": {\"issuer\": \"Fallback\", \"label\": \"Fallback:ann\"},"
        + " \"groupId\": \"g2\"},"
        + "{\"name\": \"Lower\", " + key + ", \"otp\": {\"tokenType\": \"hotp\", \"counter\": 4}, \"groupId\": \"gX\"},"
        + "{\"name\": \"Motp\", " + key + ", \"otp\": {\"tokenType\": \"MOTP\"}},"
        + "{\"name\": \"Garbled\", " + key + ", \"otp\": {\"tokenType\": \"JBSWY3DPEHPK3PXPJBSWY3DP\"}},"
        + "{\"name\": \"NoCounter\", " + key + ", \"otp\": {\"tokenType\": \"HOTP\"}},"
        + "{\"name\": \"NoSecret\", \"otp\": {}},"
        + "{\"name\": \"BadSecret\", \"secret\": \"not base32!\"},"
        + "{\"name\": \"BadDigits\", " + key + ", \"otp\": {\"digits\": \"six\"}},"
        + "{\"name\": \"BadOtp\", " + key + ", \"otp\": [1]},"
        + "\"not an object\""))) {
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("entry 1 (NoOtp)",
          "entry 2", "entry 3 (Lower)");
      assertThat(uri(file, 0).issuer()).isEqualTo("NoOtp");
      assertThat(uri(file, 0).digits()).isEqualTo(6);
      assertThat(file.accounts().get(0).tags()).isEmpty();
      // An empty name falls back to otp.issuer; a missing account to otp.label, which is not split.
      assertThat(uri(file, 1).issuer()).isEqualTo("Fallback");
      assertThat(uri(file, 1).account()).isEqualTo("Fallback:ann");
      assertThat(file.accounts().get(1).tags()).containsExactly("Ops");
      assertThat(uri(file, 2).counter()).hasValue(4);
      assertThat(file.accounts().get(2).tags()).isEmpty();
      List<String> reasons = file.skipped().stream().map(s -> s.item() + ": " + s.reason()).toList();
      assertThat(reasons).containsExactly(
          "entry 4 (Motp): tokenType \"MOTP\" is not supported (TOTP, HOTP and STEAM are)",
          "entry 5 (Garbled): tokenType of 24 characters is not supported (TOTP, HOTP and STEAM are)",
          "entry 6 (NoCounter): an HOTP entry without its counter",
          "entry 7 (NoSecret): \"secret\" is missing",
          reasons.get(4),
          "entry 9 (BadDigits): \"digits\" is not a whole number",
          "entry 10 (BadOtp): \"otp\" is not a JSON object",
          "entry 11: entry 11 is not a JSON object");
      assertThat(reasons.get(4)).startsWith("entry 8 (BadSecret): ").doesNotContain("not base32");
      assertNoKeyIn(reasons.toString());
    }
  }

  @Test
  void recognises_onlyTwoFasBackups() {
    TwoFasFormat twoFas = new TwoFasFormat();
    ProtonFormat proton = new ProtonFormat();
    AegisFormat aegis = new AegisFormat();
    for (String name : List.of("2fas-android-v4-plain.2fas", "2fas-android-v4-encrypted.2fas",
        "2fas-ios-v4-plain.2fas", "2fas-ios-v4-encrypted.2fas", "2fas-android-v1-plain.2fas",
        "2fas-android-v2-encrypted.2fas")) {
      ImportInput input = new ImportInput(fixture(name));
      assertThat(twoFas.recognises(input)).as(name).isTrue();
      assertThat(proton.recognises(input)).as(name).isFalse();
      assertThat(aegis.recognises(input)).as(name).isFalse();
      assertThat(ImportFormats.read(fixture(name), format -> pw(PASSWORD)).format).as(name).startsWith("2FAS");
    }
    for (String name : List.of("proton-plain.json", "proton-encrypted.json")) {
      assertThat(twoFas.recognises(new ImportInput(ProtonImportTest.fixture(name)))).as(name).isFalse();
    }
    byte[] aegisExport;
    try (InputStream in = TwoFasImportTest.class.getResourceAsStream("aegis-plain.json")) {
      aegisExport = in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(twoFas.recognises(new ImportInput(aegisExport))).isFalse();
    assertThat(twoFas.recognises(new ImportInput("[1]".getBytes(StandardCharsets.UTF_8)))).isFalse();
    assertThat(twoFas.recognises(new ImportInput(new byte[] {(byte) 0xff, 0, 1}))).isFalse();
  }

  @Test
  void messages_neverQuoteAKey() {
    List<String> texts = new ArrayList<>();
    for (String name : List.of("2fas-android-v4-plain.2fas", "2fas-ios-v4-plain.2fas")) {
      try (ImportFile file = read(fixture(name), null)) {
        texts.add(file.toString() + file.accounts() + file.skipped());
      }
    }
    for (String password : new String[] {null, "wrong"}) {
      try {
        read(fixture("2fas-android-v4-encrypted.2fas"), password).close();
      } catch (VaultException e) {
        texts.add(e.getMessage());
      }
    }
    assertThat(texts).hasSize(4);
    texts.forEach(TwoFasImportTest::assertNoKeyIn);
  }
}
