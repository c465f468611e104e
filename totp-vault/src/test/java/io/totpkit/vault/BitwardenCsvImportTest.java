package io.totpkit.vault;

import static io.totpkit.vault.SpreadsheetImportTest.assertNoKeyIn;
import static io.totpkit.vault.SpreadsheetImportTest.fixture;
import static io.totpkit.vault.SpreadsheetImportTest.items;
import static io.totpkit.vault.SpreadsheetImportTest.read;
import static io.totpkit.vault.SpreadsheetImportTest.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bitwarden's CSV export ({@link BitwardenCsvFormat}), personal and organization, on hand-written fixtures. */
class BitwardenCsvImportTest {
  private static final String[] KEYS = {"OPJWH4JLVL253ARQ2WZ3JB4VESAMHW43", "UNAAHZZBYKUJ6XB3DK2SN3ZZGGO5S62A",
      "HDP3F2EMPYANUSBRLRAZ5K76DS3MZMHF", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "ZS35KQTJCOEBUEBQOXXVMUQTXWJE7IYH",
      "72K2NU4NMJ7YTLMWNXLSW73633DK2MFG"};

  @TempDir Path dir;

  @Test
  void read_personalExport_takesLoginsWithAKeyAndTheirFolders() throws IOException {
    Imports.Parsed parsed = read(fixture("bitwarden/individual.csv"));

    assertThat(parsed.format).isEqualTo("Bitwarden CSV");
    List<Imports.Item> items = items(parsed);
    assertThat(items).extracting(item -> item.name).containsExactly("row 2 (GitHub)", "row 3 (AWS root)",
        "row 4 (Steam)", "row 8 (Bank)");
    // The URI's own issuer and account win over the item's name and user name.
    assertThat(items.get(0).uri.issuer()).isEqualTo("GitHub");
    assertThat(items.get(0).uri.account()).isEqualTo("acme-ops");
    assertThat(items.get(0).uri.secret().toBase32()).isEqualTo(KEYS[0]);
    assertThat(items.get(0).tags).containsExactly("Clients/Acme");
    // A bare key, as typed: the item names the account; SHA-1, 6 digits, 30 s.
    assertThat(items.get(1).uri.issuer()).isEqualTo("AWS root");
    assertThat(items.get(1).uri.account()).isEqualTo("root@acme.example");
    assertThat(items.get(1).uri.secret().toBase32()).isEqualTo(KEYS[1]);
    assertThat(items.get(1).uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(items.get(1).uri.digits()).isEqualTo(6);
    assertThat(items.get(2).uri.isSteam()).isTrue();
    assertThat(items.get(2).uri.issuer()).isEqualTo("Steam");
    assertThat(items.get(2).uri.account()).isEqualTo("bluebird_gaming");
    assertThat(items.get(2).tags).containsExactly("Clients/Bluebird");
    assertThat(items.get(3).uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(items.get(3).uri.counter()).hasValue(1);
    assertThat(items.get(3).tags).isEmpty();
    // The note (row 5) and the login without a key (row 6) are not accounts: no line for them.
    assertThat(skipped(parsed)).singleElement().satisfies(skip -> {
      assertThat(skip.item()).isEqualTo("row 7 (Legacy CRM)");
      assertThat(skip.reason()).contains("Base32");
    });
    assertNoKeyIn(parsed.inOrder.toString() + skipped(parsed), KEYS);
  }

  @Test
  void read_organizationExport_makesEachCollectionATag() throws IOException {
    List<Imports.Item> items = items(read(fixture("bitwarden/organization.csv")));

    assertThat(items).extracting(item -> item.uri.issuer()).containsExactly("Microsoft", "Cloudflare");
    assertThat(items.get(0).uri.account()).isEqualTo("admin@acme.onmicrosoft.example");
    assertThat(items.get(0).tags).containsExactlyInAnyOrder("Acme", "Shared");
    assertThat(items.get(1).uri.account()).isEqualTo("ops@acme.example");
    assertThat(items.get(1).uri.secret().toBase32()).isEqualTo(KEYS[5]);
    assertThat(items.get(1).tags).containsExactly("Shared");
  }

  @Test
  void importFile_personalExport_addsTheAccountsWithCodes() throws IOException {
    try (Vault vault = TestVaults.create(dir.resolve("v"));
        ImportFile file = ImportFile.read(fixture("bitwarden/individual.csv"), ImportPassword.NONE)) {
      ImportReport report = vault.importFile(file, Set.of());

      assertThat(report.imported()).hasSize(4);
      assertThat(report.format()).isEqualTo("Bitwarden CSV");
      VaultEntry bank = vault.entries().get(3);
      assertThat(vault.code(bank.id()).code()).isEqualTo("287082");
    }
  }

  @Test
  void read_oddTotpFields_skippedWithReasonsThatQuoteNothing() {
    String csv = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        + ",,login,A,,,0,,a,,https://example.com/" + KEYS[4] + "\n"
        + ",,login,B,,,0,,b,,otpauth-migration://offline?data=" + KEYS[4] + "\n"
        + ",,login,C,,,0,,c,,otpauth://motp/C:c?secret=" + KEYS[4] + "\n"
        + ",,login,,,,0,,,,otpauth://totp/?secret=" + KEYS[4] + "\n";
    Imports.Parsed parsed = read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(skipped(parsed)).extracting(ImportReport.Skipped::item).containsExactly("row 2 (A)", "row 3 (B)",
        "row 4 (C)");
    assertThat(skipped(parsed).get(0).reason()).contains("not an otpauth:// or steam:// one");
    assertThat(skipped(parsed).get(1).reason()).contains("Google Authenticator export");
    // An item without a name or user name keeps what the URI has: nothing.
    assertThat(items(parsed)).singleElement().satisfies(item -> {
      assertThat(item.name).isEqualTo("row 5");
      assertThat(item.uri.issuer()).isEmpty();
    });
    assertNoKeyIn(skipped(parsed).toString(), KEYS);
  }

  @Test
  void recognition_claimsBitwardenHeadersOnly() throws IOException {
    BitwardenCsvFormat reader = new BitwardenCsvFormat();
    for (String other : List.of("spreadsheet/agency.csv", "spreadsheet/links.tsv", "onepassword/export.csv",
        "spreadsheet/browser-passwords.csv", "bitwarden/individual.json", "aegis-plain.json")) {
      assertThat(reader.recognises(new ImportInput(fixture(other)))).as(other).isFalse();
    }
    for (String own : List.of("bitwarden/individual.csv", "bitwarden/organization.csv")) {
      assertThat(read(fixture(own)).format).as(own).isEqualTo(BitwardenCsvFormat.NAME);
    }
  }
}
