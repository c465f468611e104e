package io.totpkit.vault;

import static io.totpkit.vault.SpreadsheetImportTest.assertNoKeyIn;
import static io.totpkit.vault.SpreadsheetImportTest.fixture;
import static io.totpkit.vault.SpreadsheetImportTest.items;
import static io.totpkit.vault.SpreadsheetImportTest.read;
import static io.totpkit.vault.SpreadsheetImportTest.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.HmacAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 1Password 8's CSV export ({@link OnePasswordCsvFormat}) on a hand-written fixture. */
class OnePasswordCsvImportTest {
  private static final String[] KEYS = {"OPJWH4JLVL253ARQ2WZ3JB4VESAMHW43", "K4TIG5KF23EC4GFOHSQAGX6YUMPKHS2L",
      "ZS35KQTJCOEBUEBQOXXVMUQTXWJE7IYH", "72K2NU4NMJ7YTLMWNXLSW73633DK2MFG"};

  @TempDir Path dir;

  @Test
  void read_export_takesItemsWithAOneTimePasswordAndTheirTags() throws IOException {
    Imports.Parsed parsed = read(fixture("onepassword/export.csv"));

    assertThat(parsed.format).isEqualTo("1Password CSV");
    List<Imports.Item> items = items(parsed);
    assertThat(items).extracting(item -> item.name).containsExactly("row 2 (GitHub)", "row 3 (Dropbox)",
        "row 6 (Old Jenkins)", "row 8 (Bare key)");
    assertThat(items.get(0).uri.issuer()).isEqualTo("GitHub");
    assertThat(items.get(0).uri.account()).isEqualTo("acme-ops");
    assertThat(items.get(0).uri.secret().toBase32()).isEqualTo(KEYS[0]);
    assertThat(items.get(0).tags).containsExactlyInAnyOrder("Clients", "Acme");
    // The URI names the account only: the title becomes the issuer.
    assertThat(items.get(1).uri.issuer()).isEqualTo("Dropbox");
    assertThat(items.get(1).uri.account()).isEqualTo("ops@acme.example");
    assertThat(items.get(1).uri.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(items.get(1).uri.digits()).isEqualTo(8);
    assertThat(items.get(1).uri.period()).isEqualTo(Duration.ofSeconds(60));
    // Archived items keep a live key: imported.
    assertThat(items.get(2).uri.issuer()).isEqualTo("Jenkins");
    assertThat(items.get(2).tags).containsExactly("Archive");
    assertThat(items.get(3).uri.issuer()).isEqualTo("Bare key");
    assertThat(items.get(3).uri.account()).isEqualTo("bare-user");
    assertThat(items.get(3).uri.secret().toBase32()).isEqualTo(KEYS[3]);
    assertThat(items.get(3).tags).containsExactlyInAnyOrder("Clients", "Bluebird");
    // Slack (no one-time password) and the Wi-Fi note are not accounts; the URI without a secret is skipped.
    assertThat(skipped(parsed)).singleElement().satisfies(skip -> {
      assertThat(skip.item()).isEqualTo("row 7 (Broken)");
      assertThat(skip.reason()).contains("secret");
    });
    assertNoKeyIn(skipped(parsed).toString(), KEYS);
  }

  @Test
  void importFile_export_addsTheAccounts() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = ImportFile.read(fixture("onepassword/export.csv"), ImportPassword.NONE)) {
      ImportReport report = vault.importFile(file, Set.of());

      assertThat(report.imported()).hasSize(4);
      assertThat(vault.entries()).extracting(VaultEntry::issuer)
          .containsExactly("GitHub", "Dropbox", "Jenkins", "Bare key");
    }
  }

  @Test
  void recognition_claimsOnePasswordHeadersOnly() throws IOException {
    OnePasswordCsvFormat reader = new OnePasswordCsvFormat();
    for (String other : List.of("spreadsheet/agency.csv", "spreadsheet/links.tsv", "bitwarden/individual.csv",
        "bitwarden/organization.csv", "spreadsheet/browser-passwords.csv", "aegis-plain.json")) {
      assertThat(reader.recognises(new ImportInput(fixture(other)))).as(other).isFalse();
    }
    assertThat(read(fixture("onepassword/export.csv")).format).isEqualTo(OnePasswordCsvFormat.NAME);
  }
}
