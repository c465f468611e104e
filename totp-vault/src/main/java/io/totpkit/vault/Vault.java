package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Verification;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * Threat model and format in the module's README and {@code FORMAT.md}. In short: each member's X25519 private key
 * is sealed under Argon2id of their passphrase, and their slot wraps to it only the keys of what they may open (an
 * OWNER everything, an OPERATOR the sections of granted tags), so roles hold whatever code a member runs. The member
 * table is signed by the OWNERs' key and pinned by every slot. Taking keys away from a member rotates them. A change's
 * audit records are saved with the image holding the change; an image older than its journal is reported
 * ({@link VaultRolledBackException}). Damage ({@link VaultCorruptedException}, checked before any key), a wrong
 * passphrase ({@link WrongPassphraseException}), an unknown member ({@link UnknownMemberException}) and altered
 * authenticated contents ({@link VaultTamperedException}) are told apart. Passphrases passed in are zeroed before the
 * method returns; {@link #close()} zeroes the keys this object holds.
 *
 * <p>Durability: every change (and every reveal's audit record) is on disk when its method returns. Processes
 * sharing a file are serialized by an OS file lock and each change applies to the latest state on disk; servers share
 * one vault through {@link JdbcVaultStore} (PostgreSQL), one transaction per operation.
 *
 * <p>Thread-safety: safe for concurrent use; calls on one instance are serialized.
 */
public final class Vault implements AutoCloseable {
  private final VaultKernel kernel;
  private final EntryBook entries;
  private final Membership membership;
  private final Transfers transfers;

  Vault(VaultKernel kernel) {
    this.kernel = kernel;
    this.entries = new EntryBook(kernel);
    this.membership = new Membership(kernel);
    this.transfers = new Transfers(kernel, entries);
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
    return Passphrases.wipingAfter(() -> {
      Objects.requireNonNull(store, "store");
      Tags.checkText(owner, "owner name");
      Objects.requireNonNull(options, "options");
      Passphrases.check(passphrase);
      return new Vault(VaultKernel.create(store, owner, passphrase, options));
    }, passphrase);
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
    return Passphrases.wipingAfter(() -> {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(passphrase, "passphrase");
      return new Vault(VaultKernel.open(store, member, options, Passphrases.credential(passphrase)));
    }, passphrase);
  }

  /**
   * Adds an account. OWNER only, or a {@link Role#CONTRIBUTOR} under tags they were all granted; audited.
   *
   * @param uri the account's key and parameters
   * @param tags labels such as the client's name, which also decide which OPERATORs may use the entry
   * @return the new entry's id
   * @throws IllegalArgumentException if the key is shorter than {@link KeyLength#MINIMUM_BITS}
   * @throws VaultAccessException if the member may not add an entry with these tags
   */
  public UUID add(OtpAuthUri uri, Set<String> tags) {
    return add(uri, tags, RevealNote.NONE);
  }

  /** Adds an account as {@link #add(OtpAuthUri, Set)} does, its audit record noting where from and why. */
  public UUID add(OtpAuthUri uri, Set<String> tags, RevealNote note) {
    return entries.add(Objects.requireNonNull(uri, "uri"), Tags.checked(tags), Objects.requireNonNull(note, "note"));
  }

  /**
   * Replaces an entry's key, parameters and tags, keeping its id. OWNER only; audited.
   *
   * @param id the entry
   * @param uri the new key and parameters
   * @param tags the new tags
   * @throws IllegalArgumentException if the key is shorter than {@link KeyLength#MINIMUM_BITS}
   * @throws NoSuchElementException if there is no such entry
   * @throws VaultAccessException if the member is not an owner
   */
  public void update(UUID id, OtpAuthUri uri, Set<String> tags) {
    entries.update(Objects.requireNonNull(id, "id"), Objects.requireNonNull(uri, "uri"), Tags.checked(tags));
  }

  /** Replaces an entry's tags ({@code NoSuchElementException} if there is none). OWNER only; audited. */
  public void retag(UUID id, Set<String> tags) {
    entries.retag(Objects.requireNonNull(id, "id"), Tags.checked(tags));
  }

  /** Removes an entry ({@code NoSuchElementException} if there is none). OWNER only; audited. */
  public void remove(UUID id) {
    entries.remove(Objects.requireNonNull(id, "id"));
  }

  /**
   * Lists the entries this member may use (all for an OWNER, those of granted tags for an OPERATOR), in the order
   * they were added. No secrets.
   */
  public List<VaultEntry> entries() {
    return entries.find(entry -> true);
  }

  /**
   * Returns one entry, if this member may use it.
   *
   * @param id the entry
   * @return the entry, or empty
   */
  public Optional<VaultEntry> entry(UUID id) {
    Objects.requireNonNull(id, "id");
    return entries.one(id);
  }

  /** Finds the entries this member may use whose issuer ({@link VaultEntry#issuer()}) is this, ignoring case. */
  public List<VaultEntry> findByIssuer(String issuer) {
    Objects.requireNonNull(issuer, "issuer");
    return entries.find(entry -> entry.issuer().equalsIgnoreCase(issuer));
  }

  /** Finds the entries this member may use whose account name at the issuer is this, ignoring case. */
  public List<VaultEntry> findByAccount(String account) {
    Objects.requireNonNull(account, "account");
    return entries.find(entry -> entry.account().equalsIgnoreCase(account));
  }

  /** Finds the entries this member may use that carry this tag (exact match). */
  public List<VaultEntry> findByTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    return entries.find(entry -> entry.tags().contains(tag));
  }

  /**
   * Reveals an entry's current code. The reveal is recorded in the audit trail (and, by default, forced to disk)
   * before the code is returned. A HOTP entry's counter advances and is saved.
   *
   * @param id the entry
   * @return the code and how long it stays current
   * @throws NoSuchElementException if there is no such entry, or none this OPERATOR's keys open
   */
  public RevealedCode code(UUID id) {
    return code(id, RevealNote.NONE);
  }

  /**
   * Reveals an entry's current code as {@link #code(UUID)} does, recording in its audit record's detail where the
   * request came from and why ({@code note}); refused with {@link ReasonRequiredException} where the note requires a
   * reason it does not give.
   */
  public RevealedCode code(UUID id, RevealNote note) {
    return entries.code(Objects.requireNonNull(id, "id"), Objects.requireNonNull(note, "note"));
  }

  /**
   * Returns a seal only this member can open, for data a service keeps about them beside the vault (a code server
   * seals each member's sign-in TOTP key with it). Its key is derived from this member's private key: a new key pair
   * (after a passphrase change, or removal and re-adding) makes older seals unopenable.
   *
   * @param purpose what the sealed data is, bound into the key (for example {@code "server sign-in factor"})
   * @return the seal
   */
  public MemberSeal memberSeal(String purpose) {
    return kernel.memberSeal(Tags.checkText(purpose, "purpose"));
  }

  /**
   * Checks a code someone typed against a TOTP entry, accepting one step of clock drift either way (RFC 6238 §5.2).
   * Recorded in the audit trail as a {@link AuditAction#CODE_REVEALED} with subject {@code "verify"}, because the
   * outcome tells whether the code is current. Members who may reveal the entry's code may verify it.
   *
   * <p>This is a check, not a login: the same code passes again and failures are not counted. A service that logs
   * users in builds its own {@link io.totpkit.core.TotpVerifier} with shared stores.
   *
   * @param id the entry
   * @param code exactly the entry's number of ASCII digits (Steam: five of its letters); nothing is trimmed
   * @return {@code ACCEPTED} with the matched offset, {@code REJECTED}, or {@code MALFORMED}
   * @throws NoSuchElementException if there is no such entry
   * @throws IllegalArgumentException if the entry is a HOTP entry
   */
  public Verification verify(UUID id, CharSequence code) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    return entries.verify(id, code);
  }

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
    Passphrases.wipingAfter(() -> {
      Tags.checkText(name, "member name");
      Objects.requireNonNull(role, "role");
      Passphrases.check(passphrase);
      membership.add(name, role, role == Role.OWNER ? Set.of() : Tags.checked(grantedTags), passphrase);
      return null;
    }, passphrase);
  }

  /**
   * Removes a member and rotates every key they held; the audit trail continues under a new key epoch. Their
   * passphrase then opens nothing written from now on (the backup is replaced too). Secrets they could see before
   * remain known to them: rotate those at the issuers if that matters. OWNER only; audited.
   *
   * @param name the member to remove
   * @throws NoSuchElementException if there is no such member
   * @throws IllegalArgumentException if a member tries to remove themselves (so an owner always remains)
   * @throws VaultAccessException if this member is not an owner
   */
  public void removeMember(String name) {
    membership.remove(Objects.requireNonNull(name, "name"));
  }

  /**
   * Changes this OWNER's passphrase: a new key pair, and every key rotated as {@link #setPassphrase} does. An
   * OPERATOR's passphrase is set by an OWNER, since the keys it could open must be rotated and only OWNERs hold them.
   *
   * @param current the current passphrase, checked again; zeroed before this method returns
   * @param replacement the new passphrase, not empty; zeroed before this method returns
   * @throws WrongPassphraseException if {@code current} is wrong
   * @throws VaultAccessException if this member is an OPERATOR
   */
  public void changePassphrase(char[] current, char[] replacement) {
    Passphrases.wipingAfter(() -> {
      Objects.requireNonNull(current, "current");
      Passphrases.check(replacement);
      membership.changeOwn(current, replacement);
      return null;
    }, current, replacement);
  }

  /**
   * Sets a member's passphrase with a new key pair and rotates every key they held, so the old passphrase opens only
   * copies taken before (the backup is replaced). OWNER only; audited.
   *
   * @param name the member
   * @param passphrase the new passphrase, not empty; zeroed before this method returns
   * @throws NoSuchElementException if there is no such member
   * @throws VaultAccessException if this member is not an owner
   */
  public void setPassphrase(String name, char[] passphrase) {
    Passphrases.wipingAfter(() -> {
      Passphrases.check(passphrase);
      membership.setPassphrase(Objects.requireNonNull(name, "name"), passphrase);
      return null;
    }, passphrase);
  }

  /**
   * Changes a member's role or granted tags. Keys the member loses (every key when an OWNER becomes an OPERATOR,
   * the tags taken away otherwise) are rotated. OWNER only; audited with the new role and grants.
   *
   * @param name the member; not this member if the role changes
   * @param role the new role
   * @param grantedTags for an OPERATOR, the tags whose entries they may use; ignored for an OWNER
   * @throws NoSuchElementException if there is no such member
   * @throws VaultAccessException if this member is not an owner
   */
  public void changeMember(String name, Role role, Set<String> grantedTags) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    membership.change(name, role, role == Role.OWNER ? Set.of() : Tags.checked(grantedTags));
  }

  /**
   * Lists the members. OWNER only.
   *
   * @return the members, in the order they were added
   * @throws VaultAccessException if this member is not an owner
   */
  public List<Member> members() {
    return membership.list();
  }

  /**
   * Reads the whole audit trail, verifying it as {@link #verifyAudit()} does. OWNER only.
   *
   * @return the records, oldest first
   * @throws AuditTamperedException if the trail was edited, reordered, cut or extended by someone without the key
   * @throws VaultAccessException if this member is not an owner
   */
  public List<AuditRecord> auditTrail() {
    return kernel.auditTrail("read the audit trail");
  }

  /**
   * Verifies the audit trail: every record's seal and chain MAC, sequence numbers, key epochs and time order, that
   * the trail passes through the head the vault file anchors, and that the records of saved changes match the vault
   * (an entry recorded as added exists, a member recorded as removed does not). OWNER only.
   *
   * @return the number of records verified
   * @throws AuditTamperedException naming the first record that fails
   * @throws VaultAccessException if this member is not an owner
   */
  public long verifyAudit() {
    return kernel.auditTrail("verify the audit trail").size();
  }

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
    return transfers.importItems(Imports.otpauthList(text), Tags.checked(tags), false);
  }

  /**
   * Imports an export file read by {@link ImportFile#read} (any of {@link ImportFile#formats()}), in one save: either
   * every account is added or, on failure, none. Accounts already in the vault, repeated in the file, or with a key
   * shorter than 80 bits are skipped and reported, with the entries the file's reader skipped. One
   * {@link AuditAction#IMPORTED} record names the format and the counts, with an {@link AuditAction#ENTRY_ADDED}
   * record per entry. OWNER only.
   *
   * @param file the file, still open
   * @param tags tags for every imported entry, besides those the file gives it (groups, folders, categories)
   * @return what was imported and what was skipped, and why
   * @throws VaultAccessException if this member is not an owner
   */
  public ImportReport importFile(ImportFile file, Set<String> tags) {
    return transfers.importItems(Objects.requireNonNull(file, "file").parsed, Tags.checked(tags), false);
  }

  /**
   * A dry run of {@link #importFile}: what it would add and skip, and why, with nothing changed or recorded. OWNER
   * only.
   *
   * @throws VaultAccessException if this member is not an owner
   */
  public ImportReport previewImport(ImportFile file, Set<String> tags) {
    return transfers.importItems(Objects.requireNonNull(file, "file").parsed, Tags.checked(tags), true);
  }

  /**
   * Exports every entry as {@code otpauth://} URIs, one per line. OWNER only; audited. The text contains every
   * secret: write it only where the secrets may go.
   *
   * @return the list, with a trailing newline
   * @throws VaultAccessException if this member is not an owner
   */
  public String exportOtpauth() {
    return transfers.exportOtpauth();
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
    return transfers.exportOtpauth(Objects.requireNonNull(id, "id"));
  }

  /**
   * Exports every entry as a plain (unencrypted) Aegis vault JSON, database version 3, tags as Aegis groups. OWNER
   * only; audited. The text contains every secret.
   *
   * @return the JSON text
   * @throws VaultAccessException if this member is not an owner
   */
  public String exportAegis() {
    return transfers.exportAegis();
  }

  /** Returns the store that keeps this vault's sealed bytes. */
  public VaultStore store() {
    return kernel.store;
  }

  /** Returns the name of the member this vault was opened as. */
  public String member() {
    return kernel.memberName;
  }

  /** Returns this member's role, as of the last read of the file. */
  public Role role() {
    return kernel.role();
  }

  /** Zeroes the keys this object holds and releases its files. Calling it again does nothing. */
  @Override
  public void close() {
    kernel.close();
  }

  @Override
  public String toString() {
    return "Vault[" + kernel.store + ", member " + kernel.memberName + (kernel.isClosed() ? ", closed" : "") + "]";
  }
}
