package io.totpkit.vault;

/**
 * A change's audit records, sealed and chained but not yet in the journal, with the journal head before and after
 * them: the vault image that carries the change carries them too, and they are appended once that image is published
 * (FORMAT.md, "audit journal").
 *
 * <p>Thread-safety: immutable by convention.
 */
final class PreparedRecords {
  final AuditAnchor before;
  final byte[] bytes;
  final AuditAnchor after;

  PreparedRecords(AuditAnchor before, byte[] bytes, AuditAnchor after) {
    this.before = before;
    this.bytes = bytes;
    this.after = after;
  }

  void write(ByteWriter out) {
    before.write(out);
    out.longBytes(bytes);
  }

  static PreparedRecords read(ByteReader in, AuditAnchor after) {
    AuditAnchor before = AuditAnchor.read(in, true);
    byte[] bytes = in.longBytes("pending audit records", VaultFile.MAX_FILE_LENGTH);
    if (before.length + bytes.length != after.length || before.count > after.count) {
      throw in.corrupt("the pending audit records do not lead to the anchor");
    }
    return new PreparedRecords(before, bytes, after);
  }
}
