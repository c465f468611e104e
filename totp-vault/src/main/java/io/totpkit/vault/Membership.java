package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The vault's members: adding one with their own key slot, changing a member's role or grants, removing one, setting a
 * member's passphrase (with a new key pair), listing them. Every change of membership is an OWNER's, is signed into
 * the member table and writes every keychain anew (FORMAT.md, "membership"); a change that takes keys away from
 * someone rotates exactly those keys: the common key and audit epoch when a member leaves or their passphrase
 * changes, every key when an OWNER's knowledge goes, the lost tags' keys (and their sections') when grants shrink.
 * The Argon2id derivation of a new slot runs before the change, so the store's lock is not held through it.
 * {@link Vault} documents the public contract.
 *
 * <p>Thread-safety: safe for concurrent use (the kernel serializes operations).
 */
final class Membership {
  private final VaultKernel kernel;

  Membership(VaultKernel kernel) {
    this.kernel = kernel;
  }

  void add(String name, Role role, Set<String> grants, char[] passphrase) {
    synchronized (kernel) {
      kernel.checkOpen();
      kernel.requireOwner("add members");
      byte[] newPrivate = X25519Keys.generatePrivateKey(kernel.random);
      Slot sealed;
      try {
        sealed = seal(name, newPrivate, passphrase);
      } finally {
        Wipe.bytes(newPrivate);
      }
      kernel.change(() -> {
        kernel.requireOwner("add members");
        if (kernel.body.members.containsKey(name)) {
          throw new IllegalArgumentException("'" + name + "' is already a member");
        }
        List<Slot> newSlots = new ArrayList<>(kernel.slots);
        newSlots.add(sealed);
        kernel.slots = List.copyOf(newSlots);
        kernel.body.members.put(name, new MemberRecord(name, role, grants, kernel.now(), sealed.publicKey));
        return VaultChange.rekeyed(null, List.of(kernel.record(AuditAction.MEMBER_ADDED, null, name,
            describe(role, grants))), false);
      });
    }
  }

  /** A new format-2 slot for {@code name}: the private key and the vault's signing key under the passphrase. */
  private Slot seal(String name, byte[] privateKey, char[] passphrase) {
    byte[] secret = Passphrases.utf8(passphrase);
    try {
      return Slot.seal(kernel.keys.vaultId, Slot.nameHash(kernel.keys.vaultId, name), privateKey,
          kernel.body.table.signingPublicKey, secret, kernel.options.kdf(), kernel.random);
    } finally {
      Wipe.bytes(secret);
    }
  }

  void change(String name, Role role, Set<String> grants) {
    kernel.change(() -> {
      kernel.requireOwner("change members");
      MemberRecord old = existing(name);
      if (name.equals(kernel.memberName) && role != old.role) {
        throw new IllegalArgumentException("a member cannot change their own role; ask another owner");
      }
      Set<String> kept = role == Role.OWNER ? Set.of() : grants;
      boolean rotated;
      if (old.role == Role.OWNER && role != Role.OWNER) {
        kernel.keys.rotateOwner(kernel.body.entries, kernel.random);
        rotated = true;
      } else {
        Set<String> lost = new TreeSet<>(old.grantedTags);
        lost.removeAll(kept);
        rotated = old.role != Role.OWNER && role != Role.OWNER && !lost.isEmpty();
        if (rotated) {
          kernel.keys.rotateTags(lost, kernel.body.entries, kernel.random);
        }
      }
      kernel.body.members.put(name, new MemberRecord(name, role, kept, old.addedAt, old.publicKey));
      return VaultChange.rekeyed(null, List.of(kernel.record(AuditAction.MEMBER_CHANGED, null, name,
          describe(role, kept))), rotated);
    });
  }

  void remove(String name) {
    kernel.change(() -> {
      kernel.requireOwner("remove members");
      MemberRecord removed = existing(name);
      if (name.equals(kernel.memberName)) {
        throw new IllegalArgumentException("a member cannot remove themselves; ask another owner");
      }
      rotateAwayFrom(removed);
      byte[] removedHash = Slot.nameHash(kernel.keys.vaultId, name);
      List<Slot> kept = new ArrayList<>(kernel.slots);
      kept.removeIf(slot -> MessageDigest.isEqual(slot.nameHash, removedHash));
      kernel.slots = List.copyOf(kept);
      kernel.body.members.remove(name);
      return VaultChange.rekeyed(null, List.of(kernel.record(AuditAction.MEMBER_REMOVED, null, name)), true);
    });
  }

  /**
   * Rotates every key {@code member} could unwrap: the common key and the audit epoch (so they can neither read nor
   * forge what follows), and the OWNER keys or their granted tags' keys.
   */
  private void rotateAwayFrom(MemberRecord member) {
    kernel.keys.rotateCommon(kernel.random);
    if (member.role == Role.OWNER) {
      kernel.keys.rotateOwner(kernel.body.entries, kernel.random);
    } else {
      kernel.keys.rotateTags(member.grantedTags, kernel.body.entries, kernel.random);
    }
    kernel.body.auditSecrets.add(kernel.randomKey());
    kernel.journal.setSecrets(kernel.body.auditSecrets);
  }

  /**
   * Changes this OWNER's own passphrase after checking the current one; see {@link #setPassphrase}. An OPERATOR is
   * refused: the rotation their old passphrase requires takes keys only OWNERs hold.
   */
  void changeOwn(char[] current, char[] replacement) {
    synchronized (kernel) {
      kernel.checkOpen();
      if (kernel.me().role != Role.OWNER) {
        throw new VaultAccessException("member '" + kernel.memberName + "' is an OPERATOR: an OPERATOR's passphrase "
            + "is set by an OWNER (Vault.setPassphrase, 'totp members passwd " + kernel.memberName + "'), because "
            + "the keys an old passphrase could open must be rotated, and only OWNERs hold them all");
      }
      Slot mine = kernel.mySlot();
      byte[] check = Passphrases.openPrivateKey(mine, kernel.keys.vaultId, current);
      boolean right = check != null && MessageDigest.isEqual(java.util.Arrays.copyOf(check, X25519Keys.KEY_LENGTH),
          kernel.keys.privateKey());
      Wipe.bytes(check);
      if (!right) {
        throw new WrongPassphraseException("wrong current passphrase for member '" + kernel.memberName + "'");
      }
      setPassphrase(kernel.memberName, replacement);
    }
  }

  /**
   * Gives {@code name} a new key pair sealed under {@code passphrase} and rotates every key they held, so a copy of
   * the vault taken before, with the old passphrase, opens nothing written from now on. OWNER only. For this member
   * the new key pair is the kernel's once the change is saved ({@link KeyRing#settle} resolves a change that failed
   * after its image may have become visible).
   */
  void setPassphrase(String name, char[] passphrase) {
    synchronized (kernel) {
      kernel.checkOpen();
      kernel.requireOwner("set a member's passphrase");
      existing(name);
      boolean self = name.equals(kernel.memberName);
      byte[] newPrivate = X25519Keys.generatePrivateKey(kernel.random);
      Slot resealed;
      try {
        resealed = seal(name, newPrivate, passphrase);
      } catch (RuntimeException e) {
        Wipe.bytes(newPrivate);
        throw e;
      }
      if (!self) {
        Wipe.bytes(newPrivate);
      }
      boolean[] handedOver = {!self};
      try {
        kernel.change(() -> {
          kernel.requireOwner("set a member's passphrase");
          MemberRecord member = existing(name);
          if (self) {
            kernel.keys.propose(newPrivate);
            handedOver[0] = true;
          }
          rotateAwayFrom(member);
          List<Slot> slots = new ArrayList<>(kernel.slots);
          slots.replaceAll(slot -> MessageDigest.isEqual(slot.nameHash, resealed.nameHash) ? resealed : slot);
          kernel.slots = List.copyOf(slots);
          kernel.body.members.put(name, new MemberRecord(name, member.role, member.grantedTags, member.addedAt,
              resealed.publicKey));
          return VaultChange.rekeyed(null, List.of(kernel.record(AuditAction.PASSPHRASE_CHANGED, null, name,
              fingerprint(resealed.publicKey))), true);
        });
      } finally {
        if (!handedOver[0]) {
          Wipe.bytes(newPrivate);
        }
      }
      if (self) {
        kernel.keys.adoptPending();
      }
    }
  }

  private MemberRecord existing(String name) {
    MemberRecord member = kernel.body.members.get(name);
    if (member == null) {
      throw new NoSuchElementException("the vault has no member named '" + name + "'");
    }
    return member;
  }

  /** The detail of a member record: role and grants, as the audit trail states them. */
  static String describe(Role role, Set<String> grants) {
    if (role == Role.OWNER) {
      return "OWNER";
    }
    StringBuilder out = new StringBuilder(role.name() + " of [");
    String separator = "";
    for (String tag : new TreeSet<>(grants)) {
      // Quoted so that commas and brackets in tags stay unambiguous; shown escaped wherever it is shown.
      out.append(separator).append('"').append(tag.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      separator = ", ";
    }
    return out.append(']').toString();
  }

  /** The detail of a passphrase change: the first 8 bytes of the new public key's SHA-256, in hex. */
  static String fingerprint(byte[] publicKey) {
    return "key " + HexFormat.of().formatHex(Digests.sha256(publicKey, 0, publicKey.length), 0, 8);
  }

  List<Member> list() {
    return kernel.read(() -> {
      kernel.requireOwner("list members");
      List<Member> out = new ArrayList<>();
      kernel.body.members.values().forEach(member -> out.add(member.toMember()));
      return Collections.unmodifiableList(out);
    });
  }
}
