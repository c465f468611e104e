package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one definition of "the same account" (same issuer and account name, ignoring case), as add and import use it. */
class SameAccountTest {
  @TempDir Path dir;

  @Test
  void isSameAccount_issuerAndAccountDifferOnlyInCase_true() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      VaultEntry entry = vault.entry(TestVaults.add(vault, GITHUB)).orElseThrow();
      assertThat(entry.isSameAccount(OtpAuthUri.parse(
          "otpauth://totp/GITHUB:ACME-OPS?secret=GEZDGNBVGY3TQOJQ&issuer=GITHUB"))).isTrue();
      assertThat(entry.isSameAccount(OtpAuthUri.parse("otpauth://totp/github:acme-ops?secret=GEZDGNBVGY3TQOJQ")))
          .isTrue();
    }
  }

  @Test
  void isSameAccount_otherIssuerOrAccount_false() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      VaultEntry entry = vault.entry(TestVaults.add(vault, GITHUB)).orElseThrow();
      assertThat(entry.isSameAccount(OtpAuthUri.parse(
          "otpauth://totp/GitLab:acme-ops?secret=JBSWY3DPEHPK3PXP&issuer=GitLab"))).isFalse();
      assertThat(entry.isSameAccount(OtpAuthUri.parse(
          "otpauth://totp/GitHub:acme-dev?secret=JBSWY3DPEHPK3PXP&issuer=GitHub"))).isFalse();
      // No issuer is an issuer of its own: "acme-ops" alone is not GitHub's acme-ops.
      assertThat(entry.isSameAccount(OtpAuthUri.parse("otpauth://totp/acme-ops?secret=JBSWY3DPEHPK3PXP")))
          .isFalse();
    }
  }

  @Test
  void isSameAccount_sharpSAndDoubleS_foldTogether() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      VaultEntry entry = vault.entry(TestVaults.add(vault,
          "otpauth://totp/Stra%C3%9Fe:anna?secret=JBSWY3DPEHPK3PXP&issuer=Stra%C3%9Fe")).orElseThrow();
      assertThat(entry.isSameAccount(OtpAuthUri.parse(
          "otpauth://totp/STRASSE:Anna?secret=JBSWY3DPEHPK3PXP&issuer=STRASSE"))).isTrue();
    }
  }

  @Test
  void importOtpauth_sameAccountInOtherCaseWithSameKey_skipped() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      TestVaults.add(vault, GITHUB);
      ImportReport report = vault.importOtpauth(
          "otpauth://totp/GITHUB:Acme-Ops?secret=JBSWY3DPEHPK3PXP&issuer=GITHUB\n", Set.of());
      assertThat(report.imported()).isEmpty();
      assertThat(report.skipped()).singleElement().extracting(ImportReport.Skipped::reason)
          .isEqualTo("already in the vault (same issuer, account and secret)");
    }
  }

  @Test
  void importOtpauth_sameAccountWithOtherKey_importedBesideIt() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID first = TestVaults.add(vault, GITHUB);
      ImportReport report = vault.importOtpauth(
          "otpauth://totp/GitHub:acme-ops?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub\n", Set.of());
      assertThat(report.imported()).hasSize(1).doesNotContain(first);
      assertThat(vault.findByAccount("acme-ops")).hasSize(2);
    }
  }
}
