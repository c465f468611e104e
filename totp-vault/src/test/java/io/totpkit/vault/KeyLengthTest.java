package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link KeyLength}: a key shorter than 80 bits — usually a setup key cut off when it was copied — is refused wherever
 * an entry is stored (add, update, import), and an import skips it with the reason instead of failing.
 */
class KeyLengthTest {
  @TempDir Path dir;
  Vault vault;

  @BeforeEach
  void create() {
    vault = TestVaults.create(dir.resolve("v"));
  }

  @AfterEach
  void close() {
    vault.close();
  }

  private static OtpAuthUri withKey(String base32) {
    return OtpAuthUri.totp(Secret.fromBase32(base32)).issuer("Acme").account("ops").build();
  }

  @Test
  void constants_minimumIsGoogles80BitsAndRecommendedIsRfc4226s128() {
    assertThat(KeyLength.MINIMUM_BITS).isEqualTo(80);
    assertThat(KeyLength.RECOMMENDED_BITS).isEqualTo(128);
    assertThat(KeyLength.bits(Secret.fromBase32("JBSWY3DPEHPK3PXP"))).isEqualTo(80);
  }

  /** Base32 keys of 2, 8, 13 and 15 characters: 8, 40, 64 and 72 bits (whole bytes: 13 characters carry 65 bits). */
  @ParameterizedTest(name = "{0}: {1} bits")
  @CsvSource({"AA, 8", "JBSWY3DP, 40", "JBSWY3DPEHPK3, 64", "JBSWY3DPEHPK3PX, 72"})
  void add_keyBelow80Bits_refusedNamingItsLength(String base32, int bits) {
    assertThatThrownBy(() -> vault.add(withKey(base32), Set.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the key is only " + bits + " bits; the vault stores keys of at least 80 bits (RFC 4226 asks for "
            + "128): was the key cut off when it was copied?");
    assertThat(vault.entries()).isEmpty();
    assertThat(vault.auditTrail()).extracting(AuditRecord::action).doesNotContain(AuditAction.ENTRY_ADDED);
  }

  @Test
  void add_80And160BitKeys_stored() {
    vault.add(withKey("JBSWY3DPEHPK3PXP"), Set.of());
    vault.add(OtpAuthUri.totp(Secret.generate(20)).issuer("Acme").account("dev").build(), Set.of());
    assertThat(vault.entries()).hasSize(2);
  }

  @Test
  void update_toAKeyBelow80Bits_refusedAndTheEntryKeepsItsKey() {
    UUID id = TestVaults.add(vault, GITHUB);
    String before = vault.exportOtpauth();
    assertThatThrownBy(() -> vault.update(id, withKey("JBSWY3DP"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 40 bits")
        .hasMessageContaining("was the key cut off when it was copied?");
    assertThat(vault.exportOtpauth()).isEqualTo(before);
  }

  @Test
  void importOtpauth_keyBelow80Bits_skippedWithTheReasonAndTheRestImported() {
    String text = "otpauth://totp/Short:cut?secret=JBSWY3DP&issuer=Short\n" + GITHUB + "\n";
    ImportReport report = vault.importOtpauth(text, Set.of());
    assertThat(report.imported()).hasSize(1);
    assertThat(report.skipped()).extracting(ImportReport.Skipped::item).containsExactly("line 1 (Short)");
    assertThat(report.skipped().get(0).reason()).startsWith("the key is only 40 bits")
        .endsWith("was the key cut off when it was copied?");
    assertThat(vault.entries()).extracting(VaultEntry::issuer).containsExactly("GitHub");
  }

  @Test
  void importAegis_keyBelow80Bits_skippedWithTheReason() {
    String json = "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": {\"version\": 2, "
        + "\"entries\": [{\"type\": \"totp\", \"name\": \"ops\", \"issuer\": \"Short\", \"info\": {\"secret\": "
        + "\"AA\", \"algo\": \"SHA1\", \"digits\": 6, \"period\": 30}}, {\"type\": \"totp\", \"name\": \"dev\", "
        + "\"issuer\": \"Long\", \"info\": {\"secret\": \"JBSWY3DPEHPK3PXP\", \"algo\": \"SHA1\", \"digits\": 6, "
        + "\"period\": 30}}]}}";
    ImportReport report = TestVaults.importAegis(vault, json, null, Set.of());
    assertThat(report.imported()).hasSize(1);
    assertThat(report.skipped()).hasSize(1);
    assertThat(report.skipped().get(0).reason()).startsWith("the key is only 8 bits");
    assertThat(vault.entries()).extracting(VaultEntry::issuer).isEqualTo(List.of("Long"));
  }
}
