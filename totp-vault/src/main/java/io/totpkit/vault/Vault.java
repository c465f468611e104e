package io.totpkit.vault;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.Hotp;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An encrypted, crash-safe store of many accounts' TOTP and HOTP secrets, shared by members with roles, with an
 * authenticated audit trail of every code reveal and change. It lives in a file by default, or in PostgreSQL
 * ({@link VaultStore}); the format is specified in {@code FORMAT.md} beside this module.
 *
 * <pre>{@code
 * try (Vault vault = Vault.create(path, "maria", passphrase, VaultOptions.defaults())) {
 *   UUID id = vault.add(OtpAuthUri.parse("otpauth://totp/GitHub:acme?secret=JBSWY3DPEHPK3PXP"), Set.of("acme"));
 *   RevealedCode code = vault.code(id);     // audited before it is returned
 *   System.out.println(code.code() + " (" + code.secondsLeft() + " s left)");
 * }
 * try (Vault vault = Vault.open(path, "maria", passphrase)) { ... }
 * }</pre>
 *
 * <h2>Security</h2>
 * <ul>
 *   <li>Each member has an X25519 key pair; the private key is sealed (AES-256-GCM) under Argon2id of the member's
 *       passphrase; a random 256-bit data key is wrapped to every member's public key. Removing a member draws a new
 *       data key and re-encrypts everything, so the removed member's slot, passphrase or old data key opens nothing
 *       written afterwards.
 *   <li>The body (members, entries, audit secrets) is sealed with AES-256-GCM under a fresh per-save subkey, the
 *       header as associated data; entry secrets are sealed once more, one by one, and stay sealed in memory until a
 *       reveal or export opens exactly the ones it needs.
 *   <li>Errors are told apart: a damaged byte is {@link VaultCorruptedException} (checked before any key is tried), a
 *       wrong passphrase {@link WrongPassphraseException}, an unknown member {@link UnknownMemberException}, an intact
 *       checksum around altered authenticated contents {@link VaultTamperedException}.
 *   <li>Roles are enforced by this class. They are not cryptographic: every member can unwrap the data key, so an
 *       OPERATOR who runs their own code against the file can read every entry. Grant membership accordingly.
 *   <li>Passphrase arrays passed in are zeroed before the method returns, whatever the outcome. {@link #close()} zeroes
 *       the keys this object holds. The JDK's AES and HMAC keep short-lived internal copies of keys that cannot be
 *       zeroed; they become garbage at once.
 *   <li>Rollback of the whole file set to an older copy cannot be detected by the files themselves; anchor
 *       {@link #verifyAudit()}'s count elsewhere if that matters.
 * </ul>
 *
 * <p>Durability: every change (and every reveal's audit record) is on disk when its method returns. Several processes
 * may open one vault: changes are serialized by an OS file lock, and each change is applied to the latest state on
 * disk, so concurrent writers lose nothing. Several servers share one vault through {@link JdbcVaultStore}
 * (PostgreSQL), where each operation is one transaction under the vault's advisory lock.
 *
 * <p>Thread-safety: safe for concurrent use; calls on one instance are serialized.
 */
@SuppressWarnings("try") // try (StoreHandle.Held held = lockStore()) holds the lock for the block's extent
public final class Vault implements AutoCloseable {
  private static final byte[] ENTRIES_LABEL = "totpkit vault v1 entry secrets".getBytes(StandardCharsets.US_ASCII);

  private final VaultStore store;
  private final StoreHandle storage;
  private final String memberName;
  private final byte[] nameHash;
  private final VaultOptions options;
  private final Clock clock;
  private final SecureRandom random;
  private byte[] privateKey;
  private byte[] publicKey;

  private byte[] vaultId;
  private byte[] dataKey;
  private byte[] entriesKey;
  private AeadKey entriesCipher;
  private long generation;
  private List<Slot> slots;
  private VaultBody body;
  private AuditJournal journal;
  private Object fingerprint;
  private boolean closed;

  private Vault(VaultStore store, StoreHandle storage, String memberName, byte[] vaultId, VaultOptions options) {
    this.store = store;
    this.storage = storage;
    this.memberName = memberName;
    this.vaultId = vaultId;
    this.nameHash = Slot.nameHash(vaultId, memberName);
    this.options = options;
    this.clock = options.clock();
    this.random = options.random();
  }

  /**
   * Creates a new vault file with one member, the owner.
   *
   * @param path where to write the vault; {@code <name>.audit}, {@code <name>.bak} and {@code <name>.lock} are
   *     created beside it
   * @param owner the owner's name, 1 to 128 characters
   * @param passphrase the owner's passphrase, not empty; zeroed before this method returns
   * @param options Argon2id cost, clock, lock timeout
   * @return the open vault
   * @throws VaultIoException if a file already exists at {@code path} or cannot be written
   */
  public static Vault create(Path path, String owner, char[] passphrase, VaultOptions options) {
    return create(VaultStore.file(Objects.requireNonNull(path, "path")), owner, passphrase, options);
  }

  /**
   * Creates a new vault with one member, the owner, in a store: a file ({@link VaultStore#file}) or a database
   * ({@link JdbcVaultStore}).
   *
   * @param store where the vault's sealed bytes are kept
   * @param owner the owner's name, 1 to 128 characters
   * @param passphrase the owner's passphrase, not empty; zeroed before this method returns
   * @param options Argon2id cost, clock, lock timeout
   * @return the open vault
   * @throws VaultIoException if the store already holds a vault or cannot be written
   */
  public static Vault create(VaultStore store, String owner, char[] passphrase, VaultOptions options) {
    try {
      Objects.requireNonNull(store, "store");
      Tags.checkText(owner, "owner name");
      Objects.requireNonNull(options, "options");
      checkPassphrase(passphrase);
      SecureRandom random = options.random();
      byte[] vaultId = new byte[VaultFile.VAULT_ID_LENGTH];
      random.nextBytes(vaultId);
      Vault vault = new Vault(store, store.connect(), owner, vaultId, options);
      try {
        vault.initialize(passphrase);
        return vault;
      } catch (RuntimeException e) {
        vault.close();
        throw e;
      }
    } finally {
      wipe(passphrase);
    }
  }

  private void initialize(char[] passphrase) {
    byte[] secret = utf8(passphrase);
    try (StoreHandle.Held held = lockStore()) {
      if (held.exists()) {
        throw new VaultIoException("cannot create a vault in " + store + ": one already exists there");
      }
      privateKey = X25519Keys.generatePrivateKey(random);
      publicKey = X25519Keys.publicKey(privateKey);
      dataKey = randomKey();
      entriesKey = entriesKey(dataKey, vaultId);
      byte[][] wrap = Slot.wrap(vaultId, nameHash, publicKey, dataKey, random);
      slots = List.of(Slot.seal(vaultId, nameHash, privateKey, secret, options.kdf(), random, wrap[0], wrap[1]));
      body = new VaultBody();
      body.auditSecrets.add(randomKey());
      Instant now = clock.instant();
      body.members.put(memberName, new MemberRecord(memberName, Role.OWNER, Set.of(), now, publicKey));
      journal = AuditJournal.create(held.journal(true), vaultId, body.auditSecrets);
      commit(held, List.of(record(AuditAction.VAULT_CREATED, null, memberName)), true);
      held.commit();
    } finally {
      Argon2id.zero(secret);
    }
  }

  /**
   * Opens a vault with the default options (system clock, 10-second lock timeout).
   *
   * @param path the vault file
   * @param member the member's name
   * @param passphrase the member's passphrase; zeroed before this method returns
   * @return the open vault
   * @throws NotAVaultFileException if the file is not a vault
   * @throws VaultCorruptedException if a byte of the file was changed, cut off or added
   * @throws UnsupportedVaultVersionException if the file needs a newer totpkit
   * @throws UnknownMemberException if the vault has no such member
   * @throws WrongPassphraseException if the passphrase is wrong
   * @throws VaultTamperedException if the file was altered by someone who recomputed its checksum
   * @throws VaultIoException if there is no file or it cannot be read
   */
  public static Vault open(Path path, String member, char[] passphrase) {
    return open(path, member, passphrase, VaultOptions.defaults());
  }

  /**
   * Opens a vault with the given options; their Argon2id cost applies to slots sealed later (new members,
   * passphrase changes), while opening uses the cost stored in the member's slot.
   *
   * @param path the vault file
   * @param member the member's name
   * @param passphrase the member's passphrase; zeroed before this method returns
   * @param options clock, lock timeout, cost of new slots
   * @return the open vault
   * @throws VaultException as {@link #open(Path, String, char[])} describes
   */
  public static Vault open(Path path, String member, char[] passphrase, VaultOptions options) {
    return open(VaultStore.file(Objects.requireNonNull(path, "path")), member, passphrase, options);
  }

  /**
   * Opens a vault kept in a store: a file ({@link VaultStore#file}) or a database ({@link JdbcVaultStore}).
   *
   * @param store where the vault's sealed bytes are kept
   * @param member the member's name
   * @param passphrase the member's passphrase; zeroed before this method returns
   * @param options clock, lock timeout, cost of new slots
   * @return the open vault
   * @throws VaultException as {@link #open(Path, String, char[])} describes
   */
  public static Vault open(VaultStore store, String member, char[] passphrase, VaultOptions options) {
    try {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(passphrase, "passphrase");
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
      Vault vault = new Vault(store, storage, member, file.vaultId, options);
      try {
        vault.unlock(file, passphrase, fingerprint);
        return vault;
      } catch (RuntimeException e) {
        vault.close();
        throw e;
      }
    } finally {
      wipe(passphrase);
    }
  }

  private void unlock(VaultFile file, char[] passphrase, Object readFingerprint) {
    Slot slot = file.slot(nameHash);
    if (slot == null) {
      throw new UnknownMemberException("the vault has no member named '" + memberName + "'");
    }
    byte[] secret = utf8(passphrase);
    try {
      privateKey = slot.openPrivateKey(vaultId, secret);
    } finally {
      Argon2id.zero(secret);
    }
    if (privateKey == null) {
      throw new WrongPassphraseException("wrong passphrase for member '" + memberName + "'");
    }
    publicKey = X25519Keys.publicKey(privateKey);
    if (!MessageDigest.isEqual(publicKey, slot.publicKey)) {
      throw new VaultTamperedException("the key slot of '" + memberName + "' holds a public key that does not match "
          + "its private key");
    }
    install(file);
    // The file may have been replaced since it was read: refresh() re-reads it only then.
    fingerprint = readFingerprint;
    try (StoreHandle.Held held = lockStore()) {
      refresh(held);
      held.commit();
    }
  }

  /** Adopts a parsed file: unwraps the data key with this member's private key and decrypts the body. */
  private void install(VaultFile file) {
    Slot slot = file.slot(nameHash);
    if (slot == null || !MessageDigest.isEqual(slot.publicKey, publicKey)) {
      throw new UnknownMemberException("member '" + memberName + "' was removed from the vault");
    }
    byte[] newDataKey = slot.unwrap(vaultId, privateKey);
    if (newDataKey == null) {
      throw new VaultTamperedException("the key slot of '" + memberName + "' fails authentication although the "
          + "passphrase is right: the slot table was altered");
    }
    boolean ok = false;
    try {
      if (!MessageDigest.isEqual(VaultFile.commitment(newDataKey, vaultId), file.commitment)) {
        throw new VaultTamperedException("the data key does not match the vault's key commitment: the slot table "
            + "was altered");
      }
      byte[] plaintext = file.openBody(newDataKey);
      if (plaintext == null) {
        throw new VaultTamperedException("the vault body fails authentication: its contents or header were altered");
      }
      VaultBody newBody;
      try {
        newBody = VaultBody.decode(plaintext);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
      checkMembersMatchSlots(newBody, file);
      byte[] newEntriesKey = entriesKey(newDataKey, vaultId);
      wipeKeys();
      dataKey = newDataKey;
      entriesKey = newEntriesKey;
      body = newBody;
      slots = file.slots;
      generation = file.generation;
      ok = true;
    } finally {
      if (!ok) {
        Argon2id.zero(newDataKey);
      }
    }
  }

  private void checkMembersMatchSlots(VaultBody newBody, VaultFile file) {
    if (newBody.members.size() != file.slots.size()) {
      throw new VaultTamperedException("the vault has " + file.slots.size() + " key slots for "
          + newBody.members.size() + " members");
    }
    for (MemberRecord member : newBody.members.values()) {
      Slot slot = file.slot(Slot.nameHash(vaultId, member.name));
      if (slot == null || !MessageDigest.isEqual(slot.publicKey, member.publicKey)) {
        throw new VaultTamperedException("the key slot of member '" + member.name + "' does not match the member");
      }
    }
    if (newBody.members.get(memberName) == null) {
      throw new UnknownMemberException("member '" + memberName + "' was removed from the vault");
    }
  }

  /** Re-reads the vault file if another process (or instance) replaced it, then catches up with the journal. */
  private void refresh(StoreHandle.Held held) {
    Object current = held.fingerprint();
    if (current.equals(fingerprint)) {
      if (journal == null) {
        journal = AuditJournal.open(held.journal(false), vaultId, body.auditSecrets, body.anchor);
      } else {
        journal.catchUp();
      }
      return;
    }
    VaultFile file = VaultFile.parse(held.read());
    if (!MessageDigest.isEqual(file.vaultId, vaultId)) {
      throw new VaultTamperedException(store + " now holds a different vault");
    }
    install(file);
    if (journal != null) {
      journal.close();
      journal = null;
    }
    journal = AuditJournal.open(held.journal(false), vaultId, body.auditSecrets, body.anchor);
    fingerprint = current;
  }

  private StoreHandle.Held lockStore() {
    return storage.lock(options.lockTimeout());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Entries

  /**
   * Adds an account. OWNER only; audited.
   *
   * @param uri the account's key and parameters
   * @param tags labels such as the client's name, which also decide which OPERATORs may use the entry
   * @return the new entry's id
   * @throws VaultAccessException if the member is not an owner
   */
  public UUID add(OtpAuthUri uri, Set<String> tags) {
    Objects.requireNonNull(uri, "uri");
    Set<String> checkedTags = Tags.checked(tags);
    return change(() -> {
      requireOwner("add entries");
      UUID id = addEntry(uri, checkedTags);
      return new Change<>(id, List.of(record(AuditAction.ENTRY_ADDED, id, null)));
    });
  }

  private UUID addEntry(OtpAuthUri uri, Set<String> tags) {
    UUID id = randomId();
    Instant now = clock.instant();
    byte[] secret = uri.secret().bytes();
    try {
      byte[] sealed = entriesAead().seal(secret, idBytes(id), random);
      body.entries.put(id, new StoredEntry(StoredEntry.describe(id, uri, tags, now, now), sealed));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return id;
  }

  /**
   * Replaces an entry's key, parameters and tags, keeping its id. OWNER only; audited.
   *
   * @param id the entry
   * @param uri the new key and parameters
   * @param tags the new tags
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if the member is not an owner
   */
  public void update(UUID id, OtpAuthUri uri, Set<String> tags) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uri, "uri");
    Set<String> checkedTags = Tags.checked(tags);
    change(() -> {
      requireOwner("update entries");
      StoredEntry old = existing(id);
      byte[] secret = uri.secret().bytes();
      try {
        byte[] sealed = Aead.seal(entriesKey, secret, idBytes(id), random);
        body.entries.put(id, new StoredEntry(
            StoredEntry.describe(id, uri, checkedTags, old.entry.createdAt(), clock.instant()), sealed));
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
      return new Change<>(null, List.of(record(AuditAction.ENTRY_UPDATED, id, null)));
    });
  }

  /**
   * Replaces an entry's tags. OWNER only; audited.
   *
   * @param id the entry
   * @param tags the new tags
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if the member is not an owner
   */
  public void retag(UUID id, Set<String> tags) {
    Set<String> checkedTags = Tags.checked(tags);
    change(() -> {
      requireOwner("update entries");
      StoredEntry old = existing(id);
      VaultEntry e = old.entry;
      body.entries.put(id, old.with(new VaultEntry(id, e.type(), e.labelIssuer(), e.issuerParameter(), e.account(),
          e.algorithm(), e.digits(), e.isSteam(), e.periodSeconds(), e.rawCounter(), e.otherParameters(),
          checkedTags, e.createdAt(), clock.instant())));
      return new Change<>(null, List.of(record(AuditAction.ENTRY_UPDATED, id, "tags")));
    });
  }

  /**
   * Removes an entry. OWNER only; audited.
   *
   * @param id the entry
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if the member is not an owner
   */
  public void remove(UUID id) {
    Objects.requireNonNull(id, "id");
    change(() -> {
      requireOwner("remove entries");
      existing(id);
      body.entries.remove(id);
      return new Change<>(null, List.of(record(AuditAction.ENTRY_REMOVED, id, null)));
    });
  }

  /**
   * Lists the entries this member may use (all for an OWNER, those with a granted tag for an OPERATOR), in the order
   * they were added. No secrets.
   *
   * @return the entries
   */
  public List<VaultEntry> entries() {
    return find(entry -> true);
  }

  /**
   * Returns one entry, if this member may use it.
   *
   * @param id the entry
   * @return the entry, or empty
   */
  public Optional<VaultEntry> entry(UUID id) {
    Objects.requireNonNull(id, "id");
    List<VaultEntry> found = find(entry -> entry.id().equals(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Finds the entries of an issuer, ignoring case.
   *
   * @param issuer the service, as {@link VaultEntry#issuer()} shows it
   * @return the entries this member may use
   */
  public List<VaultEntry> findByIssuer(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    return find(entry -> entry.issuer().equalsIgnoreCase(issuer));
  }

  /**
   * Finds the entries of an account name, ignoring case.
   *
   * @param account the account name at the issuer
   * @return the entries this member may use
   */
  public List<VaultEntry> findByAccount(String account) {
    Objects.requireNonNull(account, "account");
    return find(entry -> entry.account().equalsIgnoreCase(account));
  }

  /**
   * Finds the entries carrying a tag (exact match).
   *
   * @param tag the tag
   * @return the entries this member may use
   */
  public List<VaultEntry> findByTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return find(entry -> entry.tags().contains(tag));
  }

  private List<VaultEntry> find(Predicate<VaultEntry> filter) {
    return read(() -> {
      MemberRecord me = me();
      List<VaultEntry> out = new ArrayList<>();
      for (StoredEntry stored : body.entries.values()) {
        if (mayUse(me, stored.entry) && filter.test(stored.entry)) {
          out.add(stored.entry);
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  /**
   * Reveals an entry's current code. The reveal is recorded in the audit trail (and, by default, forced to disk)
   * before the code is returned. A HOTP entry's counter advances and is saved.
   *
   * @param id the entry
   * @return the code and how long it stays current
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if an OPERATOR was not granted any of the entry's tags
   */
  public RevealedCode code(UUID id) {
    Objects.requireNonNull(id, "id");
    return change(() -> {
      StoredEntry stored = usable(id);
      VaultEntry e = stored.entry;
      Instant now = clock.instant();
      String code;
      Duration remaining;
      Secret secret = openSecret(stored);
      try {
        if (e.type() == OtpType.TOTP) {
          Totp totp = totpOf(e, secret);
          code = totp.generate(now);
          remaining = totp.remaining(now);
        } else {
          code = Hotp.builder(secret).algorithm(e.algorithm()).digits(e.digits()).build()
              .generate(e.rawCounter());
          remaining = Duration.ZERO;
        }
      } finally {
        secret.destroy();
      }
      RevealedCode revealed = new RevealedCode(id, code, now, remaining);
      List<AuditJournal.Entry> audit = List.of(record(AuditAction.CODE_REVEALED, id, null));
      if (e.type() == OtpType.HOTP) {
        body.entries.put(id, stored.with(new VaultEntry(id, e.type(), e.labelIssuer(), e.issuerParameter(),
            e.account(), e.algorithm(), e.digits(), false, 0, e.rawCounter() + 1, e.otherParameters(), e.tags(),
            e.createdAt(), now)));
        return new Change<>(revealed, audit);
      }
      return Change.journalOnly(revealed, audit, options.syncRevealAudit());
    });
  }

  /**
   * Checks a code someone typed against a TOTP entry, accepting one step of clock drift either way (RFC 6238 §5.2).
   * Recorded in the audit trail as a {@link AuditAction#CODE_REVEALED} with subject {@code "verify"}, because the
   * outcome tells whether the code is current. Members who may reveal the entry's code may verify it.
   *
   * <p>This is a check, not a login: nothing is remembered between calls, so the same code passes again (there is no
   * replay guard) and failures are not counted (no attempt limiter). A service that logs users in builds its own
   * {@link io.totpkit.core.TotpVerifier} with shared stores.
   *
   * @param id the entry
   * @param code exactly the entry's number of ASCII digits (Steam: five of its letters); nothing is trimmed
   * @return {@code ACCEPTED} with the matched offset, {@code REJECTED}, or {@code MALFORMED}
   * @throws NoSuchElementException if there is no such entry
   * @throws IllegalArgumentException if the entry is a HOTP entry
   * @throws VaultAccessException if an OPERATOR was not granted any of the entry's tags
   */
  public Verification verify(UUID id, CharSequence code) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    return change(() -> {
      StoredEntry stored = usable(id);
      VaultEntry e = stored.entry;
      if (e.type() != OtpType.TOTP) {
        throw new IllegalArgumentException("entry " + id + " is a counter-based (HOTP) entry; verify checks "
            + "time-based codes");
      }
      Verification result;
      Secret secret = openSecret(stored);
      try {
        Totp totp = totpOf(e, secret);
        // A fresh guard and limiter: one check, nothing remembered (see the Javadoc).
        result = TotpVerifier.builder(totp).window(1, 1).replayGuard(new InMemoryReplayGuard())
            .attemptLimiter(AttemptLimiter.inMemory(1, Duration.ofSeconds(1))).build()
            .verify(id.toString(), code, clock.instant());
      } finally {
        secret.destroy();
      }
      return Change.journalOnly(result, List.of(record(AuditAction.CODE_REVEALED, id, "verify")),
          options.syncRevealAudit());
    });
  }

  private Secret openSecret(StoredEntry stored) {
    byte[] bytes = entriesAead().open(stored.sealedSecret, idBytes(stored.id()));
    if (bytes == null) {
      throw new VaultTamperedException("the secret of entry " + stored.id() + " fails authentication");
    }
    try {
      return Secret.fromBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Members

  /**
   * Adds a member with their own key slot. OWNER only; audited. Costs one Argon2id derivation.
   *
   * @param name the new member's name, 1 to 128 characters, not yet a member
   * @param role the role
   * @param grantedTags for an OPERATOR, the tags whose entries they may use; ignored for an OWNER
   * @param passphrase the new member's initial passphrase; zeroed before this method returns
   * @throws IllegalArgumentException if the name is taken
   * @throws VaultAccessException if this member is not an owner
   */
  public void addMember(String name, Role role, Set<String> grantedTags, char[] passphrase) {
    try {
      Tags.checkText(name, "member name");
      Objects.requireNonNull(role, "role");
      Set<String> grants = role == Role.OWNER ? Set.of() : Tags.checked(grantedTags);
      checkPassphrase(passphrase);
      synchronized (this) {
        checkOpen();
        requireOwner("add members");
        byte[] memberHash = Slot.nameHash(vaultId, name);
        byte[] newPrivate = X25519Keys.generatePrivateKey(random);
        byte[] newPublic = X25519Keys.publicKey(newPrivate);
        byte[] secret = utf8(passphrase);
        Slot sealed;
        try {
          sealed = Slot.seal(vaultId, memberHash, newPrivate, secret, options.kdf(), random, new byte[32],
              new byte[Aead.KEY_LENGTH + Aead.OVERHEAD]);
        } finally {
          Argon2id.zero(secret);
          Argon2id.zero(newPrivate);
        }
        change(() -> {
          requireOwner("add members");
          if (body.members.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already a member");
          }
          byte[][] wrap = Slot.wrap(vaultId, memberHash, newPublic, dataKey, random);
          List<Slot> newSlots = new ArrayList<>(slots);
          newSlots.add(sealed.withWrap(wrap[0], wrap[1]));
          slots = List.copyOf(newSlots);
          body.members.put(name, new MemberRecord(name, role, grants, clock.instant(), newPublic));
          return new Change<>(null, List.of(record(AuditAction.MEMBER_ADDED, null, name + " as " + role)));
        });
      }
    } finally {
      wipe(passphrase);
    }
  }

  /**
   * Removes a member and rotates the data key: a new key encrypts everything, wrapped to the remaining members only,
   * and the audit trail continues under a new key epoch. The removed member's passphrase then opens nothing written
   * from now on; the backup generation is replaced too. Secrets they could see before remain known to them: rotate
   * those at the issuers if that matters. OWNER only; audited.
   *
   * @param name the member to remove
   * @throws NoSuchElementException if there is no such member
   * @throws IllegalArgumentException if a member tries to remove themselves (so an owner always remains)
   * @throws VaultAccessException if this member is not an owner
   */
  public void removeMember(String name) {
    Objects.requireNonNull(name, "name");
    change(() -> {
      requireOwner("remove members");
      MemberRecord removed = body.members.get(name);
      if (removed == null) {
        throw new NoSuchElementException("the vault has no member named '" + name + "'");
      }
      if (name.equals(memberName)) {
        throw new IllegalArgumentException("a member cannot remove themselves; ask another owner");
      }
      // The removal is recorded under the old audit epoch; everything after it under the new one.
      journal.append(List.of(record(AuditAction.MEMBER_REMOVED, null, name)), true, random);
      rotate(name);
      return new Change<>(null, List.of());
    }, true);
  }

  private void rotate(String removed) {
    byte[] newDataKey = randomKey();
    byte[] newEntriesKey = entriesKey(newDataKey, vaultId);
    for (StoredEntry stored : new ArrayList<>(body.entries.values())) {
      byte[] secret = Aead.open(entriesKey, stored.sealedSecret, idBytes(stored.id()));
      if (secret == null) {
        Argon2id.zero(newDataKey);
        Argon2id.zero(newEntriesKey);
        throw new VaultTamperedException("the secret of entry " + stored.id() + " fails authentication");
      }
      byte[] sealed = Aead.seal(newEntriesKey, secret, idBytes(stored.id()), random);
      Arrays.fill(secret, (byte) 0);
      body.entries.put(stored.id(), new StoredEntry(stored.entry, sealed));
    }
    body.members.remove(removed);
    byte[] removedHash = Slot.nameHash(vaultId, removed);
    List<Slot> newSlots = new ArrayList<>();
    for (Slot slot : slots) {
      if (!MessageDigest.isEqual(slot.nameHash, removedHash)) {
        byte[][] wrap = Slot.wrap(vaultId, slot.nameHash, slot.publicKey, newDataKey, random);
        newSlots.add(slot.withWrap(wrap[0], wrap[1]));
      }
    }
    body.auditSecrets.add(randomKey());
    journal.setSecrets(body.auditSecrets);
    wipeKeys();
    dataKey = newDataKey;
    entriesKey = newEntriesKey;
    slots = List.copyOf(newSlots);
  }

  /**
   * Changes this member's passphrase: re-seals their private key under Argon2id of the new passphrase (with the
   * cost in this vault's options). Audited. Costs two Argon2id derivations.
   *
   * @param current the current passphrase, checked again; zeroed before this method returns
   * @param replacement the new passphrase, not empty; zeroed before this method returns
   * @throws WrongPassphraseException if {@code current} is wrong
   */
  public void changePassphrase(char[] current, char[] replacement) {
    try {
      Objects.requireNonNull(current, "current");
      checkPassphrase(replacement);
      synchronized (this) {
        checkOpen();
        Slot mine = slotOf(nameHash);
        byte[] currentBytes = utf8(current);
        byte[] check;
        try {
          check = mine.openPrivateKey(vaultId, currentBytes);
        } finally {
          Argon2id.zero(currentBytes);
        }
        if (check == null || !MessageDigest.isEqual(check, privateKey)) {
          Argon2id.zero(check);
          throw new WrongPassphraseException("wrong current passphrase for member '" + memberName + "'");
        }
        Argon2id.zero(check);
        byte[] newBytes = utf8(replacement);
        Slot resealed;
        try {
          resealed = Slot.seal(vaultId, nameHash, privateKey, newBytes, options.kdf(), random, new byte[32],
              new byte[0]);
        } finally {
          Argon2id.zero(newBytes);
        }
        change(() -> {
          List<Slot> newSlots = new ArrayList<>();
          for (Slot slot : slots) {
            newSlots.add(MessageDigest.isEqual(slot.nameHash, nameHash)
                ? new Slot(nameHash, slot.publicKey, resealed.kdf, resealed.salt, resealed.sealedPrivateKey,
                    slot.ephemeralPublicKey, slot.wrappedDataKey)
                : slot);
          }
          slots = List.copyOf(newSlots);
          return new Change<>(null, List.of(record(AuditAction.PASSPHRASE_CHANGED, null, memberName)));
        });
      }
    } finally {
      wipe(current);
      wipe(replacement);
    }
  }

  /**
   * Lists the members. OWNER only.
   *
   * @return the members, in the order they were added
   * @throws VaultAccessException if this member is not an owner
   */
  public List<Member> members() {
    return read(() -> {
      requireOwner("list members");
      List<Member> out = new ArrayList<>();
      body.members.values().forEach(member -> out.add(member.toMember()));
      return Collections.unmodifiableList(out);
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Audit

  /**
   * Reads the whole audit trail, verifying it as {@link #verifyAudit()} does. OWNER only.
   *
   * @return the records, oldest first
   * @throws AuditTamperedException if the trail was edited, reordered, cut or extended by someone without the key
   * @throws VaultAccessException if this member is not an owner
   */
  public List<AuditRecord> auditTrail() {
    return read(() -> {
      requireOwner("read the audit trail");
      return List.copyOf(journal.readAll(body.anchor));
    });
  }

  /**
   * Verifies the audit trail: every record's seal and chain MAC, sequence numbers, key epochs, and that the trail
   * passes through the head the vault file anchors. OWNER only.
   *
   * @return the number of records verified
   * @throws AuditTamperedException naming the first record that fails
   * @throws VaultAccessException if this member is not an owner
   */
  public long verifyAudit() {
    return read(() -> {
      requireOwner("verify the audit trail");
      return (long) journal.readAll(body.anchor).size();
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Import and export

  /**
   * Imports {@code otpauth://} URIs, one per line, and Google Authenticator exports
   * ({@code otpauth-migration://offline?data=…}). Blank lines and lines starting with {@code #} are ignored; other
   * unusable lines and accounts already in the vault (same issuer, account and secret) are skipped and reported.
   * OWNER only; audited.
   *
   * @param text the list
   * @param tags tags for every imported entry
   * @return what was imported and what was skipped, and why
   * @throws VaultAccessException if this member is not an owner
   */
  public ImportReport importOtpauth(String text, Set<String> tags) {
    Objects.requireNonNull(text, "text");
    return importItems(Imports.otpauthList(text), Tags.checked(tags), "otpauth list");
  }

  /**
   * Imports an Aegis vault export (JSON), plain or password-encrypted (scrypt + AES-256-GCM, as Aegis documents its
   * format). Aegis groups become tags. Unsupported entries (other OTP types, MD5, bad secrets) and duplicates are
   * skipped and reported. OWNER only; audited.
   *
   * @param json the export file's text
   * @param password the export's password, or {@code null} for a plain export; zeroed before this method returns
   * @param tags tags for every imported entry, besides its Aegis groups
   * @return what was imported and what was skipped, and why
   * @throws VaultImportException if the text is not an Aegis export or is encrypted without a password given
   * @throws WrongPassphraseException if the password opens none of the export's password slots
   * @throws VaultAccessException if this member is not an owner
   */
  public ImportReport importAegis(String json, char[] password, Set<String> tags) {
    try {
      Objects.requireNonNull(json, "json");
      Set<String> checkedTags = Tags.checked(tags);
      requireOwnerNow("import");
      return importItems(AegisFormat.read(json, password), checkedTags, "Aegis");
    } finally {
      wipe(password);
    }
  }

  private ImportReport importItems(Imports.Parsed parsed, Set<String> tags, String format) {
    return change(() -> {
      requireOwner("import");
      List<UUID> imported = new ArrayList<>();
      List<ImportReport.Skipped> skipped = new ArrayList<>();
      List<AuditJournal.Entry> audit = new ArrayList<>();
      java.util.Map<String, List<StoredEntry>> byName = new java.util.HashMap<>();
      for (StoredEntry stored : body.entries.values()) {
        byName.computeIfAbsent(nameKey(stored.entry.issuer(), stored.entry.account()), k -> new ArrayList<>())
            .add(stored);
      }
      for (Object result : parsed.inOrder) {
        if (result instanceof ImportReport.Skipped) {
          skipped.add((ImportReport.Skipped) result);
          continue;
        }
        Imports.Item item = (Imports.Item) result;
        if (isDuplicate(item.uri, byName.getOrDefault(nameKey(item.uri.issuer(), item.uri.account()), List.of()))) {
          skipped.add(new ImportReport.Skipped(item.name, "already in the vault (same issuer, account and secret)"));
          continue;
        }
        Set<String> all = new java.util.TreeSet<>(tags);
        all.addAll(item.tags);
        Set<String> entryTags;
        try {
          entryTags = Tags.checked(all);
        } catch (IllegalArgumentException e) {
          skipped.add(new ImportReport.Skipped(item.name, "unusable tags: " + e.getMessage()));
          continue;
        }
        UUID id = addEntry(item.uri, entryTags);
        byName.computeIfAbsent(nameKey(item.uri.issuer(), item.uri.account()), k -> new ArrayList<>())
            .add(body.entries.get(id));
        imported.add(id);
        audit.add(record(AuditAction.ENTRY_ADDED, id, format + " import"));
      }
      audit.add(record(AuditAction.IMPORTED, null, format + ": " + imported.size() + " imported, "
          + skipped.size() + " skipped"));
      return new Change<>(new ImportReport(imported, skipped), audit);
    });
  }

  private static String nameKey(String issuer, String account) {
    return issuer + '\0' + account;
  }

  private boolean isDuplicate(OtpAuthUri uri, List<StoredEntry> sameName) {
    for (StoredEntry stored : sameName) {
      VaultEntry e = stored.entry;
      if (e.type() == uri.type()) {
        Secret secret = openSecret(stored);
        try {
          if (secret.equals(uri.secret())) {
            return true;
          }
        } finally {
          secret.destroy();
        }
      }
    }
    return false;
  }

  /**
   * Exports every entry as {@code otpauth://} URIs, one per line. OWNER only; audited. The text contains every
   * secret: write it only where the secrets may go.
   *
   * @return the list, with a trailing newline
   * @throws VaultAccessException if this member is not an owner
   */
  public String exportOtpauth() {
    return export("otpauth list", uris -> {
      StringBuilder out = new StringBuilder(uris.size() * 120);
      for (ExportItem item : uris) {
        out.append(item.uri.toUriString()).append('\n');
      }
      return out.toString();
    });
  }

  /**
   * Exports one entry as its {@code otpauth://} URI, for showing its enrolment QR code again. OWNER only; audited
   * as an export. The URI contains the secret.
   *
   * @param id the entry
   * @return the entry's URI
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if the member is not an owner
   */
  public OtpAuthUri exportOtpauth(UUID id) {
    Objects.requireNonNull(id, "id");
    List<OtpAuthUri> found = new ArrayList<>(1);
    export("otpauth URI of entry " + id, stored -> stored.id().equals(id), items -> {
      if (items.isEmpty()) {
        throw new NoSuchElementException("the vault has no entry " + id);
      }
      // A copy: the export destroys the secrets it opened once the writer returns.
      found.add(OtpAuthUri.parse(items.get(0).uri.toUriString()));
      return "";
    });
    return found.get(0);
  }

  /**
   * Exports every entry as a plain (unencrypted) Aegis vault JSON, database version 3, tags as Aegis groups. OWNER
   * only; audited. The text contains every secret.
   *
   * @return the JSON text
   * @throws VaultAccessException if this member is not an owner
   */
  public String exportAegis() {
    return export("Aegis JSON", AegisFormat::write);
  }

  /** An entry with its secret opened, for exports. */
  static final class ExportItem {
    final VaultEntry entry;
    final OtpAuthUri uri;

    ExportItem(VaultEntry entry, OtpAuthUri uri) {
      this.entry = entry;
      this.uri = uri;
    }
  }

  private String export(String format, java.util.function.Function<List<ExportItem>, String> writer) {
    return export(format, stored -> true, writer);
  }

  private String export(String format, Predicate<StoredEntry> which,
      java.util.function.Function<List<ExportItem>, String> writer) {
    return change(() -> {
      requireOwner("export");
      List<ExportItem> items = new ArrayList<>();
      List<Secret> secrets = new ArrayList<>();
      try {
        for (StoredEntry stored : body.entries.values()) {
          if (!which.test(stored)) {
            continue;
          }
          Secret secret = openSecret(stored);
          secrets.add(secret);
          items.add(new ExportItem(stored.entry, StoredEntry.toUri(stored.entry, secret)));
        }
        String text = writer.apply(items);
        // The export is audited before the text is handed out.
        return Change.journalOnly(text, List.of(record(AuditAction.EXPORTED, null, format + ", " + items.size()
            + " entries")), true);
      } finally {
        secrets.forEach(Secret::destroy);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Plumbing

  /** Returns the store that keeps this vault's sealed bytes. */
  public VaultStore store() {
    return store;
  }

  /** Returns the name of the member this vault was opened as. */
  public String member() {
    return memberName;
  }

  /**
   * Returns this member's role, as of the last read of the file.
   *
   * @return the role
   */
  public synchronized Role role() {
    checkOpen();
    return me().role;
  }

  /** Zeroes the keys this object holds and releases its files. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    wipeKeys();
    Argon2id.zero(privateKey);
    if (body != null) {
      body.wipe();
    }
    if (journal != null) {
      journal.close();
    }
    storage.close();
  }

  @Override
  public String toString() {
    return "Vault[" + store + ", member " + memberName + (closed ? ", closed" : "") + "]";
  }

  /**
   * The outcome of a change: a result, audit records to append, whether the vault file must be rewritten, and (when
   * it is not) whether the appended records are forced to disk before the result is returned.
   */
  private static final class Change<T> {
    final T result;
    final List<AuditJournal.Entry> audit;
    final boolean save;
    final boolean sync;

    /** A change that rewrites the vault file (its audit records are forced to disk first). */
    Change(T result, List<AuditJournal.Entry> audit) {
      this(result, audit, true, true);
    }

    private Change(T result, List<AuditJournal.Entry> audit, boolean save, boolean sync) {
      this.result = result;
      this.audit = audit;
      this.save = save;
      this.sync = sync;
    }

    /** A change of nothing but the audit trail: a reveal, a check, an export. */
    static <T> Change<T> journalOnly(T result, List<AuditJournal.Entry> audit, boolean sync) {
      return new Change<>(result, audit, false, sync);
    }
  }

  private interface Body<T> {
    T run();
  }

  private <T> T change(Body<Change<T>> action) {
    return change(action, false);
  }

  /**
   * Runs a change under the locks on the latest state, then appends its audit records and saves the vault file (or
   * only appends, for a {@link Change#journalOnly} change), and commits. If anything fails after the state was
   * touched, the next call re-reads the store.
   */
  private synchronized <T> T change(Body<Change<T>> action, boolean replaceBackup) {
    checkOpen();
    try (StoreHandle.Held held = lockStore()) {
      refresh(held);
      boolean done = false;
      try {
        Change<T> change = action.run();
        if (change.save) {
          commit(held, change.audit, true);
          if (replaceBackup) {
            held.replaceBackup();
          }
        } else {
          journal.append(change.audit, change.sync, random);
        }
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

  private synchronized <T> T read(Body<T> action) {
    checkOpen();
    try (StoreHandle.Held held = lockStore()) {
      refresh(held);
      T result = action.run();
      held.commit();
      return result;
    }
  }

  /** Runs the journal's fsync beside the vault file's own, so a change pays for about one disk flush, not two. */
  private static final java.util.concurrent.ExecutorService FORCER = java.util.concurrent.Executors
      .newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "totpkit-vault-fsync");
        thread.setDaemon(true);
        return thread;
      });

  /**
   * Appends audit records, anchors them, and writes the vault file atomically; the journal is forced to disk (in
   * parallel with the new vault file) before the rename makes the anchor visible. Caller holds the lock.
   */
  private void commit(StoreHandle.Held held, List<AuditJournal.Entry> audit, boolean keepBackup) {
    if (!audit.isEmpty()) {
      journal.append(audit, false, random);
    }
    body.anchor = journal.anchor();
    byte[] plaintext = body.encode();
    try {
      byte[] file = VaultFile.write(vaultId, generation + 1, clock.millis(), dataKey, slots, plaintext, random);
      AuditJournal forced = journal;
      java.util.concurrent.Future<?> journalForced = FORCER.submit(forced::force);
      fingerprint = null;
      Object written = held.write(file, generation + 1, keepBackup, () -> await(journalForced));
      generation++;
      fingerprint = written;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static void await(java.util.concurrent.Future<?> future) {
    try {
      future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new VaultIoException("cannot force the audit journal to disk", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultIoException("interrupted while forcing the audit journal to disk", e);
    }
  }

  private AuditJournal.Entry record(AuditAction action, UUID entryId, String subject) {
    return new AuditJournal.Entry(clock.instant(), memberName, action, entryId, subject);
  }

  /** The entry, if this member may use it: every entry for an OWNER, entries with a granted tag for an OPERATOR. */
  private StoredEntry usable(UUID id) {
    StoredEntry stored = existing(id);
    if (!mayUse(me(), stored.entry)) {
      throw new VaultAccessException("member '" + memberName + "' was not granted any tag of entry " + id);
    }
    return stored;
  }

  /** A generator for a TOTP entry on the vault's clock. */
  private Totp totpOf(VaultEntry e, Secret secret) {
    Totp.Builder builder = Totp.builder(secret).period(Duration.ofSeconds(e.periodSeconds())).clock(clock);
    return e.isSteam() ? builder.steam().build() : builder.algorithm(e.algorithm()).digits(e.digits()).build();
  }

  private StoredEntry existing(UUID id) {
    StoredEntry stored = body.entries.get(id);
    if (stored == null) {
      throw new NoSuchElementException("the vault has no entry " + id);
    }
    return stored;
  }

  private Slot slotOf(byte[] hash) {
    for (Slot slot : slots) {
      if (MessageDigest.isEqual(slot.nameHash, hash)) {
        return slot;
      }
    }
    throw new UnknownMemberException("member '" + memberName + "' was removed from the vault");
  }

  private MemberRecord me() {
    MemberRecord me = body.members.get(memberName);
    if (me == null) {
      throw new UnknownMemberException("member '" + memberName + "' was removed from the vault");
    }
    return me;
  }

  private static boolean mayUse(MemberRecord member, VaultEntry entry) {
    if (member.role == Role.OWNER) {
      return true;
    }
    for (String tag : entry.tags()) {
      if (member.grantedTags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  private void requireOwner(String what) {
    if (me().role != Role.OWNER) {
      throw new VaultAccessException("member '" + memberName + "' is an OPERATOR and may not " + what);
    }
  }

  private synchronized void requireOwnerNow(String what) {
    checkOpen();
    requireOwner(what);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the vault is closed");
    }
  }

  private byte[] randomKey() {
    byte[] key = new byte[Aead.KEY_LENGTH];
    random.nextBytes(key);
    return key;
  }

  private UUID randomId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
    ByteReader in = new ByteReader(bytes, "id");
    return in.uuid("id");
  }

  static byte[] idBytes(UUID id) {
    return new ByteWriter(16).uuid(id).toByteArray();
  }

  private static byte[] entriesKey(byte[] dataKey, byte[] vaultId) {
    byte[] info = new ByteWriter(64).bytes(ENTRIES_LABEL).bytes(vaultId).toByteArray();
    return Hkdf.derive(dataKey, null, info, Aead.KEY_LENGTH);
  }

  private void wipeKeys() {
    Argon2id.zero(dataKey);
    Argon2id.zero(entriesKey);
    if (entriesCipher != null) {
      entriesCipher.close();
      entriesCipher = null;
    }
  }

  private AeadKey entriesAead() {
    if (entriesCipher == null) {
      entriesCipher = new AeadKey(entriesKey);
    }
    return entriesCipher;
  }

  private static void checkPassphrase(char[] passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("passphrase must not be empty");
    }
  }

  /** Encodes a passphrase as UTF-8 into an array the caller zeroes; no intermediate String. */
  static byte[] utf8(char[] passphrase) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.allocate(passphrase.length * 3);
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(passphrase), buffer, true);
      if (result.isError()) {
        result.throwException();
      }
      encoder.flush(buffer);
      return Arrays.copyOf(buffer.array(), buffer.position());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("passphrase is not valid Unicode (a lone surrogate?)");
    } finally {
      Arrays.fill(buffer.array(), (byte) 0);
    }
  }

  private static void wipe(char[] passphrase) {
    if (passphrase != null) {
      Arrays.fill(passphrase, '\0');
    }
  }

  /**
   * For the crash test's child processes: opens with the member's private key instead of the passphrase, skipping
   * only Argon2 (the unwrap, commitment and body checks all run), so hundreds of child JVMs start in seconds.
   */
  static Vault openWithPrivateKeyForTest(Path path, String member, byte[] privateKey, VaultOptions options) {
    VaultStore store = VaultStore.file(path);
    StoreHandle storage = store.connect();
    VaultFile file;
    Object fingerprint;
    try (StoreHandle.Held held = storage.lock(options.lockTimeout())) {
      fingerprint = held.fingerprint();
      file = VaultFile.parse(held.read());
    }
    Vault vault = new Vault(store, storage, member, file.vaultId, options);
    vault.privateKey = privateKey.clone();
    vault.publicKey = X25519Keys.publicKey(privateKey);
    vault.install(file);
    vault.fingerprint = fingerprint;
    try (StoreHandle.Held held = vault.lockStore()) {
      vault.refresh(held);
    }
    return vault;
  }

  /** For the performance test: the CPU part of a save (encode, seal, checksum) without any I/O, in nanoseconds. */
  synchronized long serializeNanosForTest() {
    long start = System.nanoTime();
    byte[] plaintext = body.encode();
    VaultFile.write(vaultId, generation + 1, clock.millis(), dataKey, slots, plaintext, random);
    return System.nanoTime() - start;
  }

  /** For tests: this member's private key (a copy). */
  synchronized byte[] privateKeyForTest() {
    return privateKey.clone();
  }

  /** For tests: the current data key (a copy). */
  synchronized byte[] dataKeyForTest() {
    return dataKey.clone();
  }
}
