package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The heart of an open vault: it owns the keys, the decrypted body, the key slots and the audit journal, and runs
 * every operation through one cycle: <b>lock</b> the store, <b>refresh</b> from the latest image (re-read only if
 * another process or instance replaced it, else catch up with the journal), run the <b>change</b> on that state, then
 * <b>commit</b> its audit records and new image ({@link ImageSaver}, which also forces both to disk) and release the
 * lock. If anything fails after the state was touched, the next operation re-reads the store, so a failed change
 * leaves nothing behind in memory. The feature classes ({@link EntryBook}, {@link Membership}, {@link Transfers}) only
 * describe changes; this class applies them.
 *
 * <p>A vault of format 1 is read into format 2's state ({@link LegacyImage}); an OWNER who opens it saves that state
 * at once (the upgrade), and until then others may read and reveal but not change it.
 *
 * <p>Thread-safety: safe for concurrent use; operations on one kernel are serialized on it.
 */
final class VaultKernel implements AutoCloseable {
  final VaultStore store;
  private final StoreHandle storage;
  final String memberName;
  final byte[] nameHash;
  final VaultOptions options;
  final Clock clock;
  final SecureRandom random;
  private final Queue<BatchedWork<?>> queued = new ConcurrentLinkedQueue<>();
  final KeyRing keys;

  long generation;
  /** Whether the image read is of format 1, not yet upgraded. */
  boolean legacy;
  List<Slot> slots;
  VaultBody body;
  AuditJournal journal;
  /** Identifies the image the state was read from; {@code null} forces the next operation to re-read. */
  private Object fingerprint;
  private boolean closed;

  private VaultKernel(VaultStore store, StoreHandle storage, String memberName, KeyRing keys, VaultOptions options) {
    this.store = store;
    this.storage = storage;
    this.memberName = memberName;
    this.keys = keys;
    this.nameHash = Slot.nameHash(keys.vaultId, memberName);
    this.options = options;
    this.clock = options.clock();
    this.random = options.random();
  }

  /**
   * How a member proves who they are: from their slot, what its sealed private key holds (the private key, then in a
   * format-2 slot the vault's signing key), or {@code null} if the proof is wrong.
   */
  interface Credential {
    byte[] privateKey(Slot slot, byte[] vaultId);

    /**
     * Seals {@code privateKey} with the vault's signing key beside it, as a format-2 slot under the same passphrase
     * and KDF cost, or returns {@code null} if this credential holds no passphrase.
     */
    default Slot reseal(Slot slot, byte[] vaultId, byte[] privateKey, byte[] signingPublicKey, SecureRandom random) {
      return null;
    }
  }

  /**
   * Creates a vault with one member, the owner, whose slot is sealed under {@code passphrase}.
   *
   * @throws VaultIoException if the store already holds a vault or cannot be written
   */
  static VaultKernel create(VaultStore store, String owner, char[] passphrase, VaultOptions options) {
    SecureRandom random = options.random();
    byte[] vaultId = new byte[VaultFile.VAULT_ID_LENGTH];
    random.nextBytes(vaultId);
    StoreHandle storage = store.connect();
    VaultKernel kernel = new VaultKernel(store, storage, owner, new KeyRing(vaultId,
        X25519Keys.generatePrivateKey(random)), options);
    try (StoreHandle.Held held = kernel.lock()) {
      if (held.exists()) {
        throw new VaultIoException("cannot create a vault in " + store + ": one already exists there");
      }
      kernel.keys.installNew(random);
      byte[] secret = Passphrases.utf8(passphrase);
      try {
        kernel.slots = List.of(Slot.seal(vaultId, kernel.nameHash, kernel.keys.privateKey(),
            Ed25519Keys.publicKey(kernel.keys.signingPrivateKey), secret, options.kdf(), random));
      } finally {
        Wipe.bytes(secret);
      }
      kernel.body = new VaultBody();
      kernel.body.auditSecrets.add(kernel.randomKey());
      kernel.body.members.put(owner, new MemberRecord(owner, Role.OWNER, Set.of(), kernel.clock.instant(),
          kernel.keys.publicKey()));
      kernel.journal = AuditJournal.create(held.journal(true), vaultId, kernel.body.auditSecrets);
      kernel.fingerprint = ImageSaver.save(kernel, held, List.of(kernel.record(AuditAction.VAULT_CREATED, null,
          owner)), true, false);
      kernel.generation++;
      held.commit();
      return kernel;
    } catch (RuntimeException e) {
      kernel.close();
      throw e;
    }
  }

  /**
   * Opens the vault in {@code store} as {@code member}.
   *
   * @throws UnknownMemberException if the vault has no such member
   * @throws WrongPassphraseException if the credential opens nothing
   * @throws VaultException if the image is damaged, tampered with or unreadable (see {@link Vault#open})
   */
  static VaultKernel open(VaultStore store, String member, VaultOptions options, Credential credential) {
    StoreHandle storage = store.connect();
    Object fingerprint;
    VaultFile file;
    try {
      try (StoreHandle.Held held = storage.lock(options.lockTimeout())) {
        fingerprint = held.fingerprint();
        file = VaultFile.parse(held.read());
      }
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    Slot slot = file.slot(Slot.nameHash(file.vaultId, member));
    byte[] privateKey = slot == null ? null : credential.privateKey(slot, file.vaultId);
    if (privateKey == null) {
      storage.close();
      throw slot == null ? new UnknownMemberException("the vault has no member named '" + member + "'")
          : new WrongPassphraseException("wrong passphrase for member '" + member + "'");
    }
    VaultKernel kernel = new VaultKernel(store, storage, member, new KeyRing(file.vaultId, privateKey), options);
    try {
      if (!MessageDigest.isEqual(kernel.keys.publicKey(), slot.publicKey)) {
        throw new VaultTamperedException("the key slot of '" + member + "' holds a public key that does not match "
            + "its private key");
      }
      kernel.install(file);
      // The image may have been replaced since it was read: refresh() re-reads it only then.
      kernel.fingerprint = fingerprint;
      kernel.read(() -> null);
      kernel.upgradeIfOwner();
      kernel.anchorSlot(credential);
      return kernel;
    } catch (RuntimeException e) {
      kernel.close();
      throw e;
    }
  }

  /** Adopts a parsed image: the keys its slot unwraps, its body, slots and generation. */
  private void install(VaultFile file) {
    Slot mine = file.slot(nameHash);
    keys.settle(mine == null ? null : mine.publicKey);
    ImageOpener.Opened opened = ImageOpener.open(file, keys, memberName, nameHash, random);
    if (body != null) {
      body.wipe();
    }
    body = opened.body;
    slots = opened.slots;
    generation = opened.generation;
    legacy = opened.legacy;
  }

  /**
   * Saves a format-1 vault as format 2 if this member is an OWNER (FORMAT.md, "upgrade"). A store that cannot be
   * written (read-only media) leaves the vault readable in format 1; the next open tries again.
   */
  private void upgradeIfOwner() {
    if (legacy && body.members.get(memberName).role == Role.OWNER) {
      saveOnOpen(() -> legacy ? VaultChange.rekeyed(null, List.of(record(AuditAction.VAULT_UPGRADED, null,
          "format 1 to " + VaultFile.VERSION)), true) : VaultChange.journalOnly(null, List.of(), false));
    }
  }

  /** A save that opening makes on its own account: if the store cannot take it, the vault stays open for reading. */
  private void saveOnOpen(VaultChange.Work<VaultChange<Object>> work) {
    try {
      change(work);
    } catch (VaultIoException e) {
      // Read-only media or a full disk: nothing was changed, and the next open tries again.
    }
  }

  /**
   * Re-seals a slot carried over from format 1 with the vault's signing key beside the private key, so that from now
   * on this member checks the member table against a key of their own (FORMAT.md, "upgrade").
   */
  private void anchorSlot(Credential credential) {
    if (legacy || !mySlot().isLegacy()) {
      return;
    }
    Slot resealed = credential.reseal(mySlot(), keys.vaultId, keys.privateKey(), body.table.signingPublicKey, random);
    if (resealed != null) {
      saveOnOpen(() -> {
        Slot current = mySlot();
        if (current.isLegacy() && MessageDigest.isEqual(current.publicKey, resealed.publicKey)) {
          slots = slots.stream().map(slot -> slot == current ? current.withSealedPrivateKey(resealed) : slot)
              .toList();
        }
        return VaultChange.saved(null, List.of());
      });
    }
  }

  /** Re-reads the image if another process (or instance) replaced it, then catches up with the journal. */
  private void refresh(StoreHandle.Held held) {
    Object current = held.fingerprint();
    if (current.equals(fingerprint)) {
      if (journal == null) {
        journal = openJournal(held);
      } else {
        journal.catchUp(generation);
      }
      return;
    }
    VaultFile file = VaultFile.parse(held.read());
    if (!MessageDigest.isEqual(file.vaultId, keys.vaultId)) {
      throw new VaultTamperedException(store + " now holds a different vault");
    }
    install(file);
    if (journal != null) {
      journal.close();
      journal = null;
    }
    journal = openJournal(held);
    fingerprint = current;
  }

  private AuditJournal openJournal(StoreHandle.Held held) {
    return AuditJournal.open(held.journal(false), keys.vaultId, body.auditSecrets, body.anchor, body.pending,
        generation);
  }

  private StoreHandle.Held lock() {
    return storage.lock(options.lockTimeout());
  }

  /**
   * Runs a change on the latest state and commits it; see the class comment. A reveal's records are forced after the
   * lock is released, together with those of reveals on other threads ({@link GroupCommit}), and the result is
   * returned only once they are durable.
   */
  <T> T change(VaultChange.Work<VaultChange<T>> work) {
    Runnable[] durable = {null};
    T result = changeLocked(work, durable);
    if (durable[0] != null) {
      durable[0].run();
    }
    return result;
  }

  private synchronized <T> T changeLocked(VaultChange.Work<VaultChange<T>> work, Runnable[] durable) {
    checkOpen();
    try (StoreHandle.Held held = lock()) {
      refresh(held);
      boolean done = false;
      try {
        VaultChange<T> change = work.run();
        durable[0] = apply(held, change);
        held.commit();
        done = true;
        return change.result;
      } catch (VaultAccessException | NoSuchElementException e) {
        // Raised by role and existence checks, before a change touches the state: nothing to re-read.
        done = true;
        throw e;
      } finally {
        if (!done) {
          fingerprint = null;
        }
      }
    }
  }

  /**
   * Runs a reveal's or a lookup's work together with those other threads queued on this vault meanwhile: the first to
   * hold the vault's monitor runs every queued work under one lock, one refresh and one commit (a code server's token
   * serves many clients through one vault), then each caller waits for its own records' force, shared as in
   * {@link #change}. A work refused by a role or existence check fails alone; any other failure fails the batch.
   */
  <T> T combined(VaultChange.Work<VaultChange<T>> work) {
    BatchedWork<T> mine = new BatchedWork<>(work);
    queued.add(mine);
    synchronized (this) {
      if (!mine.done) {
        runQueued();
      }
    }
    return mine.finish();
  }

  private void runQueued() {
    List<BatchedWork<?>> batch = new ArrayList<>();
    for (BatchedWork<?> next = queued.poll(); next != null; next = queued.poll()) {
      batch.add(next);
    }
    RuntimeException failure = null;
    try {
      checkOpen();
      try (StoreHandle.Held held = lock()) {
        refresh(held);
        boolean done = false;
        try {
          BatchedWork.commitAll(this, held, batch);
          held.commit();
          done = true;
        } finally {
          if (!done) {
            fingerprint = null;
          }
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    for (BatchedWork<?> item : batch) {
      item.settle(failure);
    }
  }

  /** Commits one change's outcome under the held lock; returns what makes its records durable, or {@code null}. */
  Runnable apply(StoreHandle.Held held, VaultChange<?> change) {
    if (!change.save && change.audit.isEmpty()) {
      return null;   // a lookup: nothing to write
    }
    held.ensureExclusive();
    if (change.save) {
      if (legacy && change.audit.stream().noneMatch(entry -> entry.action == AuditAction.VAULT_UPGRADED)) {
        throw new VaultAccessException("the vault is in format 1 and can only be read until an OWNER opens it "
            + "once, which upgrades it to format " + VaultFile.VERSION);
      }
      fingerprint = null;
      Object written = ImageSaver.save(this, held, change.audit, change.rekey, change.rotated);
      generation++;
      legacy = false;
      fingerprint = written;
      return null;
    }
    if (change.sync) {
      return journal.appendGrouped(change.audit, generation, random);
    }
    journal.append(change.audit, false, generation, random);
    return null;
  }

  /** Runs a read on the latest state. */
  synchronized <T> T read(VaultChange.Work<T> work) {
    checkOpen();
    try (StoreHandle.Held held = lock()) {
      refresh(held);
      T result = work.run();
      held.commit();
      return result;
    }
  }

  /**
   * The whole audit trail, verified: every record's seal and chain MAC, and the head the image anchors.
   *
   * @param what the action, for the refusal of a non-owner
   */
  List<AuditRecord> auditTrail(String what) {
    return read(() -> {
      requireOwner(what);
      List<AuditRecord> records = journal.readAll(body.anchor);
      AuditCheck.againstState(records, body, generation);
      return List.copyOf(records);
    });
  }

  /** An audit record of this member's action, timed now. */
  AuditJournal.Entry record(AuditAction action, UUID entryId, String subject) {
    return record(action, entryId, subject, null);
  }

  /** An audit record of this member's action, timed now, with a detail (FORMAT.md, "audit journal"). */
  AuditJournal.Entry record(AuditAction action, UUID entryId, String subject, String detail) {
    return new AuditJournal.Entry(clock.instant(), memberName, action, entryId, subject, detail);
  }

  /** A seal keyed to this member's current key pair (see {@link MemberSeal}). */
  synchronized MemberSeal memberSeal(String purpose) {
    checkOpen();
    return new MemberSeal(keys.privateKey(), keys.publicKey(), keys.vaultId, purpose, random);
  }

  /** This member's role, as of the last refresh. */
  synchronized Role role() {
    checkOpen();
    return me().role;
  }

  /** This member's record, as of the last refresh. */
  MemberRecord me() {
    MemberRecord me = body.members.get(memberName);
    if (me == null) {
      throw ImageOpener.removed(memberName);
    }
    return me;
  }

  /** Refuses anyone but an OWNER; see {@link AccessRules}. */
  void requireAdd(java.util.Set<String> tags) {
    AccessRules.requireAdd(me(), tags);
  }

  void requireOwner(String what) {
    AccessRules.requireOwner(me(), what);
  }

  /** The entry with this id, whoever may use it. */
  StoredEntry existing(UUID id) {
    StoredEntry stored = body.entries.get(id);
    if (stored == null) {
      throw new NoSuchElementException("the vault has no entry " + id);
    }
    return stored;
  }

  /** The entry, if this member may use it (see {@link AccessRules}). */
  StoredEntry usable(UUID id) {
    StoredEntry stored = existing(id);
    AccessRules.requireUse(me(), stored.entry);
    return stored;
  }

  /** This member's slot. */
  Slot mySlot() {
    Slot mine = Slot.find(slots, nameHash);
    if (mine == null) {
      throw ImageOpener.removed(memberName);
    }
    return mine;
  }

  Instant now() {
    return clock.instant();
  }

  byte[] randomKey() {
    byte[] key = new byte[Aead.KEY_LENGTH];
    random.nextBytes(key);
    return key;
  }

  /** A random (version 4) UUID from the vault's random source. */
  UUID randomId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
    return new ByteReader(bytes, "id").uuid("id");
  }

  synchronized void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the vault is closed");
    }
  }

  /** Zeroes the keys and releases the store. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    keys.close();
    if (body != null) {
      body.wipe();
    }
    if (journal != null) {
      journal.close();
    }
    storage.close();
  }

  boolean isClosed() {
    return closed;
  }
}
