package io.totpkit.vault;

/**
 * Where a vault image last saw its audit journal: its length, record count, head MAC and last record's time
 * (FORMAT.md, "anchoring").
 *
 * <p>Thread-safety: immutable by convention.
 */
final class AuditAnchor {
  final long length;
  final long count;
  final byte[] headMac;
  /** Epoch milliseconds of the last record, or -1 where format 1 did not record it. */
  final long lastTime;

  AuditAnchor(long length, long count, byte[] headMac, long lastTime) {
    this.length = length;
    this.count = count;
    this.headMac = headMac;
    this.lastTime = lastTime;
  }

  void write(ByteWriter out) {
    out.u64(length).u64(count).bytes(headMac).u64(lastTime);
  }

  /** Reads an anchor; {@code withTime} for format 2, whose anchors carry the last record's time. */
  static AuditAnchor read(ByteReader in, boolean withTime) {
    long length = in.u64("audit anchor length");
    long count = in.u64("audit anchor count");
    byte[] head = in.bytes(AuditJournal.MAC_LENGTH, "audit anchor head");
    long lastTime = withTime ? in.u64("audit anchor time") : -1;
    if (length < AuditJournal.HEADER_LENGTH || count < 0 || count > length || lastTime < -1) {
      throw in.corrupt("the audit anchor is out of range");
    }
    return new AuditAnchor(length, count, head, lastTime);
  }
}
