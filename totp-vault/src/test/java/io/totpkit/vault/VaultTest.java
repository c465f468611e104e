package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.NOW;
import static io.totpkit.vault.TestVaults.fast;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  @TempDir Path dir;

  @Test
  void create_addThenReopen_roundTripsEntriesAndCodes() {
    Path path = dir.resolve("agency.vault");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, GITHUB, "client:acme", "team-a");
    }
    try (Vault vault = TestVaults.open(path)) {
      List<VaultEntry> entries = vault.entries();
      assertThat(entries).hasSize(1);
      VaultEntry entry = entries.get(0);
      assertThat(entry.id()).isEqualTo(id);
      assertThat(entry.issuer()).isEqualTo("GitHub");
      assertThat(entry.account()).isEqualTo("acme-ops");
      assertThat(entry.tags()).containsExactly("client:acme", "team-a");
      assertThat(entry.period()).contains(Duration.ofSeconds(30));
      assertThat(entry.createdAt()).isEqualTo(NOW);

      RevealedCode code = vault.code(id);
      Totp expected = OtpAuthUri.parse(GITHUB).toTotp();
      assertThat(code.code()).isEqualTo(expected.generate(NOW));
      assertThat(code.remaining()).isEqualTo(expected.remaining(NOW));
      assertThat(code.secondsLeft()).isEqualTo(30);
      assertThat(code.toString()).doesNotContain(code.code());
    }
  }

  @Test
  void code_googleWikiKey_knownAnswer() {
    Clock clock = Clock.fixed(Instant.parse("2009-11-10T23:00:00Z"), ZoneOffset.UTC);
    Path path = dir.resolve("v");
    try (Vault vault = Vault.create(path, "maria", pw("pass phrase"), fast(clock))) {
      UUID id = TestVaults.add(vault, TestVaults.GOOGLE_WIKI);
      assertThat(vault.code(id).code()).isEqualTo("528064");
    }
  }

  @Test
  void listings_neverContainTheSecret() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      TestVaults.add(vault, GITHUB, "acme");
      assertThat(vault.entries().toString()).doesNotContain("JBSWY3DPEHPK3PXP");
      assertThat(vault.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }
  }

  @Test
  void find_byIssuerAccountTag_filters() {
    try (Vault vault = TestVaults.create(dir.resolve("v"))) {
      UUID a = TestVaults.add(vault, GITHUB, "acme");
      UUID b = TestVaults.add(vault, "otpauth://totp/Slack:bob?secret=GEZDGNBVGY3TQOJQ&issuer=Slack", "globex");
      assertThat(vault.findByIssuer("github")).extracting(VaultEntry::id).containsExactly(a);
      assertThat(vault.findByAccount("BOB")).extracting(VaultEntry::id).containsExactly(b);
      assertThat(vault.findByTag("globex")).extracting(VaultEntry::id).containsExactly(b);
      assertThat(vault.findByTag("nobody")).isEmpty();
      assertThat(vault.entry(a)).isPresent();
    }
  }

  @Test
  void update_retagRemove_persist() {
    Path path = dir.resolve("v");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, GITHUB, "acme");
      vault.update(id, OtpAuthUri.parse("otpauth://totp/GitHub:new?secret=GEZDGNBVGY3TQOJQ&digits=8"),
          Set.of("globex"));
      vault.retag(id, Set.of("globex", "vip"));
    }
    try (Vault vault = TestVaults.open(path)) {
      VaultEntry entry = vault.entry(id).orElseThrow();
      assertThat(entry.account()).isEqualTo("new");
      assertThat(entry.parameters().digits()).isEqualTo(8);
      assertThat(entry.tags()).containsExactly("globex", "vip");
      assertThat(vault.code(id).code()).hasSize(8);
      vault.remove(id);
      assertThat(vault.entries()).isEmpty();
      assertThatThrownBy(() -> vault.code(id)).isInstanceOf(NoSuchElementException.class);
    }
    try (Vault vault = TestVaults.open(path)) {
      assertThat(vault.entries()).isEmpty();
    }
  }

  @Test
  void code_hotp_advancesAndPersistsCounter() {
    Path path = dir.resolve("v");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      // RFC 4226 appendix D key: counter 0 -> 755224, 1 -> 287082.
      id = TestVaults.add(vault, "otpauth://hotp/Bank:x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0");
      assertThat(vault.code(id).code()).isEqualTo("755224");
    }
    try (Vault vault = TestVaults.open(path)) {
      assertThat(vault.code(id).code()).isEqualTo("287082");
      assertThat(vault.entry(id).orElseThrow().parameters().counter()).hasValue(2);
    }
  }

  @Test
  void create_zeroesPassphraseArray() {
    char[] passphrase = pw("zero me after use");
    Vault.create(dir.resolve("v"), "maria", passphrase, fast()).close();
    assertThat(new String(passphrase)).isEqualTo("\0".repeat(passphrase.length));
    char[] again = pw("zero me after use");
    Vault.open(dir.resolve("v"), "maria", again, fast()).close();
    assertThat(again).containsOnly('\0');
    char[] wrong = pw("wrong");
    assertThatThrownBy(() -> Vault.open(dir.resolve("v"), "maria", wrong, fast()));
    assertThat(wrong).containsOnly('\0');
  }

  @Test
  void create_existingFile_refused() throws Exception {
    Path path = dir.resolve("v");
    Files.writeString(path, "something");
    assertThatThrownBy(() -> TestVaults.create(path)).isInstanceOf(VaultIoException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void open_wrongPassphrase_throwsWrongPassphrase() {
    TestVaults.create(dir.resolve("v")).close();
    assertThatThrownBy(() -> Vault.open(dir.resolve("v"), "maria", pw("nope"), fast()))
        .isInstanceOf(WrongPassphraseException.class).hasMessageContaining("wrong passphrase");
  }

  @Test
  void open_unknownMember_throwsUnknownMember() {
    TestVaults.create(dir.resolve("v")).close();
    assertThatThrownBy(() -> Vault.open(dir.resolve("v"), "mallory", pw("x"), fast()))
        .isInstanceOf(UnknownMemberException.class).hasMessageContaining("mallory");
  }

  @Test
  void open_missingFile_throwsIo() {
    assertThatThrownBy(() -> TestVaults.open(dir.resolve("none")))
        .isInstanceOf(VaultIoException.class).hasMessageContaining("no vault");
  }

  @Test
  void changePassphrase_oldFailsNewWorks() {
    Path path = dir.resolve("v");
    try (Vault vault = TestVaults.create(path)) {
      assertThatThrownBy(() -> vault.changePassphrase(pw("bad"), pw("new one")))
          .isInstanceOf(WrongPassphraseException.class);
      vault.changePassphrase(pw("correct horse battery staple"), pw("new one"));
    }
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(WrongPassphraseException.class);
    try (Vault vault = Vault.open(path, "maria", pw("new one"), fast())) {
      assertThat(vault.auditTrail()).extracting(AuditRecord::action).contains(AuditAction.PASSPHRASE_CHANGED);
    }
  }

  @Test
  void operator_revealsOnlyGrantedTags_andManagesNothing() {
    Path path = dir.resolve("v");
    UUID acme;
    UUID globex;
    try (Vault owner = TestVaults.create(path)) {
      acme = TestVaults.add(owner, GITHUB, "acme");
      globex = TestVaults.add(owner, "otpauth://totp/Slack:bob?secret=GEZDGNBVGY3TQOJQ", "globex");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga's passphrase"));
      assertThat(owner.members()).extracting(Member::name).containsExactly("maria", "olga");
    }
    try (Vault olga = Vault.open(path, "olga", pw("olga's passphrase"), fast())) {
      assertThat(olga.role()).isEqualTo(Role.OPERATOR);
      assertThat(olga.entries()).extracting(VaultEntry::id).containsExactly(acme);
      assertThat(olga.code(acme).code()).hasSize(6);
      assertThatThrownBy(() -> olga.code(globex)).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(olga::exportOtpauth).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(olga::exportAegis).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> TestVaults.add(olga, GITHUB)).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> olga.remove(acme)).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> olga.removeMember("maria")).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> olga.addMember("x", Role.OWNER, Set.of(), pw("p")))
          .isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(olga::members).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(olga::auditTrail).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> olga.importOtpauth(GITHUB, Set.of())).isInstanceOf(VaultAccessException.class);
    }
    try (Vault owner = TestVaults.open(path)) {
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED, AuditAction.ENTRY_ADDED, AuditAction.MEMBER_ADDED, AuditAction.CODE_REVEALED);
      assertThat(trail.get(4).member()).isEqualTo("olga");
      assertThat(trail.get(4).entryId()).contains(acme);
      assertThat(trail.get(4).time()).isEqualTo(NOW);
    }
  }

  @Test
  void removeMember_lastOwnerOrSelf_refused() {
    try (Vault owner = TestVaults.create(dir.resolve("v"))) {
      assertThatThrownBy(() -> owner.removeMember("maria")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> owner.removeMember("nobody")).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(() -> owner.addMember("maria", Role.OWNER, Set.of(), pw("p")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already a member");
    }
  }

  @Test
  void close_zeroesKeys() {
    Vault vault = TestVaults.create(dir.resolve("v"));
    byte[] commonKey = VaultInternals.kernel(vault).keys.commonKey;
    byte[] ownerKey = VaultInternals.kernel(vault).keys.ownerKey;
    assertThat(commonKey).isNotEqualTo(new byte[32]);
    vault.close();
    assertThat(VaultInternals.privateKey(vault)).containsOnly(0);
    assertThat(commonKey).containsOnly(0);
    assertThat(ownerKey).containsOnly(0);
  }

  @Test
  void close_thenUse_throwsIllegalState() {
    Vault vault = TestVaults.create(dir.resolve("v"));
    vault.close();
    vault.close();
    assertThatThrownBy(vault::entries).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void twoInstances_sameJvm_seeEachOthersChanges() {
    Path path = dir.resolve("v");
    try (Vault a = TestVaults.create(path); Vault b = TestVaults.open(path)) {
      UUID fromA = TestVaults.add(a, GITHUB, "acme");
      UUID fromB = TestVaults.add(b, TestVaults.GOOGLE_WIKI, "globex");
      assertThat(a.entries()).extracting(VaultEntry::id).containsExactly(fromA, fromB);
      assertThat(b.code(fromA).code()).isEqualTo(a.code(fromA).code());
      assertThat(a.verifyAudit()).isEqualTo(5);
    }
  }

  @Test
  void backup_holdsPreviousGeneration_butRestoredAloneIsReportedAsRollback() throws Exception {
    Path path = dir.resolve("v");
    try (Vault vault = TestVaults.create(path)) {
      TestVaults.add(vault, GITHUB, "acme");
      TestVaults.add(vault, TestVaults.GOOGLE_WIKI, "acme");
    }
    assertThat(VaultFile.parse(java.nio.file.Files.readAllBytes(dir.resolve("v.bak"))).generation).isEqualTo(2);
    // Restoring = putting the backup at the main path; the audit journal, which recorded the last add, stays.
    java.nio.file.Files.copy(dir.resolve("v.bak"), path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultRolledBackException.class)
        .hasMessageContaining("generation 3").hasMessageContaining("older copy");
  }

  @Test
  void options_belowMinimum_refusedWithRange() {
    assertThatThrownBy(() -> VaultOptions.builder().argon2(1024, 3, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Argon2 memory must be from 19456");
    assertThatThrownBy(() -> VaultOptions.builder().argon2(VaultOptions.MIN_ARGON2_MEMORY_KIB, 1, 1))
        .hasMessageContaining("passes");
    assertThat(VaultOptions.defaults().argon2MemoryKib()).isEqualTo(65536);
    assertThat(VaultOptions.defaults().argon2Iterations()).isEqualTo(3);
  }

  @Test
  void defaults_realArgon2Cost_createAndOpen() {
    Path path = dir.resolve("v");
    VaultOptions defaults = VaultOptions.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    try (Vault vault = Vault.create(path, "maria", pw("a real passphrase"), defaults)) {
      TestVaults.add(vault, GITHUB);
    }
    try (Vault vault = Vault.open(path, "maria", pw("a real passphrase"))) {
      assertThat(vault.entries()).hasSize(1);
    }
  }

  @Test
  @SuppressWarnings("try")
  void lock_heldByOther_timesOutWithClearError() {
    Path path = dir.resolve("v");
    try (Vault vault = TestVaults.create(path)) {
      VaultLock other = new VaultLock(path);
      Thread holder;
      java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
      holder = new Thread(() -> {
        try (VaultLock.Held h = other.acquire(Duration.ofSeconds(5))) {
          held.countDown();
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      holder.start();
      try {
        held.await();
        assertThatThrownBy(() -> Vault.open(path, "maria", pw("correct horse battery staple"),
            fast().toBuilder().lockTimeout(Duration.ofMillis(100)).build()))
            .isInstanceOf(VaultLockedException.class).hasMessageContaining("holds the vault lock");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      } finally {
        release.countDown();
      }
      TestVaults.add(vault, GITHUB);
      assertThat(vault.entries()).hasSize(1);
    }
  }
}
