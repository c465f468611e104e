package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.util.List;

/**
 * The "read" step of the vault's cycle: opens a parsed vault image for one member. It unwraps the data key with the
 * member's private key, checks the key commitment, decrypts and decodes the body, and checks that members and key
 * slots match one to one. Each failure is told apart (FORMAT.md, "errors"): a removed member, an altered slot table, an
 * altered body.
 *
 * <p>Thread-safety: stateless.
 */
final class ImageOpener {
  private ImageOpener() {}

  /** A vault image opened for one member; the data key is the caller's to adopt or zero. */
  static final class Opened {
    final byte[] dataKey;
    final VaultBody body;
    final List<Slot> slots;
    final long generation;

    private Opened(byte[] dataKey, VaultBody body, List<Slot> slots, long generation) {
      this.dataKey = dataKey;
      this.body = body;
      this.slots = slots;
      this.generation = generation;
    }
  }

  /**
   * Opens {@code file} as {@code member}, whose key pair is in {@code keys}.
   *
   * @throws UnknownMemberException if the member has no slot (any more), or a slot under another key pair
   * @throws VaultTamperedException if the slot, the commitment, the body or the member table fails a check
   */
  static Opened open(VaultFile file, KeyRing keys, String member, byte[] nameHash) {
    Slot slot = file.slot(nameHash);
    if (slot == null) {
      throw removed(member);
    }
    if (!MessageDigest.isEqual(slot.publicKey, keys.publicKey())) {
      // A passphrase change draws a new key pair, so an instance opened before it meets a slot it cannot unwrap.
      throw new UnknownMemberException("the passphrase of member '" + member + "' was changed elsewhere (or the "
          + "member was removed and added again): open the vault again with the current passphrase");
    }
    byte[] dataKey = slot.unwrap(keys.vaultId, keys.privateKey());
    if (dataKey == null) {
      throw new VaultTamperedException("the key slot of '" + member + "' fails authentication although the "
          + "passphrase is right: the slot table was altered");
    }
    boolean ok = false;
    try {
      if (!MessageDigest.isEqual(VaultFile.commitment(dataKey, keys.vaultId), file.commitment)) {
        throw new VaultTamperedException("the data key does not match the vault's key commitment: the slot table "
            + "was altered");
      }
      byte[] plaintext = file.openBody(dataKey);
      if (plaintext == null) {
        throw new VaultTamperedException("the vault body fails authentication: its contents or header were altered");
      }
      VaultBody body;
      try {
        body = VaultBody.decode(plaintext);
      } finally {
        Wipe.bytes(plaintext);
      }
      checkMembersMatchSlots(body, file, keys.vaultId, member);
      ok = true;
      return new Opened(dataKey, body, file.slots, file.generation);
    } finally {
      if (!ok) {
        Wipe.bytes(dataKey);
      }
    }
  }

  private static void checkMembersMatchSlots(VaultBody body, VaultFile file, byte[] vaultId, String member) {
    if (body.members.size() != file.slots.size()) {
      throw new VaultTamperedException("the vault has " + file.slots.size() + " key slots for "
          + body.members.size() + " members");
    }
    for (MemberRecord record : body.members.values()) {
      Slot slot = file.slot(Slot.nameHash(vaultId, record.name));
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
