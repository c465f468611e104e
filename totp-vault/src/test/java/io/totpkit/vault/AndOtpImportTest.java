package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * andOTP's plain and encrypted backups ({@link AndOtpFormat}, {@link AndOtpEncryptedFormat}). The fixtures in
 * {@code imports/andotp/} are hand-written as andOTP 0.9 and 0.6.3 write them; the encrypted ones were made by
 * {@code make_fixtures.py} with Python's {@code cryptography}, which also computed the expected codes.
 */
class AndOtpImportTest {
  static final String DIR = "imports/andotp/";
  private static final String PASSWORD = "andOTP test password";
  private static final AndOtpFormat PLAIN = new AndOtpFormat();
  private static final AndOtpEncryptedFormat ENCRYPTED = new AndOtpEncryptedFormat();

  @TempDir Path dir;

  static byte[] bytes(String name) throws IOException {
    try (InputStream in = AndOtpImportTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return in.readAllBytes();
    }
  }

  private static ImportFile read(byte[] bytes, String password) {
    return ImportFile.read(bytes, password == null ? ImportPassword.NONE : format -> pw(password));
  }

  /** The accounts and skips of {@code otp_accounts.json}, plain or encrypted. */
  private static void assertFixtureRead(ImportFile file) {
    List<ImportFile.Account> accounts = file.accounts();
    assertThat(accounts).extracting(ImportFile.Account::item).containsExactly("entry 1 (GitHub)", "entry 2 (Bank)",
        "entry 3 (Steam)", "entry 4 (Vendor)", "entry 5 (alice@example.com)", "entry 6 (Mastodon)", "entry 8 (Tiny)");
    OtpAuthUri github = accounts.get(0).uri();
    assertThat(github.issuer()).isEqualTo("GitHub");
    assertThat(github.account()).isEqualTo("acme-ops");
    assertThat(github.secret().toBase32()).isEqualTo("KMSIZLETEIGQN6CJOXS45QOKQP5AV35C");
    assertThat(github.type()).isEqualTo(OtpType.TOTP);
    assertThat(github.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(github.digits()).isEqualTo(6);
    assertThat(github.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(accounts.get(0).tags()).containsExactly("client:acme", "work");

    OtpAuthUri bank = accounts.get(1).uri();
    assertThat(bank.type()).isEqualTo(OtpType.HOTP);
    assertThat(bank.counter()).hasValue(1);
    assertThat(bank.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(accounts.get(1).tags()).isEmpty();

    OtpAuthUri steam = accounts.get(2).uri();
    assertThat(steam.isSteam()).isTrue();
    assertThat(steam.digits()).isEqualTo(5);
    assertThat(steam.period()).isEqualTo(Duration.ofSeconds(30));   // andOTP writes no period for Steam
    assertThat(accounts.get(2).tags()).containsExactly("games");

    OtpAuthUri vendor = accounts.get(3).uri();
    assertThat(vendor.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(vendor.digits()).isEqualTo(8);
    assertThat(vendor.secret().toBase32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA");

    OtpAuthUri alice = accounts.get(4).uri();
    assertThat(alice.issuer()).isEmpty();
    assertThat(alice.account()).isEqualTo("alice@example.com");
    assertThat(alice.algorithm()).isEqualTo(HmacAlgorithm.SHA512);
    assertThat(alice.period()).isEqualTo(Duration.ofSeconds(60));
    assertThat(alice.secret().length()).isEqualTo(64);

    assertThat(accounts.get(5).uri().secret().toBase32()).isEqualTo("XDOJZECQHWIO7IXGZDYL2HTGQ4");   // padded in file

    assertThat(file.skipped()).extracting(ImportReport.Skipped::item).containsExactly("entry 7 (Legacy)",
        "entry 9 (Typo)");
    assertThat(file.skipped().get(0).reason()).contains("MOTP").contains("not supported");
    assertThat(file.skipped().get(1).reason()).contains("Base32");
  }

  @Test
  void read_plainBackup_carriesEveryField() throws IOException {
    try (ImportFile file = read(bytes(DIR + "otp_accounts.json"), null)) {
      assertThat(file.format()).isEqualTo("andOTP");
      assertFixtureRead(file);
    }
  }

  @Test
  void read_encryptedBackup_opensWithPasswordAndZeroesIt() throws IOException {
    char[] password = pw(PASSWORD);
    try (ImportFile file = ImportFile.read(bytes(DIR + "otp_accounts.json.aes"), format -> password)) {
      assertThat(file.format()).isEqualTo("andOTP (encrypted)");
      assertFixtureRead(file);
    }
    assertThat(password).containsOnly('\0');
  }

  @Test
  void read_backupOfAndOtp063_nonAsciiPasswordAndLabelsNeverSplit() throws IOException {
    try (ImportFile file = read(bytes(DIR + "otp_accounts_0.6.3.json.aes"), "pässwörd 0.6.3")) {
      OtpAuthUri old = file.accounts().get(0).uri();
      assertThat(old.issuer()).isEmpty();
      assertThat(old.account()).isEqualTo("Example - alice@example.com");
      assertThat(file.accounts().get(0).tags()).containsExactly("old phone");
      // "GitLab - GitLab:bob" is never split. Whether a name with ':' and no issuer is an account at all is core's
      // rule (OtpAuthUri.Builder.build refuses it since it would read back as an issuer); either way, never "GitLab".
      if (file.accounts().size() == 2) {
        assertThat(file.accounts().get(1).uri().issuer()).isEmpty();
        assertThat(file.accounts().get(1).uri().account()).isEqualTo("GitLab - GitLab:bob");
      } else {
        assertThat(file.accounts()).hasSize(1);
        assertThat(file.skipped()).extracting(ImportReport.Skipped::item)
            .containsExactly("entry 2 (GitLab - GitLab:bob)");
        assertThat(file.skipped().get(0).reason()).contains("':'");
      }
    }
  }

  @Test
  void importFile_plainBackup_addsAccountsWithTheirCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = read(bytes(DIR + "otp_accounts.json"), null)) {
      ImportReport report = vault.importFile(file, Set.of("from-andotp"));
      assertThat(report.added()).extracting(ImportReport.Added::item).hasSize(6).doesNotContain("entry 8 (Tiny)");
      assertThat(report.skipped()).extracting(ImportReport.Skipped::item).contains("entry 8 (Tiny)");
      assertThat(report.skipped().stream().filter(s -> s.item().equals("entry 8 (Tiny)")).findFirst().orElseThrow()
          .reason()).contains("80 bits");
      List<VaultEntry> entries = vault.entries();
      assertThat(entries.get(0).tags()).containsExactly("client:acme", "from-andotp", "work");
      // Expected codes from make_fixtures.py (Python hmac) at TestVaults.NOW.
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo("277739");
      assertThat(vault.code(entries.get(1).id()).code()).isEqualTo("287082");
      assertThat(vault.code(entries.get(3).id()).code()).isEqualTo("46701665");
      assertThat(vault.code(entries.get(4).id()).code()).isEqualTo("19158092");
      assertThat(entries.get(2).parameters().isSteam()).isTrue();
    }
  }

  @Test
  void read_encryptedWithoutPassword_saysItIsEncrypted() throws IOException {
    byte[] encrypted = bytes(DIR + "otp_accounts.json.aes");
    assertThatThrownBy(() -> read(encrypted, null)).isInstanceOf(VaultImportException.class)
        .hasMessage("the andOTP (encrypted) file is encrypted: give its password");
  }

  @Test
  void read_wrongPassword_wrongPassphraseSayingItMayAlsoBeDamage() throws IOException {
    byte[] encrypted = bytes(DIR + "otp_accounts.json.aes");
    assertThatThrownBy(() -> read(encrypted, "andOTP test passwort")).isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("password does not open the andOTP backup").hasMessageContaining("altered");
  }

  @Test
  void read_flippedOrCutCiphertext_failsTheTagAndSaysSo() throws IOException {
    byte[] encrypted = bytes(DIR + "otp_accounts.json.aes");
    for (int at : new int[] {5, 20, 100, encrypted.length - 1}) {   // salt, nonce, ciphertext, tag
      byte[] flipped = encrypted.clone();
      flipped[at] ^= 0x01;
      assertThatThrownBy(() -> read(flipped, PASSWORD)).as("flipped byte %d", at)
          .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("altered or cut short");
    }
    byte[] cut = Arrays.copyOf(encrypted, encrypted.length - 7);
    assertThatThrownBy(() -> read(cut, PASSWORD)).isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void read_cutBelowHeaderNonceAndTag_refusedWithoutAsking() throws IOException {
    byte[] cut = Arrays.copyOf(bytes(DIR + "otp_accounts.json.aes"), AndOtpEncryptedFormat.MIN_LENGTH - 1);
    assertThat(ENCRYPTED.recognises(new ImportInput(cut))).isFalse();
    assertThatThrownBy(() -> read(cut, PASSWORD)).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("binary data of no known kind");
    assertThatThrownBy(() -> ENCRYPTED.read(new ImportInput(cut), format -> pw(PASSWORD)))
        .isInstanceOf(VaultImportException.class).hasMessageContaining("cut short: 43 bytes");
  }

  @Test
  void read_hostileIterationCount_refusedAtOnce() throws IOException {
    byte[] hostile = bytes(DIR + "otp_accounts.json.aes");
    for (int iterations : new int[] {Integer.MAX_VALUE, -1, 160_001, 999, 5_001, 139_999, 2_000_000}) {
      hostile[0] = (byte) (iterations >>> 24);
      hostile[1] = (byte) (iterations >>> 16);
      hostile[2] = (byte) (iterations >>> 8);
      hostile[3] = (byte) iterations;
      assertThat(ENCRYPTED.recognises(new ImportInput(hostile))).as("%d iterations", iterations).isFalse();
      long start = System.nanoTime();
      Throwable refused = catchThrowable(() -> ENCRYPTED.read(new ImportInput(hostile), format -> pw(PASSWORD)));
      assertThat(refused).isInstanceOf(VaultImportException.class)
          .hasMessageContaining(Integer.toUnsignedString(iterations) + " PBKDF2 iterations");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }
  }

  @Test
  void read_backupFromBeforeAndOtp063_notRecognisedForLackOfAHeader() throws IOException {
    byte[] old = bytes(DIR + "otp_accounts_before_0.6.3.json.aes");
    assertThat(ENCRYPTED.recognises(new ImportInput(old))).isFalse();
    assertThatThrownBy(() -> read(old, "old password")).isInstanceOf(VaultImportException.class)
        .hasMessageContaining("binary data of no known kind");
  }

  @Test
  void recognises_otherFiles_notClaimed() throws IOException {
    List<byte[]> others = new ArrayList<>(List.of(
        bytes("aegis-plain.json"),
        bytes(FreeOtpPlusImportTest.DIR + "freeotp-plus.json"),
        bytes(FreeOtpPlusImportTest.DIR + "freeotp-plus-2.3.json"),
        "[1, 2]".getBytes(StandardCharsets.UTF_8),
        "[]".getBytes(StandardCharsets.UTF_8),
        "[{\"name\": \"GitHub\", \"secret\": \"JBSWY3DPEHPK3PXP\"}]".getBytes(StandardCharsets.UTF_8),
        TestVaults.GITHUB.getBytes(StandardCharsets.UTF_8),
        withTail("PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000"),
        withTail("SQLite format 3\u0000"),
        withTail("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR"),
        withTail("AUTHENTICATORPRO"),
        withTail("\u00ac\u00ed\u0000\u0005sr\u0000")));
    Random random = new Random(20_190_916);
    for (int i = 0; i < 2_000; i++) {
      byte[] noise = new byte[AndOtpEncryptedFormat.MIN_LENGTH + random.nextInt(4_000)];
      random.nextBytes(noise);
      others.add(noise);
    }
    for (byte[] other : others) {
      ImportInput input = new ImportInput(other);
      assertThat(ENCRYPTED.recognises(input)).isFalse();
      assertThat(PLAIN.recognises(input)).isFalse();
    }
  }

  @Test
  void importFormats_andOtpFiles_pickTheAndOtpReaders() throws IOException {
    assertThat(ImportFormats.read(bytes(DIR + "otp_accounts.json"), ImportPassword.NONE).format).isEqualTo("andOTP");
    assertThat(ImportFormats.read(bytes(DIR + "otp_accounts.json.aes"), format -> pw(PASSWORD)).format)
        .isEqualTo("andOTP (encrypted)");
    assertThat(ImportFile.formats()).containsOnlyOnce("andOTP");
    for (ImportReader reader : ImportFormats.READERS) {
      if (!(reader instanceof AndOtpFormat) && !(reader instanceof AndOtpEncryptedFormat)) {
        assertThat(reader.recognises(new ImportInput(bytes(DIR + "otp_accounts.json")))).isFalse();
        assertThat(reader.recognises(new ImportInput(bytes(DIR + "otp_accounts.json.aes")))).isFalse();
      }
    }
  }

  @Test
  void read_damagedEntries_skippedOneByOneWithReasons() {
    String json = "[{\"secret\": \"JBSWY3DPEHPK3PXP\", \"label\": \"no type\"},"
        + " 7,"
        + " {\"secret\": 42, \"issuer\": \"Number\", \"label\": \"x\"},"
        + " {\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Yandex\", \"label\": \"y\", \"type\": \"YAOTP\"},"
        + " {\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Counterless\", \"label\": \"h\", \"type\": \"HOTP\"},"
        + " {\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Hash\", \"label\": \"m\", \"algorithm\": \"MD5\"},"
        + " {\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Digits\", \"label\": \"d\", \"digits\": \"six\"},"
        + " {\"secret\": \"JBSWY3DPEHPK3PXP\", \"issuer\": \"Tags\", \"label\": \"t\", \"tags\": [\"\", \" \", 3, \"ok\"]}]";
    try (ImportFile file = read(json.getBytes(StandardCharsets.UTF_8), null)) {
      assertThat(file.accounts()).extracting(ImportFile.Account::item).containsExactly("entry 1 (no type)",
          "entry 8 (Tags)");
      assertThat(file.accounts().get(0).uri().type()).isEqualTo(OtpType.TOTP);
      assertThat(file.accounts().get(1).tags()).containsExactly("ok");
      assertThat(file.skipped()).extracting(ImportReport.Skipped::reason).containsExactly(
          "entry 2 is not a JSON object",
          "\"secret\" is missing or not a string",
          "\"type\" is none of TOTP, HOTP, STEAM and MOTP, the types andOTP writes",
          "an HOTP entry without its counter",
          "MD5 is not supported",
          "\"digits\" is not a whole number");
    }
  }

  @Test
  void read_secretInEveryField_neverInAMessage() {
    String s = KnownSecret.BASE32;
    String json = "[{\"secret\": \"" + s + "1\", \"label\": \"a\"},"
        + " {\"secret\": \"" + s + "\", \"label\": \"b\", \"type\": \"" + s + "\"},"
        + " {\"secret\": \"" + s + "\", \"label\": \"c\", \"digits\": \"" + s + "\"},"
        + " {\"secret\": \"" + s + "\", \"label\": \"d\", \"type\": \"HOTP\", \"counter\": \"" + s + "\"},"
        + " {\"secret\": \"" + s + "\", \"label\": \"e\", \"period\": 0}]";
    try (ImportFile file = read(json.getBytes(StandardCharsets.UTF_8), null)) {
      assertThat(file.skipped()).hasSize(5);
      KnownSecret.assertNoSecretIn("skip reasons", file.skipped().toString() + file.skipped().stream()
          .map(ImportReport.Skipped::reason).toList() + file);
    }
    byte[] truncated = ("[{\"secret\": \"" + s + "\", \"label\": \"a\"").getBytes(StandardCharsets.UTF_8);
    KnownSecret.assertNoSecretIn("error", KnownSecret.fullText(catchThrowable(() -> read(truncated, null))));
  }

  /** A file that starts with {@code start} (Latin-1) and goes on with 200 bytes of filler. */
  static byte[] withTail(String start) {
    byte[] head = start.getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = Arrays.copyOf(head, head.length + 200);
    for (int i = head.length; i < file.length; i++) {
      file[i] = (byte) (i * 31);
    }
    return file;
  }
}
