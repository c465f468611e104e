package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every fixture of every format, against every reader: the first reader that claims it is that format's, and no
 * other reader but the generic spreadsheet claims it too. Files
 * that no reader may claim (a browser's password export, an encrypted maFile, a pre-0.6.3 andOTP backup, a manifest)
 * are claimed by none or by the reader that refuses them with advice. Recognition is by content alone: the registry
 * is the only place its order is decided, and this is the test that notices when a new reader overlaps an old one.
 */
class ImportRecognitionTest {

  static byte[] fixture(String path) throws IOException {
    try (InputStream in = ImportRecognitionTest.class.getResourceAsStream("imports/" + path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static List<String> claimants(byte[] bytes) {
    ImportInput input = new ImportInput(bytes);
    List<String> names = new ArrayList<>();
    for (ImportReader reader : ImportFormats.READERS) {
      if (reader.recognises(input)) {
        names.add(reader.name());
      }
    }
    return names;
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "2fas/2fas-android-v1-plain.2fas, 2FAS",
    "2fas/2fas-android-v2-encrypted.2fas, 2FAS",
    "2fas/2fas-android-v4-encrypted.2fas, 2FAS",
    "2fas/2fas-android-v4-plain.2fas, 2FAS",
    "2fas/2fas-ios-v4-encrypted.2fas, 2FAS",
    "2fas/2fas-ios-v4-plain.2fas, 2FAS",
    "andotp/otp_accounts.json, andOTP",
    "andotp/otp_accounts.json.aes, andOTP",
    "andotp/otp_accounts_0.6.3.json, andOTP",
    "andotp/otp_accounts_0.6.3.json.aes, andOTP",
    "bitwarden/account-restricted.json, Bitwarden JSON",
    "bitwarden/individual.csv, Bitwarden CSV",
    "bitwarden/individual.json, Bitwarden JSON",
    "bitwarden/organization.csv, Bitwarden CSV",
    "bitwarden/organization.json, Bitwarden JSON",
    "bitwarden/protected-argon2.json, Bitwarden JSON",
    "bitwarden/protected-pbkdf2.json, Bitwarden JSON",
    "freeotpplus/freeotp-plus-2.3.json, FreeOTP+",
    "freeotpplus/freeotp-plus.json, FreeOTP+",
    "onepassword/export.csv, 1Password CSV",
    "proton/proton-encrypted.json, Proton Authenticator",
    "proton/proton-plain.json, Proton Authenticator",
    "spreadsheet/agency.csv, spreadsheet CSV",
    "spreadsheet/excel-semicolon.csv, spreadsheet CSV",
    "spreadsheet/links.tsv, spreadsheet CSV",
    "steam/76561197960287930.maFile, Steam",
    "steam/gaben_cli.maFile, Steam",
    "steam/manifest.json, Steam",
    "stratum/backup-legacy.authpro, Stratum",
    "stratum/backup-strong.stratum, Stratum",
    "stratum/backup.stratum, Stratum",
    "stratum/export.html, Stratum",
  })
  void eachFixture_claimedByItsOwnReaderFirst_andOtherwiseOnlyByTheGenericSpreadsheet(String path, String format)
      throws IOException {
    List<String> claimants = claimants(fixture(path));
    assertThat(claimants).first().isEqualTo(format);
    // The generic spreadsheet is the one fallback that may also fit an app's table (1Password's OTPAuth column).
    assertThat(claimants.subList(1, claimants.size())).allMatch(SpreadsheetFormat.NAME::equals);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "spreadsheet/browser-passwords.csv",
    "steam/encrypted.maFile",
    "andotp/otp_accounts_before_0.6.3.json.aes",
  })
  void filesOfNoReadableFormat_claimedByNone(String path) throws IOException {
    assertThat(claimants(fixture(path))).isEmpty();
  }

  @Test
  void aegisExport_claimedByAegisAlone() throws IOException {
    try (InputStream in = ImportRecognitionTest.class.getResourceAsStream("aegis-plain.json")) {
      assertThat(claimants(in.readAllBytes())).containsExactly("Aegis");
    }
  }

  /** The formats a user is told about: every reader's name once, in the order they are tried. */
  @Test
  void formats_nameEveryReaderOnce() {
    assertThat(ImportFile.formats()).containsExactly("Aegis", "Bitwarden JSON", "2FAS", "Proton Authenticator",
        "andOTP", "FreeOTP+", "Stratum", "Steam", "Bitwarden CSV", "1Password CSV", "spreadsheet CSV", "otpauth list");
  }
}
