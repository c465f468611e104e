package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "read" step of the vault's cycle: opens a parsed vault image for one member. It unwraps the member's keychain,
 * checks the key commitment, opens the common part, checks the member table's signature against the vault's signing
 * key and against the table hash the keychain pins, checks that members and key slots match one to one, and opens the
 * owner block and the sections the keychain's keys open. A format-1 image goes to {@link LegacyImage}. Each failure
 * is told apart (FORMAT.md, "errors").
 *
 * <p>Thread-safety: stateless.
 */
final class ImageOpener {
  private ImageOpener() {}

  /** A vault image opened for one member; the keys are installed in the member's {@link KeyRing}. */
  static final class Opened {
    final VaultBody body;
    final List<Slot> slots;
    final long generation;
    /** Whether the image is of format 1: readable, changed only by an OWNER's upgrade. */
    final boolean legacy;

    Opened(VaultBody body, List<Slot> slots, long generation, boolean legacy) {
      this.body = body;
      this.slots = slots;
      this.generation = generation;
      this.legacy = legacy;
    }
  }

  /**
   * Opens {@code file} as {@code member}, whose key pair is in {@code keys}.
   *
   * @throws UnknownMemberException if the member has no slot (any more), or a slot under another key pair
   * @throws VaultTamperedException if a slot, the commitment, the table, a part or a section fails a check
   */
  static Opened open(VaultFile file, KeyRing keys, String member, byte[] nameHash, java.security.SecureRandom random) {
    byte[] unwrapped = unwrap(file, keys, member, nameHash);
    if (file.format == 1) {
      return LegacyImage.open(file, keys, unwrapped, member, random);
    }
    Keychain chain;
    try {
      chain = Keychain.decode(unwrapped);
    } finally {
      Wipe.bytes(unwrapped);
    }
    try (chain) {
      if (!MessageDigest.isEqual(VaultFile.commitment(chain.commonKey, keys.vaultId), file.commitment)) {
        throw new VaultTamperedException("the common key does not match the vault's key commitment: the slot table "
            + "was altered");
      }
      byte[] common = file.openPart(0, chain.commonKey, VaultFile.COMMON_LABEL, file.header());
      if (common == null) {
        throw new VaultTamperedException("the vault's common part fails authentication: its contents or header "
            + "were altered");
      }
      VaultBody body;
      try {
        body = VaultBody.decodeCommon(common, keys.vaultId);
      } finally {
        Wipe.bytes(common);
      }
      checkTable(body.table, chain, keys);
      checkMembersMatchSlots(body, file.slots, keys.vaultId, member);
      if ((body.members.get(member).role == Role.OWNER) != chain.isOwner()) {
        throw new VaultTamperedException("the keychain of '" + member + "' does not match the member's role");
      }
      keys.install(chain, ownerTagKeys(file, chain, keys.vaultId, body));
      openSections(file, keys, body);
      return new Opened(body, file.slots, file.generation, false);
    }
  }

  private static byte[] unwrap(VaultFile file, KeyRing keys, String member, byte[] nameHash) {
    Slot slot = file.slot(nameHash);
    if (slot == null) {
      throw removed(member);
    }
    if (!MessageDigest.isEqual(slot.publicKey, keys.publicKey())) {
      // A passphrase change draws a new key pair, so an instance opened before it meets a slot it cannot unwrap.
      throw new UnknownMemberException("the passphrase of member '" + member + "' was changed elsewhere (or the "
          + "member was removed and added again): open the vault again with the current passphrase");
    }
    byte[] unwrapped = slot.unwrap(keys.vaultId, keys.privateKey());
    if (unwrapped == null) {
      throw new VaultTamperedException("the key slot of '" + member + "' fails authentication although the "
          + "passphrase is right: the slot table was altered");
    }
    return unwrapped;
  }

  /**
   * The table must be signed by the vault's signing key as the member knows it: from their passphrase-sealed slot
   * (a format-2 slot), else, for an OWNER, from the signing key in their keychain (a slot carried over from format 1,
   * whose member trusts the table's key until their passphrase is set again). An OWNER's keychain must hold that very
   * key: a keychain anyone can wrap to the member's public key cannot hand them a signing key of its own. And the table
   * must be the one the member's keychain was written for.
   */
  private static void checkTable(MemberTable table, Keychain chain, KeyRing keys) {
    byte[] held = chain.isOwner() ? Ed25519Keys.publicKey(chain.signingPrivateKey) : null;
    byte[] trusted = keys.signingRoot != null ? keys.signingRoot : held;
    if ((trusted != null && !MessageDigest.isEqual(trusted, table.signingPublicKey))
        || (held != null && !MessageDigest.isEqual(held, table.signingPublicKey))) {
      throw new VaultTamperedException("the member table is signed by a key that is not the vault's: someone "
          + "without an OWNER's key rewrote names, roles, grants or keys");
    }
    if (!MessageDigest.isEqual(chain.tableHash, table.hash(keys.vaultId))) {
      throw new VaultTamperedException("the member table is not the one this member's keys were issued with: an "
          + "older or edited table was put in its place");
    }
  }

  private static Map<String, byte[]> ownerTagKeys(VaultFile file, Keychain chain, byte[] vaultId, VaultBody body) {
    if (!chain.isOwner()) {
      body.ownerBlock = file.ownerBlock();
      return Map.of();
    }
    byte[] plain = file.openPart(1, chain.ownerKey, VaultFile.OWNER_LABEL, vaultId);
    if (plain == null) {
      throw new VaultTamperedException("the vault's owner block fails authentication");
    }
    try {
      return Keychain.decodeTagKeys(plain);
    } finally {
      Wipe.bytes(plain);
    }
  }

  private static void openSections(VaultFile file, KeyRing keys, VaultBody body) {
    for (Section section : file.sections) {
      byte[] key = section.unwrap(keys::wrappingFor);
      if (key == null) {
        if (keys.holdsOwnerKeys()) {
          throw new VaultTamperedException("a section of the vault is wrapped under no key the OWNERs hold");
        }
        body.opaqueSections.add(section.raw);
        continue;
      }
      byte[] plain = section.open(key, keys.vaultId);
      Set<String> tags;
      try {
        tags = body.decodeSection(plain);
      } finally {
        Wipe.bytes(plain);
      }
      if (keys.sections.put(tags, new SectionKey(key, section.wraps(), keys.vaultId)) != null) {
        throw new VaultTamperedException("two sections hold the tags " + tags);
      }
    }
    body.sortByOrder();
  }

  static void checkMembersMatchSlots(VaultBody body, List<Slot> slots, byte[] vaultId, String member) {
    if (body.members.size() != slots.size()) {
      throw new VaultTamperedException("the vault has " + slots.size() + " key slots for " + body.members.size()
          + " members");
    }
    for (MemberRecord record : body.members.values()) {
      Slot slot = Slot.find(slots, Slot.nameHash(vaultId, record.name));
      if (slot == null || !MessageDigest.isEqual(slot.publicKey, record.publicKey)) {
        throw new VaultTamperedException("the key slot of member '" + record.name + "' does not match the member");
      }
    }
    if (body.members.get(member) == null) {
      throw removed(member);
    }
  }

  static UnknownMemberException removed(String member) {
    return new UnknownMemberException("member '" + member + "' was removed from the vault");
  }
}
