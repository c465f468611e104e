package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ProtonFormat} and {@link ProtonTotpUri} against hand-written Proton Authenticator exports; the encrypted one
 * was made by {@code imports/proton/make_fixtures.py} with Python's {@code cryptography}, not by totpkit.
 */
class ProtonImportTest {
  static final String PASSWORD = "proton fixture password";
  static final List<String> KEYS = List.of("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW",
      "M7RYDL7EHJJ4ENBUBSPRQRUP4MMOHRMM", "PD3BLMNMVDJIWWEFYMOSE5JC4PIOR7UH", "COP6KLSVD43COO267LHO56XZ5P3YU2HK",
      "GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE", "p2MIgj/B2MSJPRtDVnPanZp0c4Q", "GEZDGNBV", "0123456789abcdef");

  @TempDir Path dir;

  static byte[] fixture(String name) {
    try (InputStream in = ProtonImportTest.class.getResourceAsStream("imports/proton/" + name)) {
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

  private static String text(String name) {
    return new String(fixture(name), StandardCharsets.UTF_8);
  }

  private static void assertNoKeyIn(String text) {
    KEYS.forEach(key -> assertThat(text).doesNotContain(key));
  }

  @Test
  void read_plain_carriesEveryField() {
    try (ImportFile file = read(fixture("proton-plain.json"), null)) {
      assertThat(file.format()).isEqualTo("Proton Authenticator");
      assertThat(file.accounts()).extracting(account -> account.uri().issuer() + "|" + account.uri().account())
          .containsExactly("GitHub|ann@example.com", "Amazon Web Services|ops@example.com", "Acme|team: billing",
              "|homelab", "Fastmail|Work: mail", "Steam|gabe_fan", "Steam|gabe_alt", "Forum|ann");
      OtpAuthUri github = file.accounts().get(0).uri();
      assertThat(github.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
      assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
      assertThat(github.digits()).isEqualTo(6);
      assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));
      OtpAuthUri aws = file.accounts().get(1).uri();
      assertThat(aws.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
      assertThat(aws.digits()).isEqualTo(8);
      assertThat(aws.period()).isEqualTo(Duration.ofSeconds(60));
      assertThat(file.accounts().get(2).uri().algorithm()).isEqualTo(HmacAlgorithm.SHA256);
      assertThat(file.accounts().get(5).uri().isSteam()).isTrue();
      assertThat(file.accounts().get(5).uri().secret().toBase32()).isEqualTo("GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE");
      // A Base64 Steam key is read whole, '/' included, as Proton wrote it.
      assertThat(file.accounts().get(6).uri().secret().bytes())
          .isEqualTo(Base64.getDecoder().decode("p2MIgj/B2MSJPRtDVnPanZp0c4Q="));
      assertThat(file.accounts()).allSatisfy(account -> assertThat(account.tags()).isEmpty());
      assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("entry 9 (admin)");
      assertThat(file.skipped().get(0).reason()).contains("not Base32").contains("takes the text itself");
      assertNoKeyIn(file.skipped().toString());
    }
  }

  @Test
  void importFile_plain_vaultRefusesShortKeyAndCodesMatch() {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = read(fixture("proton-plain.json"), null)) {
      ImportReport report = vault.importFile(file, Set.of("from-proton"));
      assertThat(report.imported()).hasSize(7);
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item)
          .containsExactly("entry 8 (ann)", "entry 9 (admin)");
      assertNoKeyIn(report.toString() + report.skipped());
      List<VaultEntry> entries = vault.entries();
      assertThat(entries.get(0).tags()).containsExactly("from-proton");
      // Expected codes at TestVaults.NOW, computed with Python's hmac.
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("297774");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("46654009");
      assertThat(vault.code(entries.get(5).id()).code()).isEqualTo("8GYTB");
      assertThat(vault.code(entries.get(6).id()).code()).isEqualTo("CQ9QG");
    }
  }

  @Test
  void read_encrypted_givesWhatThePlainExportGives() {
    char[] password = pw(PASSWORD);
    AtomicReference<String> asked = new AtomicReference<>();
    try (ImportFile plain = read(fixture("proton-plain.json"), null);
        ImportFile encrypted = ImportFile.read(fixture("proton-encrypted.json"), format -> {
          asked.set(format);
          return password;
        })) {
      assertThat(asked.get()).isEqualTo("Proton Authenticator (encrypted)");
      assertThat(encrypted.format()).isEqualTo("Proton Authenticator (encrypted)");
      assertThat(password).containsOnly('\0');
      assertThat(uris(encrypted)).isEqualTo(uris(plain));
      assertThat(encrypted.skipped()).isEqualTo(plain.skipped());
    }
  }

  private static List<String> uris(ImportFile file) {
    List<String> uris = new ArrayList<>();
    file.accounts().forEach(account -> uris.add(account.uri().toUriString()));
    return uris;
  }

  @Test
  void read_encryptedWithoutPassword_saysItIsEncrypted() {
    assertThatThrownBy(() -> read(fixture("proton-encrypted.json"), null)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("Proton Authenticator (encrypted) file is encrypted: give its password");
  }

  @Test
  void read_wrongPassword_wrongPassphraseThatAlsoNamesDamage() {
    assertThatThrownBy(() -> read(fixture("proton-encrypted.json"), "not the password"))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("does not open")
        .hasMessageContaining("or the file was altered");
  }

  @Test
  void read_flippedCiphertext_cannotBeToldFromAWrongPassword() {
    String json = text("proton-encrypted.json");
    int at = json.indexOf("\"content\":\"") + 40;
    String flipped = json.substring(0, at) + (json.charAt(at) == 'A' ? 'B' : 'A') + json.substring(at + 1);
    assertThatThrownBy(() -> read(flipped.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("the file was altered");
  }

  @Test
  void read_damagedEncryptedFields_refusedWithTheirReason() {
    String json = text("proton-encrypted.json");
    String content = json.substring(json.indexOf("\"content\":\"") + 11, json.lastIndexOf('"'));
    String salt = json.substring(json.indexOf("\"salt\":\"") + 8, json.indexOf("\",\"content\""));
    String cut = json.replace(content, content.substring(0, 32));
    assertThatThrownBy(() -> read(cut.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("truncated");
    String longSalt = json.replace(salt, Base64.getEncoder().encodeToString(new byte[1 << 20]));
    long start = System.nanoTime();
    assertThatThrownBy(() -> read(longSalt.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("salt is 1048576 bytes; Proton writes 16");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    String notBase64 = json.replace(content, "!!!");
    assertThatThrownBy(() -> read(notBase64.getBytes(StandardCharsets.UTF_8), PASSWORD))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("content is not Base64");
    byte[] half = java.util.Arrays.copyOf(fixture("proton-encrypted.json"), 100);
    assertThatThrownBy(() -> read(half, PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("JSON that does not parse");
  }

  @Test
  void read_otherVersions_refused() {
    assertThatThrownBy(() -> read("{\"version\": 2, \"entries\": []}")).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("export has version 2; version 1 is read");
    assertThatThrownBy(() -> read("{\"version\": \"1\", \"salt\": \"\", \"content\": \"\"}"))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("version is not a whole number");
    // Entries that are not a list of Proton entries are not Proton's (steamguard-cli's manifest has entries too).
    assertThatThrownBy(() -> read("{\"version\": 1, \"entries\": {}}")).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("JSON of no export format totpkit knows");
  }

  private static String entry(String type, String uri, String name) {
    return "{\"id\": \"x\", \"content\": {\"uri\": \"" + uri + "\", \"entry_type\": \"" + type + "\", \"name\": \""
        + name + "\"}, \"note\": null}";
  }

  @Test
  void read_oddEntries_skippedWithTheirReason() {
    String key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    try (ImportFile file = read("{\"version\": 1, \"entries\": ["
        + entry("Hotp", "otpauth://hotp/x?secret=" + key + "&counter=1", "a") + ","
        + entry("Totp", "otpauth://hotp/x?secret=" + key + "&counter=1", "b") + ","
        + entry("Steam", "otpauth://totp/x?secret=" + key, "c") + ","
        + entry("Steam", "steam://!!!", "d") + ","
        + entry("Totp", "otpauth://totp/x?secret=" + key + "&digits=12", "e") + ","
        + entry("Totp", "otpauth://totp/x?secret=" + key + "&period=0", "f") + ","
        + entry("Totp", "otpauth://totp/x?secret=" + key + "&algorithm=MD5", "g") + ","
        + entry("Totp", "otpauth://totp/x?secret=" + key + "&secret=" + key, "h") + ","
        + entry("Totp", "otpauth://totp/x", "i") + ","
        + entry("Totp", key, "j") + ","
        + entry("Totp", "otpauth://totp/x?issuer=X", "k") + ","
        + "{\"id\": \"y\"}, 3]}")) {
      assertThat(file.accounts()).isEmpty();
      List<String> reasons = file.skipped().stream().map(s -> s.item() + ": " + s.reason()).toList();
      assertThat(reasons).containsExactly(
          "entry 1 (a): entry_type \"Hotp\" is not supported (Totp and Steam are)",
          "entry 2 (b): content.uri is not an otpauth://totp/ URI (Proton Authenticator writes no other)",
          "entry 3 (c): content.uri of a Steam entry is not a steam:// URI",
          "entry 4 (d): the Steam key is neither Base32 nor Base64",
          "entry 5 (e): content.uri's digits is not a whole number from 1 to 9",
          "entry 6 (f): content.uri's period is not a whole number from 1 to 65535",
          "entry 7 (g): MD5 is not supported",
          "entry 8 (h): content.uri has its \"secret\" parameter twice",
          "entry 9 (i): content.uri has no parameters, so no secret",
          "entry 10 (j): content.uri is not an otpauth:// URI",
          "entry 11 (k): content.uri has no secret",
          "entry 12: \"content\" is not a JSON object",
          "entry 13: entry 13 is not a JSON object");
      assertNoKeyIn(reasons.toString());
    }
  }

  /** Proton's own label rules (proton-pass-totp {@code parse_label}, {@code parse_issuer}) and its tests' cases. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "otpauth://totp/issuer%3Alabel?secret=GEZDGNBVGY3TQOJQ                       | issuer       | label",
      "otpauth://totp/issuer%3Alabel?secret=GEZDGNBVGY3TQOJQ&issuer=issuer          | issuer       | label",
      "otpauth://totp/name%3A%20updated?secret=GEZDGNBVGY3TQOJQ&issuer=My%20Company | My Company   | name: updated",
      "otpauth://totp/Work:%20mail?secret=GEZDGNBVGY3TQOJQ&issuer=Work              | Work         | mail",
      "otpauth://totp/a%3Ab%3Ac?secret=GEZDGNBVGY3TQOJQ                             | a:b          | c",
      "otpauth://TOTP/%20spaced%20?secret=GEZDGNBVGY3TQOJQ&algorithm=null&digits=null | ''         | spaced",
      "otpauth://totp?secret=GEZDGNBVGY3TQOJQ&issuer=Only+Issuer                    | Only Issuer  | ''",
      "otpauth://totp/%E2%9C%93%zz?secret=gezd-gnbv_gy3t%20qojq====                 | ''           | ✓%zz",
      "otpauth://totp/x%FFy?secret=GEZDGNBVGY3TQOJQ&issuer=Bytes                    | Bytes        | x%FFy",
  })
  void read_protonLabelRules(String uri, String issuer, String account) {
    OtpAuthUri read = ProtonTotpUri.read(uri);
    assertThat(read.issuer()).isEqualTo(issuer);
    assertThat(read.account()).isEqualTo(account);
    assertThat(read.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQ");
    assertThat(read.digits()).isEqualTo(6);
  }

  @Test
  void recognises_onlyProtonExports() {
    ProtonFormat proton = new ProtonFormat();
    for (String name : List.of("proton-plain.json", "proton-encrypted.json")) {
      ImportInput input = new ImportInput(fixture(name));
      assertThat(proton.recognises(input)).as(name).isTrue();
      assertThat(new TwoFasFormat().recognises(input)).as(name).isFalse();
      assertThat(new AegisFormat().recognises(input)).as(name).isFalse();
      assertThat(ImportFormats.read(fixture(name), format -> pw(PASSWORD)).format).as(name)
          .startsWith("Proton Authenticator");
    }
    for (String name : List.of("2fas-android-v4-plain.2fas", "2fas-android-v4-encrypted.2fas",
        "2fas-ios-v4-encrypted.2fas", "2fas-android-v1-plain.2fas")) {
      assertThat(proton.recognises(new ImportInput(TwoFasImportTest.fixture(name)))).as(name).isFalse();
    }
    try (InputStream in = ProtonImportTest.class.getResourceAsStream("aegis-plain.json")) {
      assertThat(proton.recognises(new ImportInput(in.readAllBytes()))).isFalse();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(proton.recognises(new ImportInput("{\"version\": 1}".getBytes(StandardCharsets.UTF_8)))).isFalse();
  }
}
