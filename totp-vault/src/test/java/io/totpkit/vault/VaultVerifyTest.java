package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.NOW;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Totp;
import io.totpkit.core.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Vault#verify} and {@link Vault#exportOtpauth(UUID)}: the two per-entry calls the {@code totp} tool uses. */
class VaultVerifyTest {
  private static final Totp GITHUB_TOTP = OtpAuthUri.parse(GITHUB).toTotp();

  @TempDir Path dir;

  @Test
  void verify_currentPreviousAndNextStep_acceptedWithTheirOffsets() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      Duration step = Duration.ofSeconds(30);
      assertThat(vault.verify(id, GITHUB_TOTP.generate(NOW)).offset()).hasValue(0);
      assertThat(vault.verify(id, GITHUB_TOTP.generate(NOW.minus(step))).offset()).hasValue(-1);
      assertThat(vault.verify(id, GITHUB_TOTP.generate(NOW.plus(step))).offset()).hasValue(1);
      // A check, not a login: the same code passes again.
      assertThat(vault.verify(id, GITHUB_TOTP.generate(NOW)).status()).isEqualTo(Verification.Status.ACCEPTED);
    }
  }

  @Test
  void verify_codeTwoStepsAway_rejected() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      String old = GITHUB_TOTP.generate(NOW.minus(Duration.ofSeconds(60)));
      String current = GITHUB_TOTP.generate(NOW);
      String previous = GITHUB_TOTP.generate(NOW.minus(Duration.ofSeconds(30)));
      String next = GITHUB_TOTP.generate(NOW.plus(Duration.ofSeconds(30)));
      if (!List.of(current, previous, next).contains(old)) {
        assertThat(vault.verify(id, old).status()).isEqualTo(Verification.Status.REJECTED);
      }
    }
  }

  @Test
  void verify_notSixDigits_malformed() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      String code = GITHUB_TOTP.generate(NOW);
      assertThat(vault.verify(id, code.substring(0, 3) + " " + code.substring(3)).status())
          .isEqualTo(Verification.Status.MALFORMED);
      assertThat(vault.verify(id, "12345").status()).isEqualTo(Verification.Status.MALFORMED);
    }
  }

  @Test
  void verify_recordedInTheAuditTrail() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      vault.verify(id, "000000");
      AuditRecord last = vault.auditTrail().get(vault.auditTrail().size() - 1);
      assertThat(last.action()).isEqualTo(AuditAction.CODE_REVEALED);
      assertThat(last.entryId()).contains(id);
      assertThat(last.subject()).contains("verify");
    }
  }

  @Test
  void verify_operatorWithoutGrant_refused() {
    Path path = dir.resolve("v");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, GITHUB, "acme");
      vault.addMember("olga", Role.OPERATOR, Set.of("globex"), pw("olga's passphrase"));
    }
    try (Vault vault = Vault.open(path, "olga", pw("olga's passphrase"), TestVaults.fast())) {
      assertThatThrownBy(() -> vault.verify(id, "000000")).isInstanceOf(java.util.NoSuchElementException.class);
    }
  }

  @Test
  void verify_hotpEntry_refused() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID id = TestVaults.add(vault, "otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=3");
      assertThatThrownBy(() -> vault.verify(id, "000000")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void exportOtpauthOfOneEntry_ownerGetsTheUriAndItIsAudited() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      TestVaults.add(vault, "otpauth://totp/Slack:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Slack", "globex");
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      assertThat(vault.exportOtpauth(id)).isEqualTo(OtpAuthUri.parse(GITHUB));
      AuditRecord last = vault.auditTrail().get(vault.auditTrail().size() - 1);
      assertThat(last.action()).isEqualTo(AuditAction.EXPORTED);
      assertThat(last.subject().orElseThrow()).contains("1 entries");
      assertThatThrownBy(() -> vault.exportOtpauth(UUID.randomUUID())).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void exportOtpauthOfOneEntry_operatorRefused() {
    Path path = dir.resolve("v");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, GITHUB, "acme");
      vault.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga's passphrase"));
    }
    try (Vault vault = Vault.open(path, "olga", pw("olga's passphrase"), TestVaults.fast())) {
      assertThatThrownBy(() -> vault.exportOtpauth(id)).isInstanceOf(VaultAccessException.class);
    }
  }
}
