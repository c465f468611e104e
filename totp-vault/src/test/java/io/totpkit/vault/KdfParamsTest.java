package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The caps on Argon2 parameters read from a file (a hostile file must not exhaust memory), and AuditRecord's value. */
class KdfParamsTest {
  @ParameterizedTest
  @CsvSource({
      "19456, 2, 1, ",
      "1048576, 64, 16, ",
      "19455, 2, 1, 'Argon2 memory must be from 19456 to 1048576 KiB, was 19455'",
      "1048577, 2, 1, 'Argon2 memory must be from 19456 to 1048576 KiB, was 1048577'",
      "-1, 2, 1, 'Argon2 memory must be from 19456 to 1048576 KiB, was 4294967295'",
      "19456, 1, 1, 'Argon2 passes must be from 2 to 64, was 1'",
      "19456, 65, 1, 'Argon2 passes must be from 2 to 64, was 65'",
      "19456, 2, 0, 'Argon2 lanes must be from 1 to 16, was 0'",
      "19456, 2, 17, 'Argon2 lanes must be from 1 to 16, was 17'",
  })
  void problem_atAndPastEachCap(int memory, int iterations, int parallelism, String problem) {
    assertThat(KdfParams.problem(memory, iterations, parallelism)).isEqualTo(problem);
  }

  @Test
  void toString_namesTheParameters() {
    assertThat(new KdfParams(19456, 2, 1)).hasToString("Argon2id[m=19456 KiB, t=2, p=1]");
  }

  @Test
  void auditRecord_valueSemantics() {
    Instant now = Instant.parse("2026-11-23T10:15:30Z");
    UUID id = UUID.fromString("3b8d5f5e-6a0c-4d7e-9a51-0c8d3f1b2a01");
    AuditRecord record = record(3, now, "maria", AuditAction.CODE_REVEALED, id, "verify");
    assertThat(record).isEqualTo(record(3, now, "maria", AuditAction.CODE_REVEALED, id, "verify"))
        .hasSameHashCodeAs(record(3, now, "maria", AuditAction.CODE_REVEALED, id, "verify"))
        .isNotEqualTo(record(4, now, "maria", AuditAction.CODE_REVEALED, id, "verify"))
        .isNotEqualTo(record(3, now.plusMillis(1), "maria", AuditAction.CODE_REVEALED, id, "verify"))
        .isNotEqualTo(record(3, now, "omar", AuditAction.CODE_REVEALED, id, "verify"))
        .isNotEqualTo(record(3, now, "maria", AuditAction.CODE_REVEALED, null, "verify"))
        .isNotEqualTo(record(3, now, "maria", AuditAction.CODE_REVEALED, id, null))
        .isNotEqualTo("AuditRecord");
    assertThat(record.sequence()).isEqualTo(3);
    assertThat(record.time()).isEqualTo(now);
    assertThat(record.member()).isEqualTo("maria");
    assertThat(record.action()).isEqualTo(AuditAction.CODE_REVEALED);
    assertThat(record.entryId()).contains(id);
    assertThat(record.subject()).contains("verify");
    assertThat(record.toString()).isEqualTo("AuditRecord[#3 2026-11-23T10:15:30Z maria CODE_REVEALED " + id
        + " (verify)]");
    assertThat(record(0, now, "maria", AuditAction.CODE_REVEALED, null, null).toString())
        .isEqualTo("AuditRecord[#0 2026-11-23T10:15:30Z maria CODE_REVEALED]");
  }

  private static AuditRecord record(long seq, java.time.Instant time, String member, AuditAction action,
      java.util.UUID id, String subject) {
    return new AuditRecord(seq, new AuditJournal.Entry(time, member, action, id, subject, null), -1, false);
  }
}
