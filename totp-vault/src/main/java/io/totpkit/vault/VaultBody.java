package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decrypted body of a vault file (FORMAT.md, "body"): the audit secrets of every epoch, the audit anchor, the
 * members and the entries (secrets still sealed).
 *
 * <p>Thread-safety: not thread-safe; {@link Vault} guards it.
 */
final class VaultBody {
  static final int MAX_ENTRIES = 10_000_000;
  static final int MAX_MEMBERS = VaultFile.MAX_SLOTS;
  static final int AUDIT_SECRET_LENGTH = 32;

  final List<byte[]> auditSecrets = new ArrayList<>();
  AuditJournal.Anchor anchor;
  final Map<String, MemberRecord> members = new LinkedHashMap<>();
  final Map<UUID, StoredEntry> entries = new LinkedHashMap<>();

  byte[] encode() {
    int size = 256 + auditSecrets.size() * 32 + members.size() * 128;
    for (StoredEntry entry : entries.values()) {
      size += entry.encoded().length;
    }
    ByteWriter out = new ByteWriter(size);
    out.u32(auditSecrets.size());
    auditSecrets.forEach(out::bytes);
    anchor.write(out);
    out.u32(members.size());
    members.values().forEach(member -> member.write(out));
    out.u32(entries.size());
    for (StoredEntry entry : entries.values()) {
      out.bytes(entry.encoded());
    }
    byte[] bytes = out.toByteArray();
    out.wipe();
    return bytes;
  }

  static VaultBody decode(byte[] plaintext) {
    ByteReader in = new ByteReader(plaintext, "vault body");
    VaultBody body = new VaultBody();
    int epochs = in.length("audit epoch count", 1 << 16);
    if (epochs == 0) {
      throw in.corrupt("there is no audit secret");
    }
    for (int i = 0; i < epochs; i++) {
      body.auditSecrets.add(in.bytes(AUDIT_SECRET_LENGTH, "audit secret"));
    }
    body.anchor = AuditJournal.Anchor.read(in);
    int memberCount = in.length("member count", MAX_MEMBERS);
    for (int i = 0; i < memberCount; i++) {
      MemberRecord member = MemberRecord.read(in);
      if (body.members.put(member.name, member) != null) {
        throw in.corrupt("member " + member.name + " appears twice");
      }
    }
    int entryCount = in.length("entry count", MAX_ENTRIES);
    for (int i = 0; i < entryCount; i++) {
      StoredEntry entry = StoredEntry.read(in);
      if (body.entries.put(entry.id(), entry) != null) {
        throw in.corrupt("entry " + entry.id() + " appears twice");
      }
    }
    in.expectEnd();
    return body;
  }

  void wipe() {
    auditSecrets.forEach(Wipe::bytes);
  }
}
