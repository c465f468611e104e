package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decrypted state of a vault as one member sees it: from the common part (FORMAT.md) the audit secrets of every
 * epoch, the audit anchor, the records of the last change and the signed member table; the entries of the sections
 * the member can open, secrets still sealed; and, as opaque bytes, the sections and the owner block the member cannot
 * open, which a save copies unchanged.
 *
 * <p>Thread-safety: not thread-safe; the kernel guards it.
 */
final class VaultBody {
  static final int MAX_ENTRIES = 10_000_000;
  static final int MAX_MEMBERS = VaultFile.MAX_SLOTS;
  static final int AUDIT_SECRET_LENGTH = 32;

  final List<byte[]> auditSecrets = new ArrayList<>();
  AuditAnchor anchor;
  /** The records of the change the image was saved with, or {@code null} (format 1). */
  PreparedRecords pending;
  /** The signed member table the image carries; {@link #members} differs from it only inside an OWNER's change. */
  MemberTable table;
  final Map<String, MemberRecord> members = new LinkedHashMap<>();
  final Map<UUID, StoredEntry> entries = new LinkedHashMap<>();
  /** The place of the next entry added: one after the last of every entry (an OWNER's view holds them all). */
  long nextOrder;
  /** Sections this member cannot open, as the file held them. */
  final List<byte[]> opaqueSections = new ArrayList<>();
  /** The owner block as the file held it, for a member who cannot open it. */
  byte[] ownerBlock;

  /** The common part's plaintext: audit secrets, anchor, the last change's records, the signed table. */
  byte[] encodeCommon() {
    ByteWriter out = new ByteWriter(512 + auditSecrets.size() * 32 + table.encoded.length
        + pending.bytes.length);
    out.u32(auditSecrets.size());
    auditSecrets.forEach(out::bytes);
    anchor.write(out);
    pending.write(out);
    out.longBytes(table.encoded).bytes(table.signature);
    byte[] bytes = out.toByteArray();
    out.wipe();
    return bytes;
  }

  /**
   * Decodes the common part and checks the table's signature (against the key it names; whose key that must be is the
   * opener's to check).
   */
  static VaultBody decodeCommon(byte[] plaintext, byte[] vaultId) {
    ByteReader in = new ByteReader(plaintext, "vault common part");
    VaultBody body = new VaultBody();
    body.readSecrets(in);
    body.anchor = AuditAnchor.read(in, true);
    body.pending = PreparedRecords.read(in, body.anchor);
    byte[] table = in.longBytes("member table", VaultFile.MAX_FILE_LENGTH);
    byte[] signature = in.bytes(Ed25519Keys.SIGNATURE_LENGTH, "member table signature");
    in.expectEnd();
    body.table = MemberTable.verify(vaultId, table, signature);
    body.members.putAll(body.table.members);
    return body;
  }

  void readSecrets(ByteReader in) {
    int epochs = in.length("audit epoch count", 1 << 16);
    if (epochs == 0) {
      throw in.corrupt("there is no audit secret");
    }
    for (int i = 0; i < epochs; i++) {
      auditSecrets.add(in.bytes(AUDIT_SECRET_LENGTH, "audit secret"));
    }
  }

  /** A section's plaintext: its tag set, then its entries. */
  static byte[] encodeSection(java.util.Set<String> tags, List<StoredEntry> sectionEntries) {
    int size = 64;
    for (StoredEntry entry : sectionEntries) {
      size += entry.encoded().length;
    }
    for (String tag : tags) {
      size += 2 + tag.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    size += 6 + sectionEntries.size() * 8;
    ByteWriter out = new ByteWriter(size - 64);
    out.u16(tags.size());
    tags.forEach(out::string);
    out.u32(sectionEntries.size());
    sectionEntries.forEach(entry -> out.u64(entry.order).bytes(entry.encoded()));
    return out.exact();
  }

  /**
   * Decodes a section's plaintext into {@link #entries} (unsorted: see {@link #sortByOrder}); returns its tag set.
   *
   * @throws VaultTamperedException if an entry's tags differ from the section's, or an entry appears twice
   */
  java.util.Set<String> decodeSection(byte[] plaintext) {
    ByteReader in = new ByteReader(plaintext, "vault section");
    int tagCount = in.u16("section tag count");
    List<String> tags = new ArrayList<>(tagCount);
    for (int i = 0; i < tagCount; i++) {
      tags.add(in.string("section tag"));
    }
    java.util.Set<String> tagSet = Tags.copy(tags);
    int count = in.length("section entry count", MAX_ENTRIES);
    for (int i = 0; i < count; i++) {
      long order = in.u64("entry order");
      StoredEntry entry = StoredEntry.read(in, tagSet).placed(order);
      if (!entry.entry.tags().equals(tagSet)) {
        throw new VaultTamperedException("entry " + entry.id() + " lies in the section of other tags");
      }
      if (entries.put(entry.id(), entry) != null) {
        throw new VaultTamperedException("entry " + entry.id() + " appears twice");
      }
    }
    in.expectEnd();
    return tagSet;
  }

  /** Puts the entries in the order they were added, as they are listed, and sets {@link #nextOrder}. */
  void sortByOrder() {
    List<StoredEntry> all = new ArrayList<>(entries.values());
    all.sort(java.util.Comparator.comparingLong(stored -> stored.order));
    entries.clear();
    all.forEach(stored -> entries.put(stored.id(), stored));
    nextOrder = all.isEmpty() ? 0 : all.get(all.size() - 1).order + 1;
  }

  void wipe() {
    auditSecrets.forEach(Wipe::bytes);
  }
}
