package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing, reordering, dropping or cutting audit records is detected. */
class AuditTrailTest {
  @TempDir Path dir;
  private Path path;
  private Path journal;
  private byte[] original;
  private UUID id;

  @BeforeEach
  void createWithHistory() throws Exception {
    path = dir.resolve("v");
    journal = dir.resolve("v.audit");
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, GITHUB, "acme");
      for (int i = 0; i < 4; i++) {
        vault.code(id);
      }
      vault.exportOtpauth();
    }
    original = Files.readAllBytes(journal);
  }

  /** Record boundaries: offsets of each record's length prefix. */
  private List<int[]> records(byte[] bytes) {
    List<int[]> out = new ArrayList<>();
    int at = AuditJournal.HEADER_LENGTH;
    while (at < bytes.length) {
      int length = ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
          | (bytes[at + 3] & 0xFF);
      out.add(new int[] {at, 4 + length});
      at += 4 + length;
    }
    return out;
  }

  @Test
  void auditTrail_recordsEveryRevealChangeAndExport_withoutSecrets() {
    try (Vault vault = TestVaults.open(path)) {
      List<AuditRecord> trail = vault.auditTrail();
      assertThat(trail).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED, AuditAction.CODE_REVEALED, AuditAction.CODE_REVEALED, AuditAction.CODE_REVEALED,
          AuditAction.CODE_REVEALED, AuditAction.EXPORTED);
      assertThat(trail).extracting(AuditRecord::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(trail.get(2).entryId()).contains(id);
      assertThat(trail.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
      assertThat(vault.verifyAudit()).isEqualTo(7);
    }
    assertThat(new String(original, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("maria");
  }

  @Test
  void verifyAudit_anyByteOfTheJournalEdited_detected() throws Exception {
    try (Vault vault = TestVaults.open(path);
        FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
      for (int i = 0; i < original.length; i++) {
        for (int mask : new int[] {0x01, 0xFF}) {
          // Edit one byte in place, check, put it back.
          channel.write(ByteBuffer.wrap(new byte[] {(byte) (original[i] ^ mask)}), i);
          int at = i;
          assertThatThrownBy(vault::verifyAudit).as("journal byte %d ^ %02x", at, mask)
              .isInstanceOf(VaultCorruptedException.class);
          channel.write(ByteBuffer.wrap(new byte[] {original[i]}), i);
        }
      }
      assertThat(vault.verifyAudit()).isEqualTo(7);
    }
  }

  @Test
  void verifyAudit_recordEditedBeforeOpen_detected() throws Exception {
    // Opening checks only the anchored head (constant time); verifyAudit walks the whole chain.
    int[] record = records(original).get(1);
    for (int i : new int[] {record[0] + 3, record[0] + 20, record[0] + record[1] - 1}) {
      {
        byte[] edited = original.clone();
        edited[i] ^= 0x01;
        Files.write(journal, edited);
        int at = i;
        assertThatThrownBy(() -> {
          try (Vault vault = TestVaults.open(path)) {
            vault.verifyAudit();
          }
        }).as("journal byte %d", at).isInstanceOf(VaultCorruptedException.class);
      }
    }
  }

  @Test
  void verifyAudit_journalCutWhileOpen_detected() throws Exception {
    try (Vault vault = TestVaults.open(path)) {
      Files.write(journal, Arrays.copyOf(original, records(original).get(5)[0]));
      assertThatThrownBy(vault::verifyAudit).isInstanceOf(AuditTamperedException.class);
    }
  }

  @Test
  void verifyAudit_recordsSwapped_detected() throws Exception {
    List<int[]> records = records(original);
    int[] a = records.get(2);
    int[] b = records.get(3);
    byte[] swapped = original.clone();
    System.arraycopy(original, b[0], swapped, a[0], b[1]);
    System.arraycopy(original, a[0], swapped, a[0] + b[1], a[1]);
    Files.write(journal, swapped);
    assertThatThrownBy(() -> TestVaults.open(path).verifyAudit()).isInstanceOf(AuditTamperedException.class);
  }

  @Test
  void open_journalCutAtTheEnd_reportedByTheHead() throws Exception {
    List<int[]> records = records(original);
    int[] first = records.get(0);
    Files.write(journal, Arrays.copyOf(original, first[0] + first[1]));
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("cut from the end").hasMessageContaining("head records 7 records");
  }

  @Test
  void open_crashBetweenPublishingAndAppending_isCompletedFromTheImage() throws Exception {
    Path other = dir.resolve("w");
    Path otherJournal = dir.resolve("w.audit");
    Path otherHead = dir.resolve("w.head");
    TestVaults.create(other).close();
    byte[] journalBefore = Files.readAllBytes(otherJournal);
    byte[] headBefore = Files.readAllBytes(otherHead);
    try (Vault vault = TestVaults.open(other)) {
      TestVaults.add(vault, GITHUB, "acme");
    }
    // What a crash right after the rename leaves: the new image, the journal and head of before.
    Files.write(otherJournal, journalBefore);
    Files.write(otherHead, headBefore);
    try (Vault vault = TestVaults.open(other)) {
      assertThat(vault.auditTrail()).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED);
    }
  }

  @Test
  void verifyAudit_middleRecordDropped_detected() throws Exception {
    int[] dropped = records(original).get(3);
    byte[] shorter = new byte[original.length - dropped[1]];
    System.arraycopy(original, 0, shorter, 0, dropped[0]);
    System.arraycopy(original, dropped[0] + dropped[1], shorter, dropped[0], original.length - dropped[0]
        - dropped[1]);
    Files.write(journal, shorter);
    assertThatThrownBy(() -> TestVaults.open(path).verifyAudit()).isInstanceOf(AuditTamperedException.class);
  }

  @Test
  void open_journalCutBeforeAnchor_detected() throws Exception {
    Files.write(journal, Arrays.copyOf(original, AuditJournal.HEADER_LENGTH));
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("dropped");
    Files.delete(journal);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void open_tornLastRecord_isCutAndTrailStaysValid() throws Exception {
    // A crash mid-append leaves a partial record; it was never acknowledged, so it is dropped.
    byte[] torn = Arrays.copyOf(original, original.length + 30);
    System.arraycopy(original, records(original).get(2)[0], torn, original.length, 30);
    Files.write(journal, torn);
    try (Vault vault = TestVaults.open(path)) {
      assertThat(vault.verifyAudit()).isEqualTo(7);
      vault.code(id);
      assertThat(vault.verifyAudit()).isEqualTo(8);
    }
  }

  @Test
  void verifyAudit_recordFromAnotherPositionReplayed_detected() throws Exception {
    List<int[]> records = records(original);
    int[] third = records.get(3);
    byte[] replayed = Arrays.copyOf(original, original.length + third[1]);
    System.arraycopy(original, third[0], replayed, original.length, third[1]);
    Files.write(journal, replayed);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(AuditTamperedException.class);
  }
}
