package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account the format cannot hold is refused inside its change, before its audit record is written: the trail never
 * says "entry added" for an add that was refused.
 */
class EntryLimitsTest {
  private static final String LONG = "a".repeat(70_000);

  @TempDir Path dir;

  @Test
  void add_accountLongerThanTheFormatHolds_refusedAndNothingRecorded() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      long before = vault.verifyAudit();
      OtpAuthUri uri = OtpAuthUri.totp(Secret.generate(20)).issuer("Acme").account(LONG).build();
      assertThatThrownBy(() -> vault.add(uri, Set.of())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not fit the vault format").hasMessageContaining("65 535 bytes");
      assertThat(vault.verifyAudit()).isEqualTo(before);
      assertThat(vault.entries()).isEmpty();
    }
    try (Vault reopened = TestVaults.open(dir.resolve("v"))) {
      assertThat(reopened.auditTrail()).extracting(AuditRecord::action).doesNotContain(AuditAction.ENTRY_ADDED);
    }
  }

  @Test
  void importAegis_oneNameTooLong_skipsItAndImportsTheRest() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      long before = vault.verifyAudit();
      String json = "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": {\"version\": 3,"
          + " \"entries\": [" + aegisEntry(LONG) + ", " + aegisEntry("acme-ops") + "]}}";
      ImportReport report = TestVaults.importAegis(vault, json, null, Set.of());
      assertThat(report.imported()).hasSize(1);
      assertThat(report.skipped()).singleElement().extracting(ImportReport.Skipped::reason).asString()
          .contains("does not fit the vault format");
      assertThat(vault.verifyAudit()).isEqualTo(before + 2);   // one entry added, one import summary
    }
  }

  private static String aegisEntry(String name) {
    return "{\"type\": \"totp\", \"name\": \"" + name + "\", \"issuer\": \"Acme\", \"info\": {\"secret\": "
        + "\"JBSWY3DPEHPK3PXPJBSWY3DP\", \"algo\": \"SHA1\", \"digits\": 6, \"period\": 30}}";
  }
}
