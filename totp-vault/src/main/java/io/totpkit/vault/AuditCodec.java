package io.totpkit.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * The plaintext of one audit record (FORMAT.md, "audit journal"): time, member, action, entry, subject, and since
 * format 2 an extension saying whether the record was saved with a vault image, under which generation, and a detail.
 *
 * <p>Thread-safety: stateless.
 */
final class AuditCodec {
  static final int KIND_JOURNAL = 1;
  static final int KIND_SAVED = 2;
  private static final int EXTENSION = 2;

  private AuditCodec() {}

  static byte[] encode(AuditJournal.Entry entry, long time, boolean saved, long generation) {
    ByteWriter plain = new ByteWriter(128);
    plain.u64(time).string(entry.member).u8(entry.action.code());
    if (entry.entryId == null) {
      plain.u8(0);
    } else {
      plain.u8(1).uuid(entry.entryId);
    }
    plain.nullableString(entry.subject);
    plain.u8(EXTENSION).u8(saved ? KIND_SAVED : KIND_JOURNAL).u64(generation).nullableString(entry.detail);
    return plain.toByteArray();
  }

  /**
   * Decodes a record's plaintext (authenticated, so any failure is the writer's doing).
   *
   * @throws AuditTamperedException if it does not parse
   */
  static AuditRecord decode(byte[] plain, long seq) {
    try {
      ByteReader in = new ByteReader(plain, "audit record " + seq);
      Instant time = Instant.ofEpochMilli(in.u64("time"));
      String member = in.string("member");
      AuditAction action = AuditAction.fromCode(in.u8("action"));
      if (action == null) {
        throw new AuditTamperedException("audit record " + seq + " has an unknown action");
      }
      UUID entryId = in.u8("entry marker") == 1 ? in.uuid("entry id") : null;
      String subject = in.nullableString("subject");
      long generation = -1;
      boolean saved = false;
      String detail = null;
      if (in.remaining() > 0) {
        if (in.u8("extension") != EXTENSION) {
          throw new AuditTamperedException("audit record " + seq + " has an unknown extension");
        }
        int kind = in.u8("kind");
        if (kind != KIND_JOURNAL && kind != KIND_SAVED) {
          throw new AuditTamperedException("audit record " + seq + " has an unknown kind " + kind);
        }
        saved = kind == KIND_SAVED;
        generation = in.u64("generation");
        detail = in.nullableString("detail");
      }
      in.expectEnd();
      return new AuditRecord(seq, new AuditJournal.Entry(time, member, action, entryId, subject, detail),
          generation, saved);
    } catch (VaultCorruptedException e) {
      throw new AuditTamperedException("audit record " + seq + " does not parse although its seal verifies");
    }
  }
}
