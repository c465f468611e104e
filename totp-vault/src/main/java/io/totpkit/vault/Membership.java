package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The vault's members: adding one with their own key slot, removing one with a rotation of every key they could
 * unwrap, changing a member's own passphrase (with a new key pair and the same rotation), listing them. The Argon2id
 * derivation of a new slot runs before the change, so the store's lock is not held through it. {@link Vault}
 * documents the public contract.
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
      byte[] memberHash = Slot.nameHash(kernel.keys.vaultId, name);
      byte[] newPrivate = X25519Keys.generatePrivateKey(kernel.random);
      byte[] newPublic = X25519Keys.publicKey(newPrivate);
      Slot sealed;
      byte[] secret = Passphrases.utf8(passphrase);
      try {
        sealed = Slot.seal(kernel.keys.vaultId, memberHash, newPrivate, secret, kernel.options.kdf(), kernel.random,
            new byte[32], new byte[Aead.KEY_LENGTH + Aead.OVERHEAD]);
      } finally {
        Wipe.bytes(secret);
        Wipe.bytes(newPrivate);
      }
      kernel.change(() -> {
        kernel.requireOwner("add members");
        if (kernel.body.members.containsKey(name)) {
          throw new IllegalArgumentException("'" + name + "' is already a member");
        }
        byte[][] wrap = Slot.wrap(kernel.keys.vaultId, memberHash, newPublic, kernel.keys.dataKey(), kernel.random);
        List<Slot> newSlots = new ArrayList<>(kernel.slots);
        newSlots.add(sealed.withWrap(wrap[0], wrap[1]));
        kernel.slots = List.copyOf(newSlots);
        kernel.body.members.put(name, new MemberRecord(name, role, grants, kernel.now(), newPublic));
        return VaultChange.saved(null, List.of(kernel.record(AuditAction.MEMBER_ADDED, null, name + " as " + role)));
      });
    }
  }

  void remove(String name) {
    kernel.change(() -> {
      kernel.requireOwner("remove members");
      if (kernel.body.members.get(name) == null) {
        throw new NoSuchElementException("the vault has no member named '" + name + "'");
      }
      if (name.equals(kernel.memberName)) {
        throw new IllegalArgumentException("a member cannot remove themselves; ask another owner");
      }
      // The removal is recorded under the old audit epoch; everything after it under the new one.
      kernel.journal.append(List.of(kernel.record(AuditAction.MEMBER_REMOVED, null, name)), true, kernel.random);
      byte[] removedHash = Slot.nameHash(kernel.keys.vaultId, name);
      rotate(slot -> MessageDigest.isEqual(slot.nameHash, removedHash) ? null : slot);
      kernel.body.members.remove(name);
      return VaultChange.saved(null, List.of());
    }, true);
  }

  /**
   * The key rotation of a removal and of a passphrase change: a new data key re-seals every entry secret and is
   * wrapped to each slot {@code reslot} returns for an old one (dropping those it maps to {@code null}, and wrapping
   * to the public key of the slot it returns), and the audit trail starts a new key epoch. Callers record their action
   * before it, under the old epoch, and add no record after it: until the image carrying the new epoch is published,
   * a record under that epoch could not be read after a crash.
   */
  private void rotate(UnaryOperator<Slot> reslot) {
    byte[] newDataKey = kernel.randomKey();
    List<Slot> newSlots = new ArrayList<>();
    for (Slot slot : kernel.slots) {
      Slot kept = reslot.apply(slot);
      if (kept != null) {
        byte[][] wrap = Slot.wrap(kernel.keys.vaultId, kept.nameHash, kept.publicKey, newDataKey, kernel.random);
        newSlots.add(kept.withWrap(wrap[0], wrap[1]));
      }
    }
    kernel.keys.rotate(kernel.body, newDataKey, kernel.random);
    kernel.body.auditSecrets.add(kernel.randomKey());
    kernel.journal.setSecrets(kernel.body.auditSecrets);
    kernel.slots = List.copyOf(newSlots);
  }

  /**
   * Gives this member a new key pair sealed under {@code replacement}, and rotates the data key to it: a copy of the
   * vault taken before, with the old passphrase, then opens nothing written from now on. The Argon2id derivations
   * run before the change; the new key pair is this kernel's once the change is saved ({@link KeyRing#settle}
   * resolves a change that failed after its image may have become visible).
   */
  void changePassphrase(char[] current, char[] replacement) {
    synchronized (kernel) {
      kernel.checkOpen();
      Slot mine = kernel.mySlot();
      byte[] check = Passphrases.openPrivateKey(mine, kernel.keys.vaultId, current);
      boolean right = check != null && MessageDigest.isEqual(check, kernel.keys.privateKey());
      Wipe.bytes(check);
      if (!right) {
        throw new WrongPassphraseException("wrong current passphrase for member '" + kernel.memberName + "'");
      }
      byte[] newPrivate = X25519Keys.generatePrivateKey(kernel.random);
      Slot resealed;
      byte[] newBytes = Passphrases.utf8(replacement);
      try {
        resealed = Slot.seal(kernel.keys.vaultId, kernel.nameHash, newPrivate, newBytes, kernel.options.kdf(),
            kernel.random, new byte[32], new byte[0]);
      } catch (RuntimeException e) {
        Wipe.bytes(newPrivate);
        throw e;
      } finally {
        Wipe.bytes(newBytes);
      }
      boolean[] handedOver = {false};
      try {
        kernel.change(() -> {
          kernel.keys.propose(newPrivate);
          handedOver[0] = true;
          MemberRecord me = kernel.me();
          // Recorded under the old audit epoch, as a removal is: a record under the new epoch written before the
          // image that carries that epoch is published would leave a killed save's journal unreadable.
          kernel.journal.append(List.of(kernel.record(AuditAction.PASSPHRASE_CHANGED, null, kernel.memberName)),
              true, kernel.random);
          rotate(slot -> MessageDigest.isEqual(slot.nameHash, kernel.nameHash) ? resealed : slot);
          kernel.body.members.put(me.name, new MemberRecord(me.name, me.role, me.grantedTags, me.addedAt,
              resealed.publicKey));
          return VaultChange.saved(null, List.of());
        }, true);
      } finally {
        if (!handedOver[0]) {
          Wipe.bytes(newPrivate);
        }
      }
      kernel.keys.adoptPending();
    }
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
