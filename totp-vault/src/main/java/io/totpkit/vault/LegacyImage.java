package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a vault image of format 1 (FORMAT.md, "format 1") and turns it into format 2's state in memory: one data key
 * opened everything, so the entries are sealed anew under fresh section keys, the member table is signed with a fresh
 * signing key, and every slot is carried over with its sealed private key. An OWNER's first change saves that state
 * (the upgrade); until then nothing else can be saved.
 *
 * <p>Thread-safety: stateless.
 */
final class LegacyImage {
  private static final byte[] BODY_LABEL = "totpkit vault v1 body".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENTRIES_LABEL = "totpkit vault v1 entry secrets".getBytes(StandardCharsets.US_ASCII);

  private LegacyImage() {}

  /**
   * Opens a format-1 image with the data key the member's slot unwrapped (zeroed here), and converts it.
   *
   * @throws VaultTamperedException if the commitment, the body or the member table fails a check
   */
  static ImageOpener.Opened open(VaultFile file, KeyRing keys, byte[] dataKey, String member, SecureRandom random) {
    byte[] vaultId = keys.vaultId;
    try {
      if (!MessageDigest.isEqual(VaultFile.commitment(dataKey, vaultId), file.commitment)) {
        throw new VaultTamperedException("the data key does not match the vault's key commitment: the slot table "
            + "was altered");
      }
      byte[] bodyKey = Hkdf.deriveFor(dataKey, file.bodySalt, BODY_LABEL, vaultId);
      byte[] plaintext;
      try {
        plaintext = Aead.open(bodyKey, file.file, file.parts[0], file.parts[1], file.header());
      } finally {
        Wipe.bytes(bodyKey);
      }
      if (plaintext == null) {
        throw new VaultTamperedException("the vault body fails authentication: its contents or header were altered");
      }
      VaultBody body;
      try {
        body = decode(plaintext);
      } finally {
        Wipe.bytes(plaintext);
      }
      ImageOpener.checkMembersMatchSlots(body, file.slots, vaultId, member);
      keys.installNew(random);
      reseal(body, keys, dataKey, random);
      body.table = MemberTable.sign(vaultId, keys.signingPrivateKey, body.members);
      List<Slot> slots = new ArrayList<>();
      file.slots.forEach(slot -> slots.add(slot.carriedOver()));
      return new ImageOpener.Opened(body, List.copyOf(slots), file.generation, true);
    } finally {
      Wipe.bytes(dataKey);
    }
  }

  /** Opens every secret under format 1's entries key and seals it under its section's key. */
  private static void reseal(VaultBody body, KeyRing keys, byte[] dataKey, SecureRandom random) {
    byte[] entriesKey = Hkdf.deriveFor(dataKey, null, ENTRIES_LABEL, keys.vaultId);
    try (AeadKey old = new AeadKey(entriesKey)) {
      for (StoredEntry stored : List.copyOf(body.entries.values())) {
        byte[] secret = old.open(stored.sealedSecret, KeyRing.idBytes(stored.id()));
        if (secret == null) {
          throw new VaultTamperedException("the secret of entry " + stored.id() + " fails authentication");
        }
        try {
          body.entries.put(stored.id(), stored.resealed(keys.seal(stored.id(), stored.entry.tags(), secret,
              random)));
        } finally {
          Wipe.bytes(secret);
        }
      }
    } finally {
      Wipe.bytes(entriesKey);
    }
  }

  /** Format 1's body: audit secrets, anchor, members, entries. */
  private static VaultBody decode(byte[] plaintext) {
    ByteReader in = new ByteReader(plaintext, "vault body");
    VaultBody body = new VaultBody();
    body.readSecrets(in);
    body.anchor = AuditAnchor.read(in, false);
    int memberCount = in.length("member count", VaultBody.MAX_MEMBERS);
    for (int i = 0; i < memberCount; i++) {
      MemberRecord member = MemberRecord.read(in);
      if (body.members.put(member.name, member) != null) {
        throw in.corrupt("member " + member.name + " appears twice");
      }
    }
    int entryCount = in.length("entry count", VaultBody.MAX_ENTRIES);
    for (int i = 0; i < entryCount; i++) {
      StoredEntry entry = StoredEntry.read(in).placed(i);
      if (body.entries.put(entry.id(), entry) != null) {
        throw in.corrupt("entry " + entry.id() + " appears twice");
      }
    }
    in.expectEnd();
    body.sortByOrder();
    return body;
  }
}
