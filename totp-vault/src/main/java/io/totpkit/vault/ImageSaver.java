package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "commit" and "fsync" steps of the vault's cycle: seals a change's audit records (without writing them), puts
 * them and the journal head they lead to in the new image, seals that image (FORMAT.md, format 2) and writes it
 * through the store; once it is published, appends the records to the journal and forces them. A change that never
 * becomes visible thus leaves no record, and a crash between the two steps leaves the records in the image, from
 * which the next reader appends them ({@link AuditJournal#open}).
 *
 * <p>An OWNER's save also writes what only OWNERs can: the signed member table and every member's keychain (when
 * membership or keys changed), the owner block, and the wraps of new section keys. Any member's save re-seals the
 * sections they can open and copies the others byte for byte.
 *
 * <p>Thread-safety: stateless; the caller holds the store's lock.
 */
final class ImageSaver {
  private ImageSaver() {}

  /**
   * Saves the kernel's state as generation {@code generation + 1}; returns the written image's fingerprint.
   *
   * @param rekey whether membership or keys changed, so the table is signed and every keychain written anew
   * @param backupIsNew whether the store's backup must be the new image (keys were rotated)
   */
  static Object save(VaultKernel kernel, StoreHandle.Held held, List<AuditJournal.Entry> audit, boolean rekey,
      boolean backupIsNew) {
    KeyRing keys = kernel.keys;
    VaultBody body = kernel.body;
    long generation = kernel.generation + 1;
    Map<Set<String>, List<StoredEntry>> groups = groups(body);
    if (rekey) {
      rekey(kernel);
    }
    if (keys.holdsOwnerKeys()) {
      Set<String> usedTags = new HashSet<>();
      groups.keySet().forEach(usedTags::addAll);
      body.members.values().forEach(member -> usedTags.addAll(member.grantedTags));
      keys.prune(usedTags, groups.keySet());
    }
    PreparedRecords records = kernel.journal.prepare(audit, true, generation, kernel.random);
    body.pending = records;
    body.anchor = records.after;
    byte[] image = encode(kernel, generation, groups);
    kernel.journal.ensureHead();
    Object written = held.write(image, generation, backupIsNew, () -> { });
    try {
      kernel.journal.write(records, true);
    } catch (VaultIoException e) {
      throw new VaultIoException("the change was saved, but its audit records could not be appended to the journal "
          + "yet (" + e.getMessage() + "); the vault file keeps them and the next operation appends them", e);
    }
    return written;
  }

  /** Seals the kernel's state (its pending records and anchor already set) as the image of {@code generation}. */
  static byte[] encode(VaultKernel kernel, long generation, Map<Set<String>, List<StoredEntry>> groups) {
    KeyRing keys = kernel.keys;
    VaultBody body = kernel.body;
    // Section keys and their wraps first: a new section may create a tag key, which the owner block must hold.
    Map<Set<String>, byte[]> wraps = new LinkedHashMap<>();
    Map<Set<String>, byte[]> plaintexts = new LinkedHashMap<>();
    int length = 4096;
    for (Map.Entry<Set<String>, List<StoredEntry>> group : groups.entrySet()) {
      byte[] sectionWraps = keys.wraps(group.getKey(), keys.section(group.getKey(), kernel.random), kernel.random);
      byte[] plaintext = VaultBody.encodeSection(group.getKey(), group.getValue());
      wraps.put(group.getKey(), sectionWraps);
      plaintexts.put(group.getKey(), plaintext);
      length += Section.length(sectionWraps, plaintext.length);
    }
    byte[] common = body.encodeCommon();
    length += common.length + (body.ownerBlock == null ? 64 * keys.tagKeys.size() : body.ownerBlock.length);
    for (byte[] opaque : body.opaqueSections) {
      length += opaque.length;
    }
    try {
      return VaultFile.write(keys.vaultId, generation, kernel.clock.millis(),
          VaultFile.commitment(keys.commonKey, keys.vaultId), kernel.slots, length, (header, out) -> {
            Section.sealPart(out, keys.commonKey, VaultFile.COMMON_LABEL, keys.vaultId, common, header,
                kernel.random);
            writeOwnerBlock(kernel, out);
            out.u32(groups.size() + body.opaqueSections.size());
            plaintexts.forEach((tags, plaintext) -> Section.write(out, wraps.get(tags), keys.sections.get(tags).key,
                keys.vaultId, plaintext, kernel.random));
            body.opaqueSections.forEach(out::bytes);
          });
    } finally {
      Wipe.bytes(common);
    }
  }

  /** Signs the member table and writes every member's keychain anew (OWNER only). */
  private static void rekey(VaultKernel kernel) {
    KeyRing keys = kernel.keys;
    if (!keys.holdsOwnerKeys()) {
      throw new VaultAccessException("only an OWNER's keys can sign the member table; nothing was changed");
    }
    MemberTable table = MemberTable.sign(keys.vaultId, keys.signingPrivateKey, kernel.body.members);
    byte[] tableHash = table.hash(keys.vaultId);
    List<Slot> slots = new ArrayList<>();
    for (MemberRecord member : table.members.values()) {
      Slot slot = Slot.find(kernel.slots, Slot.nameHash(keys.vaultId, member.name));
      if (slot == null) {
        throw new IllegalStateException("a member has no key slot");
      }
      try (Keychain chain = keys.keychainFor(member, tableHash, kernel.random)) {
        byte[] encoded = chain.encode();
        try {
          slots.add(slot.withKeychain(keys.vaultId, encoded, kernel.random));
        } finally {
          Wipe.bytes(encoded);
        }
      }
    }
    kernel.body.table = table;
    kernel.slots = List.copyOf(slots);
  }

  private static void writeOwnerBlock(VaultKernel kernel, ByteWriter out) {
    KeyRing keys = kernel.keys;
    if (!keys.holdsOwnerKeys()) {
      out.bytes(kernel.body.ownerBlock);
      return;
    }
    byte[] plain = Keychain.encodeTagKeys(keys.tagKeys);
    try {
      Section.sealPart(out, keys.ownerKey, VaultFile.OWNER_LABEL, keys.vaultId, plain, keys.vaultId, kernel.random);
    } finally {
      Wipe.bytes(plain);
    }
  }

  /** The entries this member can open, grouped by tag set, groups in a fixed order (by their tags). */
  static Map<Set<String>, List<StoredEntry>> groups(VaultBody body) {
    Map<Set<String>, List<StoredEntry>> groups = new LinkedHashMap<>();
    body.entries.values().forEach(stored -> groups.computeIfAbsent(stored.entry.tags(), k -> new ArrayList<>())
        .add(stored));
    List<Set<String>> order = new ArrayList<>(groups.keySet());
    order.sort(Comparator.comparing(Object::toString));
    Map<Set<String>, List<StoredEntry>> sorted = new LinkedHashMap<>();
    order.forEach(tags -> sorted.put(tags, groups.get(tags)));
    return sorted;
  }
}
