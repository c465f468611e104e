package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezes the formats: committed vaults and journals written by {@link #writeGolden(Path)} with fixed randomness and a
 * fixed clock, by the totpkit of format 1 ({@code golden-v1.vault}, read and upgraded) and of format 2
 * ({@code golden-v2.vault}, written). If the writer's output changes,
 * {@link #writer_sameInputs_reproducesGoldenBytesExactly} fails: that is a format change and needs a new version
 * number, FORMAT.md and a new golden file. Regenerate (only then) with {@code -Dtotpkit.writeGolden=true}.
 */
class GoldenFileTest {
  static final String V1 = "golden-v1.vault";
  static final String NAME = "golden-v2.vault";
  static final Instant CREATED = Instant.parse("2026-11-23T09:00:00Z");
  static final String OWNER_PASSPHRASE = "golden owner passphrase";
  static final String OPERATOR_PASSPHRASE = "golden operator passphrase";

  @TempDir Path dir;

  /** Writes the golden vault deterministically: seeded SHA1PRNG, fixed clock, least Argon2 cost. */
  static void writeGolden(Path path) {
    VaultOptions options = VaultOptions.builder().minimumArgon2().clock(Clock.fixed(CREATED, ZoneOffset.UTC))
        .random(TestVaults.seeded(20261123L)).build();
    try (Vault vault = Vault.create(path, "maria", pw(OWNER_PASSPHRASE), options)) {
      UUID github = vault.add(OtpAuthUri.parse(TestVaults.GITHUB), Set.of("client:acme"));
      vault.add(OtpAuthUri.parse("otpauth://hotp/Bank:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=5"
          + "&issuer=Bank"), Set.of("client:globex"));
      vault.add(OtpAuthUri.parse("otpauth://totp/Steam:gamer?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK"
          + "&encoder=steam&image=https%3A%2F%2Fexample.com%2Fs.png"), Set.of("client:acme", "games"));
      vault.addMember("olga", Role.OPERATOR, Set.of("client:acme"), pw(OPERATOR_PASSPHRASE));
      vault.code(github);
    }
  }

  private Path copyGolden() throws IOException {
    return copy(NAME);
  }

  private Path copy(String golden) throws IOException {
    for (String name : golden.equals(V1) ? List.of(golden, golden + ".audit") : List.of(golden, golden + ".audit",
        golden + ".head")) {
      try (InputStream in = GoldenFileTest.class.getResourceAsStream(name)) {
        assertThat(in).as("test resource %s", name).isNotNull();
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir.resolve(golden);
  }

  @Test
  void goldenV2_opensWithKnownPassphrases_andHoldsKnownContents() throws IOException {
    checkContents(copyGolden(), 6);
  }

  /** Format 1: an OPERATOR reads it as it is; the OWNER's open upgrades it, keeping every entry, member and record. */
  @Test
  void goldenV1_readByAnOperator_upgradedByTheOwner() throws IOException {
    Path path = copy(V1);
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:10Z"), ZoneOffset.UTC);
    try (Vault olga = Vault.open(path, "olga", pw(OPERATOR_PASSPHRASE), TestVaults.fast(clock))) {
      assertThat(olga.entries()).extracting(VaultEntry::issuer).containsExactly("GitHub", "Steam");
      assertThat(olga.code(olga.entries().get(0).id()).code()).hasSize(6);
    }
    assertThat(Files.readAllBytes(path)[9]).as("still format 1").isEqualTo((byte) 1);
    checkContents(path, 7);
    assertThat(Files.readAllBytes(path)[9]).as("upgraded").isEqualTo((byte) VaultFile.VERSION);
    assertThat(Files.readAllBytes(dir.resolve(V1 + ".bak"))[9]).as("backup replaced").isEqualTo((byte) 2);
    try (Vault maria = Vault.open(path, "maria", pw(OWNER_PASSPHRASE), TestVaults.fast(clock))) {
      List<AuditRecord> trail = maria.auditTrail();
      assertThat(trail).extracting(AuditRecord::action).contains(AuditAction.VAULT_UPGRADED);
      assertThat(maria.verifyAudit()).isEqualTo(trail.size());
    }
    try (Vault olga = Vault.open(path, "olga", pw(OPERATOR_PASSPHRASE), TestVaults.fast(clock))) {
      assertThat(olga.entries()).extracting(VaultEntry::issuer).containsExactly("GitHub", "Steam");
      assertThat(VaultInternals.kernel(olga).body.opaqueSections).as("the Bank section stays sealed").hasSize(1);
    }
    // Each member's first open after the upgrade sealed the vault's signing key into their own slot.
    assertThat(VaultFile.parse(Files.readAllBytes(path)).slots).noneMatch(Slot::isLegacy);
    try (Vault olga = Vault.open(path, "olga", pw(OPERATOR_PASSPHRASE), TestVaults.fast(clock))) {
      assertThat(VaultInternals.kernel(olga).keys.signingRoot).isNotNull();
      assertThat(olga.entries()).hasSize(2);
    }
  }

  @Test
  void goldenV1_beforeItsUpgrade_anOperatorCannotSave() throws IOException {
    Path path = copy(V1);
    try (Vault olga = Vault.open(path, "olga", pw(OPERATOR_PASSPHRASE), TestVaults.fast())) {
      VaultKernel kernel = VaultInternals.kernel(olga);
      assertThat(kernel.legacy).isTrue();
      // Any save (an HOTP reveal advances its counter and saves) waits for an OWNER's upgrade.
      assertThatThrownBy(() -> kernel.change(() -> VaultChange.saved(null, List.of())))
          .isInstanceOf(VaultAccessException.class).hasMessageContaining("format 1")
          .hasMessageContaining("OWNER opens it once");
    }
    assertThat(Files.readAllBytes(path)[9]).isEqualTo((byte) 1);
  }

  @Test
  void goldenV1_ownerOnAStoreThatCannotBeWritten_readsItInFormat1() throws IOException {
    Path path = copy(V1);
    Files.createDirectories(dir.resolve(V1 + ".tmp").resolve("x"));   // every save fails before it is visible
    try (Vault maria = Vault.open(path, "maria", pw(OWNER_PASSPHRASE), TestVaults.fast())) {
      assertThat(maria.entries()).hasSize(3);
      assertThat(VaultInternals.kernel(maria).legacy).isTrue();
    }
    assertThat(Files.readAllBytes(path)[9]).isEqualTo((byte) 1);
  }

  private static void checkContents(Path path, int revealIndex) throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:10Z"), ZoneOffset.UTC);
    try (Vault vault = Vault.open(path, "maria", pw(OWNER_PASSPHRASE), TestVaults.fast(clock))) {
      List<VaultEntry> entries = vault.entries();
      assertThat(entries).extracting(VaultEntry::issuer).containsExactly("GitHub", "Bank", "Steam");
      assertThat(entries).extracting(VaultEntry::account).containsExactly("acme-ops", "ops", "gamer");
      assertThat(entries.get(0).tags()).containsExactly("client:acme");
      assertThat(entries.get(1).parameters().counter()).hasValue(5);
      assertThat(entries.get(2).parameters().isSteam()).isTrue();
      assertThat(entries).allSatisfy(entry -> assertThat(entry.createdAt()).isEqualTo(CREATED));
      String expected = OtpAuthUri.parse(TestVaults.GITHUB).toTotp().generate(clock.instant());
      assertThat(vault.code(entries.get(0).id()).code()).isEqualTo(expected);
      assertThat(vault.code(entries.get(0).id()).remaining()).isEqualTo(Duration.ofSeconds(20));
      assertThat(vault.members()).extracting(Member::name).containsExactly("maria", "olga");
      List<AuditRecord> trail = vault.auditTrail();
      assertThat(trail.subList(0, 6)).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED, AuditAction.ENTRY_ADDED, AuditAction.ENTRY_ADDED, AuditAction.MEMBER_ADDED,
          AuditAction.CODE_REVEALED);
      assertThat(trail.get(5).time()).isEqualTo(CREATED);
      assertThat(trail).hasSizeGreaterThan(revealIndex);
      assertThat(vault.exportOtpauth()).contains("image=https%3A%2F%2Fexample.com%2Fs.png");
    }
    try (Vault olga = Vault.open(path, "olga", pw(OPERATOR_PASSPHRASE), TestVaults.fast(clock))) {
      assertThat(olga.entries()).extracting(VaultEntry::issuer).containsExactly("GitHub", "Steam");
    }
  }

  @Test
  void writer_sameInputs_reproducesGoldenBytesExactly() throws IOException {
    Path written = dir.resolve("fresh").resolve(NAME);
    Files.createDirectories(written.getParent());
    writeGolden(written);
    if (Boolean.getBoolean("totpkit.writeGolden")) {
      Path resources = Path.of("src/test/resources/io/totpkit/vault");
      Files.copy(written, resources.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      for (String suffix : List.of(".audit", ".head")) {
        Files.copy(written.resolveSibling(written.getFileName() + suffix), resources.resolve(NAME + suffix),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path golden = copyGolden();
    assertThat(Files.readAllBytes(written)).as("vault file").isEqualTo(Files.readAllBytes(golden));
    for (String suffix : List.of(".audit", ".head")) {
      assertThat(Files.readAllBytes(written.resolveSibling(written.getFileName() + suffix))).as(suffix)
          .isEqualTo(Files.readAllBytes(golden.resolveSibling(golden.getFileName() + suffix)));
    }
  }

  @Test
  void goldenFiles_headers_haveDocumentedLayout() throws IOException {
    for (String name : List.of(V1, NAME)) {
      byte[] bytes = Files.readAllBytes(copy(name));
      assertThat(java.util.Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'T', 'O', 'T', 'P', 'V', '\r', '\n');
      assertThat(bytes[8]).isZero();
      assertThat(bytes[9]).isEqualTo((byte) (name.equals(V1) ? 1 : 2));
      VaultFile file = VaultFile.parse(bytes);
      assertThat(file.slots).hasSize(2);
      assertThat(file.slots.get(0).kdf.memoryKib()).isEqualTo(VaultOptions.MIN_ARGON2_MEMORY_KIB);
      assertThat(file.generation).isEqualTo(5);
      // Format 2: one section per tag set ({acme}, {globex}, {acme, games}), each wrapped under each tag's key.
      assertThat(file.sections).hasSize(name.equals(V1) ? 0 : 3);
    }
  }
}
