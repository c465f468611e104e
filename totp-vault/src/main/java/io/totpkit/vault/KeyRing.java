package io.totpkit.vault;

import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The keys of one open vault (FORMAT.md, "keys"): the member's X25519 key pair, and the vault keys their keychain
 * opens: the common key; for an OWNER the owner key, the signing key and every tag key; for an OPERATOR the keys of
 * the granted tags; and the key of every section those open. Seals and opens entry secrets under their section's key,
 * and rotates exactly the keys a change of membership requires. Every key array is this object's own and is zeroed
 * when replaced or closed.
 *
 * <p>Thread-safety: not thread-safe; the {@link VaultKernel} that owns it serializes calls.
 */
final class KeyRing implements AutoCloseable {
  final byte[] vaultId;
  private byte[] privateKey;
  private byte[] publicKey;
  /** The vault's signing key as the member's passphrase-sealed slot names it; {@code null} for a legacy slot. */
  final byte[] signingRoot;
  /** A key pair a passphrase change is installing: adopted once an image carries it, else zeroed. */
  private byte[] pendingPrivateKey;
  byte[] commonKey;
  byte[] ownerKey;
  byte[] signingPrivateKey;
  final Map<String, byte[]> tagKeys = new TreeMap<>();
  final Map<Set<String>, SectionKey> sections = new HashMap<>();
  private Map<String, AeadKey> wrapping;

  /** Takes ownership of {@code opened}: the private key, then (format 2 slots) the vault's signing key. */
  KeyRing(byte[] vaultId, byte[] opened) {
    this.vaultId = vaultId;
    this.privateKey = Arrays.copyOf(opened, X25519Keys.KEY_LENGTH);
    this.signingRoot = opened.length > X25519Keys.KEY_LENGTH
        ? Arrays.copyOfRange(opened, X25519Keys.KEY_LENGTH, opened.length) : null;
    Wipe.bytes(opened);
    this.publicKey = X25519Keys.publicKey(privateKey);
  }

  byte[] privateKey() {
    return privateKey;
  }

  byte[] publicKey() {
    return publicKey;
  }

  /** Holds {@code newPrivateKey} (now owned by this ring) as pending, zeroing any earlier pending key. */
  void propose(byte[] newPrivateKey) {
    Wipe.bytes(pendingPrivateKey);
    pendingPrivateKey = newPrivateKey;
  }

  /** Makes the pending key pair this member's, zeroing the old private key; does nothing if none is pending. */
  void adoptPending() {
    if (pendingPrivateKey == null) {
      return;
    }
    Wipe.bytes(privateKey);
    privateKey = pendingPrivateKey;
    publicKey = X25519Keys.publicKey(privateKey);
    pendingPrivateKey = null;
  }

  /**
   * Settles a pending key pair against the public key of this member's slot (or {@code null}) in an image being
   * opened: a change whose outcome was unknown is adopted if that image carries its key pair, else dropped.
   */
  void settle(byte[] slotPublicKey) {
    if (pendingPrivateKey != null && slotPublicKey != null
        && MessageDigest.isEqual(slotPublicKey, X25519Keys.publicKey(pendingPrivateKey))) {
      adoptPending();
    } else {
      Wipe.bytes(pendingPrivateKey);
      pendingPrivateKey = null;
    }
  }

  boolean holdsOwnerKeys() {
    return ownerKey != null;
  }

  /** Replaces the vault keys with those of a keychain (copies) and, for an OWNER, the owner block's tag keys. */
  void install(Keychain chain, Map<String, byte[]> ownerTagKeys) {
    wipeVaultKeys();
    commonKey = chain.commonKey.clone();
    ownerKey = chain.isOwner() ? chain.ownerKey.clone() : null;
    signingPrivateKey = chain.isOwner() ? chain.signingPrivateKey.clone() : null;
    (chain.isOwner() ? ownerTagKeys : chain.tagKeys).forEach((tag, key) -> tagKeys.put(tag, key.clone()));
  }

  /** Installs fresh keys of every kind, as a new vault or an upgraded one starts with. */
  void installNew(SecureRandom random) {
    wipeVaultKeys();
    commonKey = randomKey(random);
    ownerKey = randomKey(random);
    signingPrivateKey = Ed25519Keys.generatePrivateKey(random);
  }

  /** The wrapping key a section wrap names by {@code ref}, if this member holds it; else {@code null}. */
  AeadKey wrappingFor(byte[] ref) {
    if (wrapping == null) {
      wrapping = new HashMap<>();
      List<byte[]> keys = new ArrayList<>(tagKeys.values());
      if (ownerKey != null) {
        keys.add(ownerKey);
      }
      for (byte[] key : keys) {
        byte[] derived = Section.wrappingKey(key, vaultId);
        wrapping.put(HexFormat.of().formatHex(Section.ref(key, vaultId)), new AeadKey(derived));
        Wipe.bytes(derived);
      }
    }
    return wrapping.get(HexFormat.of().formatHex(ref));
  }

  /**
   * The section key of a tag set, created if it is new: by an OWNER, or by a member holding the key of every tag of
   * the set (a CONTRIBUTOR adding under granted tags; the owner block already holds those tags' keys).
   */
  SectionKey section(Set<String> tags, SecureRandom random) {
    SectionKey key = sections.get(tags);
    if (key == null) {
      if (!holdsOwnerKeys() && (tags.isEmpty() || !tagKeys.keySet().containsAll(tags))) {
        throw new VaultAccessException("only an OWNER can seal entries under the tags " + tags);
      }
      key = new SectionKey(randomKey(random), null, vaultId);
      sections.put(Tags.copy(tags), key);
    }
    return key;
  }

  /** The wraps of a section: as read, or (OWNER) written anew under each of its tags' keys or the owner key. */
  byte[] wraps(Set<String> tags, SectionKey section, SecureRandom random) {
    if (section.wraps == null) {
      List<byte[]> under = new ArrayList<>();
      if (tags.isEmpty()) {
        under.add(ownerKey);
      }
      tags.forEach(tag -> under.add(tagKey(tag, random)));
      ByteWriter out = new ByteWriter(2 + under.size() * (Section.REF_LENGTH + Section.WRAPPED_LENGTH));
      out.u16(under.size());
      for (byte[] key : under) {
        Section.writeWrap(out, Section.ref(key, vaultId), wrappingFor(Section.ref(key, vaultId)), section.key, random);
      }
      section.wraps = out.toByteArray();
    }
    return section.wraps;
  }

  /** A tag's key, which an OWNER creates if the tag is new. */
  byte[] tagKey(String tag, SecureRandom random) {
    byte[] key = tagKeys.get(tag);
    if (key == null) {
      if (!holdsOwnerKeys()) {
        throw new VaultAccessException("only an OWNER can create the key of tag '" + tag + "'");
      }
      key = randomKey(random);
      tagKeys.put(tag, key);
      dropWrapping();
    }
    return key;
  }

  /** Seals an entry's secret under the key of its tag set's section, bound to the entry's id. */
  byte[] seal(UUID id, Set<String> tags, byte[] secret, SecureRandom random) {
    return section(tags, random).secrets().seal(secret, idBytes(id), random);
  }

  /**
   * Opens an entry's secret.
   *
   * @throws VaultTamperedException if the sealed secret fails authentication
   */
  Secret open(StoredEntry stored) {
    byte[] bytes = openBytes(stored, sections.get(stored.entry.tags()));
    try {
      return Secret.fromBytes(bytes);
    } finally {
      Wipe.bytes(bytes);
    }
  }

  private byte[] openBytes(StoredEntry stored, SectionKey section) {
    byte[] bytes = section == null ? null : section.secrets().open(stored.sealedSecret, idBytes(stored.id()));
    if (bytes == null) {
      throw new VaultTamperedException("the secret of entry " + stored.id() + " fails authentication");
    }
    return bytes;
  }

  /** Draws a new common key: the rotation every removal and passphrase change needs. */
  void rotateCommon(SecureRandom random) {
    Wipe.bytes(commonKey);
    commonKey = randomKey(random);
  }

  /**
   * Draws a new owner key, then rotates every tag and section key: an OWNER lost them. The signing key stays: it
   * signs, it opens nothing, and a table signed by a former OWNER fails every keychain's table hash.
   */
  void rotateOwner(Map<UUID, StoredEntry> entries, SecureRandom random) {
    Wipe.bytes(ownerKey);
    ownerKey = randomKey(random);
    renewTagKeys(Set.copyOf(tagKeys.keySet()), random);
    rotateSections(tags -> true, entries, random);
  }

  /**
   * Draws new keys for {@code lost} tags and for every section carrying one of them, re-sealing those sections'
   * entry secrets: a member who held the old keys opens nothing written afterwards.
   */
  void rotateTags(Set<String> lost, Map<UUID, StoredEntry> entries, SecureRandom random) {
    renewTagKeys(lost, random);
    rotateSections(tags -> tags.stream().anyMatch(lost::contains), entries, random);
  }

  /** Draws new keys for those of {@code tags} that have one (the sections under them are the caller's to rotate). */
  private void renewTagKeys(Set<String> tags, SecureRandom random) {
    for (String tag : tags) {
      byte[] old = tagKeys.get(tag);
      if (old != null) {
        Wipe.bytes(old);
        tagKeys.put(tag, randomKey(random));
      }
    }
    dropWrapping();
  }

  private void rotateSections(Predicate<Set<String>> which, Map<UUID, StoredEntry> entries, SecureRandom random) {
    Map<Set<String>, SectionKey> fresh = new HashMap<>();
    sections.forEach((tags, old) -> {
      if (which.test(tags)) {
        fresh.put(tags, new SectionKey(randomKey(random), null, vaultId));
      }
    });
    Map<UUID, StoredEntry> resealed = new LinkedHashMap<>();
    for (StoredEntry stored : entries.values()) {
      SectionKey next = fresh.get(stored.entry.tags());
      if (next != null) {
        byte[] secret = openBytes(stored, sections.get(stored.entry.tags()));
        try {
          resealed.put(stored.id(), stored.resealed(next.secrets().seal(secret, idBytes(stored.id()), random)));
        } finally {
          Wipe.bytes(secret);
        }
      }
    }
    entries.putAll(resealed);
    fresh.forEach((tags, next) -> sections.put(tags, next).close());
  }

  /** Drops the keys of tags and sections nothing uses any more (OWNER saves). */
  void prune(Set<String> usedTags, Set<Set<String>> usedSections) {
    tagKeys.keySet().removeIf(tag -> {
      boolean unused = !usedTags.contains(tag);
      if (unused) {
        Wipe.bytes(tagKeys.get(tag));
        dropWrapping();
      }
      return unused;
    });
    sections.entrySet().removeIf(entry -> {
      boolean unused = !usedSections.contains(entry.getKey());
      if (unused) {
        entry.getValue().close();
      }
      return unused;
    });
  }

  /** The keychain of a member of the table whose hash is {@code tableHash} (an OWNER writes every member's). */
  Keychain keychainFor(MemberRecord member, byte[] tableHash, SecureRandom random) {
    if (member.role == Role.OWNER) {
      return new Keychain(commonKey.clone(), tableHash, ownerKey.clone(), signingPrivateKey.clone(), Map.of());
    }
    Map<String, byte[]> granted = new TreeMap<>();
    member.grantedTags.forEach(tag -> granted.put(tag, tagKey(tag, random).clone()));
    return new Keychain(commonKey.clone(), tableHash, null, null, granted);
  }

  static byte[] idBytes(UUID id) {
    return new ByteWriter(16).uuid(id).toByteArray();
  }

  private static byte[] randomKey(SecureRandom random) {
    byte[] key = new byte[Aead.KEY_LENGTH];
    random.nextBytes(key);
    return key;
  }

  private void wipeVaultKeys() {
    Wipe.bytes(commonKey);
    Wipe.bytes(ownerKey);
    Wipe.bytes(signingPrivateKey);
    commonKey = null;
    ownerKey = null;
    signingPrivateKey = null;
    tagKeys.values().forEach(Wipe::bytes);
    tagKeys.clear();
    sections.values().forEach(SectionKey::close);
    sections.clear();
    dropWrapping();
  }

  private void dropWrapping() {
    if (wrapping != null) {
      wrapping.values().forEach(AeadKey::close);
      wrapping = null;
    }
  }

  /** Zeroes every key. */
  @Override
  public void close() {
    wipeVaultKeys();
    Wipe.bytes(privateKey);
    Wipe.bytes(pendingPrivateKey);
    Wipe.bytes(signingRoot);
  }
}
