package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollback, detected as far as one machine can (format 2): the vault file and its journal cross-check each other's
 * generation, so an older vault file or an older journal put back alone is reported. What remains (every file
 * restored together, or the reveals after the last save cut from the journal's end) is pinned here as documented, so
 * a change in it is seen.
 */
class RollbackTest {
  @TempDir Path dir;
  Path path;
  Path journal;
  UUID id;

  @BeforeEach
  void vault() {
    path = dir.resolve("v");
    journal = dir.resolve("v.audit");
    try (Vault owner = TestVaults.create(path)) {
      id = TestVaults.add(owner, GITHUB, "acme");
    }
  }

  private void copy(Path from, Path to) throws Exception {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void olderVaultFile_alone_reportedWithTheGenerations() throws Exception {
    try (Vault owner = TestVaults.open(path)) {
      owner.code(id);
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme");   // v.bak is now the image before this add
      owner.code(id);
    }
    copy(dir.resolve("v.bak"), path);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultRolledBackException.class)
        .hasMessageContaining("generation 3").hasMessageContaining("vault file is generation 2");
  }

  @Test
  void olderJournal_alone_reportedAsDroppedRecords() throws Exception {
    Path older = dir.resolve("older.audit");
    copy(journal, older);
    try (Vault owner = TestVaults.open(path)) {
      owner.code(id);
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme");
    }
    copy(older, journal);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("dropped");
  }

  @Test
  void revealsAfterTheLastSave_cutFromTheEnd_reportedByTheHead() throws Exception {
    Path older = dir.resolve("older.audit");
    copy(journal, older);
    try (Vault owner = TestVaults.open(path)) {
      owner.code(id);
      owner.code(id);
    }
    copy(older, journal);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("cut from the end");
    Files.delete(dir.resolve("v.head"));
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("head file beside the journal is missing");
  }

  @Test
  void documented_journalAndHeadRestoredTogether_revealsAfterTheLastSaveGoUnnoticed() throws Exception {
    copy(journal, dir.resolve("older.audit"));
    copy(dir.resolve("v.head"), dir.resolve("older.head"));
    try (Vault owner = TestVaults.open(path)) {
      owner.code(id);
    }
    copy(dir.resolve("older.audit"), journal);
    copy(dir.resolve("older.head"), dir.resolve("v.head"));
    try (Vault owner = TestVaults.open(path)) {
      assertThat(owner.auditTrail()).extracting(AuditRecord::action).doesNotContain(AuditAction.CODE_REVEALED);
    }
  }

  @Test
  void documented_everyFileRestoredTogether_opensAsTheOlderVault() throws Exception {
    copy(path, dir.resolve("older"));
    copy(journal, dir.resolve("older.audit"));
    copy(dir.resolve("v.head"), dir.resolve("older.head"));
    try (Vault owner = TestVaults.open(path)) {
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme");
    }
    copy(dir.resolve("older"), path);
    copy(dir.resolve("older.audit"), journal);
    copy(dir.resolve("older.head"), dir.resolve("v.head"));
    try (Vault owner = TestVaults.open(path)) {
      assertThat(owner.entries()).hasSize(1);
      assertThat(owner.verifyAudit()).isEqualTo(2);
    }
  }
}
