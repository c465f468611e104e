package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail records exactly what happened (format 2): a change's records reach the journal only with the image that
 * holds the change, so a save that fails leaves none; {@link Vault#verifyAudit()} checks the records of saved changes
 * against the vault; record times never go backwards.
 */
class TrailMatchesStateTest {
  @TempDir Path dir;

  /** A directory where the save writes its temporary file: every save fails before its image becomes visible. */
  private void blockSaves(Path path) throws Exception {
    Files.createDirectories(path.resolveSibling(path.getFileName() + ".tmp").resolve("x"));
  }

  @Test
  void failedSaves_addAndMemberRemoval_leaveNoRecord() throws Exception {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, GITHUB, "acme");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga's passphrase"));
    }
    long before;
    try (Vault owner = TestVaults.open(path)) {
      before = owner.verifyAudit();
      blockSaves(path);
      assertThatThrownBy(() -> TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme"))
          .isInstanceOf(VaultIoException.class);
      assertThatThrownBy(() -> owner.removeMember("olga")).isInstanceOf(VaultIoException.class);
      assertThat(owner.verifyAudit()).isEqualTo(before);
    }
    Files.delete(path.resolveSibling("v.tmp").resolve("x"));
    Files.delete(path.resolveSibling("v.tmp"));
    try (Vault olga = Vault.open(path, "olga", pw("olga's passphrase"), TestVaults.fast())) {
      assertThat(olga.entries()).hasSize(1);
    }
    try (Vault owner = TestVaults.open(path)) {
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail).hasSize((int) before);
      assertThat(trail).extracting(AuditRecord::action).doesNotContain(AuditAction.MEMBER_REMOVED);
      assertThat(trail.stream().filter(r -> r.action() == AuditAction.ENTRY_ADDED)).hasSize(1);
    }
  }

  @Test
  void recordOfAChangeTheVaultDoesNotHold_reportedByVerify() {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      VaultKernel kernel = VaultInternals.kernel(owner);
      // A record saved with an image that does not hold its change: what format 1 wrote when a save failed.
      kernel.change(() -> VaultChange.saved(null, List.of(kernel.record(AuditAction.ENTRY_ADDED,
          UUID.randomUUID(), null))));
      assertThatThrownBy(owner::verifyAudit).isInstanceOf(AuditTamperedException.class)
          .hasMessageContaining("ENTRY_ADDED").hasMessageContaining("does not hold it");
    }
    Path other = dir.resolve("w");
    try (Vault owner = TestVaults.create(other)) {
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga's passphrase"));
      VaultKernel kernel = VaultInternals.kernel(owner);
      kernel.change(() -> VaultChange.saved(null, List.of(kernel.record(AuditAction.MEMBER_REMOVED, null,
          "olga"))));
      assertThatThrownBy(owner::verifyAudit).isInstanceOf(AuditTamperedException.class)
          .hasMessageContaining("MEMBER_REMOVED").hasMessageContaining("they are a member");
      kernel.change(() -> VaultChange.saved(null, List.of(kernel.record(AuditAction.MEMBER_ADDED, null, "olga",
          "OWNER"))));
      assertThatThrownBy(owner::verifyAudit).isInstanceOf(AuditTamperedException.class)
          .hasMessageContaining("MEMBER_ADDED").hasMessageContaining("makes them");
    }
  }

  @Test
  void memberChanges_recordWhatTheyDid_andVerify() {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga's passphrase"));
      owner.changeMember("olga", Role.OPERATOR, Set.of("acme", "globex"));
      owner.changeMember("olga", Role.OWNER, Set.of());
      owner.setPassphrase("olga", pw("olga's new passphrase"));
      owner.changeMember("olga", Role.OPERATOR, Set.of("globex"));
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail.subList(1, 6)).extracting(r -> r.action() + " " + r.subject().orElse("") + " "
          + r.detail().orElse("").replaceAll("key [0-9a-f]{16}", "key *")).containsExactly(
          "MEMBER_ADDED olga OPERATOR of [\"acme\"]", "MEMBER_CHANGED olga OPERATOR of [\"acme\", \"globex\"]",
          "MEMBER_CHANGED olga OWNER", "PASSPHRASE_CHANGED olga key *", "MEMBER_CHANGED olga OPERATOR of "
          + "[\"globex\"]");
      assertThat(owner.verifyAudit()).isEqualTo(6);
      assertThatThrownBy(() -> owner.changeMember("maria", Role.OPERATOR, Set.of("acme")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own role");
    }
  }

  @Test
  void clockBehindTheTrail_recordKeepsTheTrailsTime_andVerifies() throws Exception {
    Path path = dir.resolve("v");
    UUID id = oneEntry(path);
    try (Vault late = openIn2001(path)) {
      late.code(id);
    }
    try (Vault owner = TestVaults.open(path)) {
      List<AuditRecord> trail = owner.auditTrail();
      AuditRecord reveal = trail.get(trail.size() - 1);
      assertThat(reveal.action()).isEqualTo(AuditAction.CODE_REVEALED);
      assertThat(reveal.time()).isEqualTo(trail.get(trail.size() - 2).time()).isEqualTo(TestVaults.NOW);
    }
  }

  @Test
  void recordDatedBeforeItsPredecessor_detected() throws Exception {
    Path path = dir.resolve("v");
    UUID id = oneEntry(path);
    try (Vault forger = openIn2001(path)) {
      // A writer that skips the clamp (a member's own code): the record says 2001 after a record of 2026.
      java.lang.reflect.Field last = AuditJournal.class.getDeclaredField("lastTime");
      last.setAccessible(true);
      last.setLong(VaultInternals.kernel(forger).journal, -1);
      forger.code(id);
    }
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("dated 2001-01-01T00:00:00Z, before the record that precedes it");
  }

  private static UUID oneEntry(Path path) {
    try (Vault owner = TestVaults.create(path)) {
      return TestVaults.add(owner, GITHUB, "acme");
    }
  }

  /** The owner, on a machine whose clock says 2001. */
  private static Vault openIn2001(Path path) {
    Clock y2001 = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);
    return Vault.open(path, "maria", pw("correct horse battery staple"), TestVaults.fast(y2001));
  }
}
