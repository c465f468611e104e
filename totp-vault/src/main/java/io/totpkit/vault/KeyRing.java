package io.totpkit.vault;

import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The keys of one open vault: the member's X25519 key pair, the data key their slot unwraps, and the entries key
 * derived from it (HKDF, FORMAT.md "entry secrets"), with the one cipher that seals and opens entry secrets. A
 * passphrase change replaces the key pair: the new one is held as pending until a saved image carries it. Every key
 * array is this object's own and is zeroed when replaced or closed.
 *
 * <p>Thread-safety: not thread-safe; the {@link VaultKernel} that owns it serializes calls.
 */
final class KeyRing implements AutoCloseable {
  private static final byte[] ENTRIES_LABEL = "totpkit vault v1 entry secrets".getBytes(StandardCharsets.US_ASCII);

  final byte[] vaultId;
  private byte[] privateKey;
  private byte[] publicKey;
  /** A key pair a passphrase change is installing: adopted once an image carries it, else zeroed. */
  private byte[] pendingPrivateKey;
  private byte[] dataKey;
  private byte[] entriesKey;
  private AeadKey entriesCipher;

  /** Takes ownership of {@code privateKey}. */
  KeyRing(byte[] vaultId, byte[] privateKey) {
    this.vaultId = vaultId;
    this.privateKey = privateKey;
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
   * opened: a change whose outcome was unknown (it failed after its image may have become visible) is adopted if that
   * image carries its key pair, else dropped.
   */
  void settle(byte[] slotPublicKey) {
    if (pendingPrivateKey != null && slotPublicKey != null
        && java.security.MessageDigest.isEqual(slotPublicKey, X25519Keys.publicKey(pendingPrivateKey))) {
      adoptPending();
    } else {
      Wipe.bytes(pendingPrivateKey);
      pendingPrivateKey = null;
    }
  }

  /** The current data key, for sealing the vault image and wrapping it to members; never hand it out further. */
  byte[] dataKey() {
    return dataKey;
  }

  /** Makes {@code newDataKey} (now owned by this ring) the data key, zeroing the previous keys. */
  void adopt(byte[] newDataKey) {
    byte[] newEntriesKey = entriesKey(newDataKey, vaultId);
    wipeDataKeys();
    dataKey = newDataKey;
    entriesKey = newEntriesKey;
  }

  /** Seals an entry's secret under the entries key, bound to the entry's id. */
  byte[] seal(UUID id, byte[] secret, SecureRandom random) {
    return entries().seal(secret, idBytes(id), random);
  }

  /**
   * Opens an entry's secret.
   *
   * @throws VaultTamperedException if the sealed secret fails authentication
   */
  Secret open(StoredEntry stored) {
    byte[] bytes = openBytes(stored);
    try {
      return Secret.fromBytes(bytes);
    } finally {
      Wipe.bytes(bytes);
    }
  }

  /**
   * Seals every entry secret under the entries key of {@code newDataKey}, then adopts that key: the key rotation of a
   * member's removal or passphrase change. On failure nothing changes and {@code newDataKey} is zeroed.
   */
  void rotate(VaultBody body, byte[] newDataKey, SecureRandom random) {
    byte[] newEntriesKey = entriesKey(newDataKey, vaultId);
    try (AeadKey next = new AeadKey(newEntriesKey)) {
      java.util.Map<UUID, StoredEntry> resealed = new java.util.LinkedHashMap<>();
      for (StoredEntry stored : body.entries.values()) {
        byte[] secret = openBytes(stored);
        try {
          resealed.put(stored.id(), new StoredEntry(stored.entry, next.seal(secret, idBytes(stored.id()), random)));
        } finally {
          Wipe.bytes(secret);
        }
      }
      body.entries.putAll(resealed);
    } catch (RuntimeException e) {
      Wipe.bytes(newDataKey);
      throw e;
    } finally {
      Wipe.bytes(newEntriesKey);
    }
    adopt(newDataKey);
  }

  private byte[] openBytes(StoredEntry stored) {
    byte[] bytes = entries().open(stored.sealedSecret, idBytes(stored.id()));
    if (bytes == null) {
      throw new VaultTamperedException("the secret of entry " + stored.id() + " fails authentication");
    }
    return bytes;
  }

  private AeadKey entries() {
    if (entriesCipher == null) {
      entriesCipher = new AeadKey(entriesKey);
    }
    return entriesCipher;
  }

  static byte[] idBytes(UUID id) {
    return new ByteWriter(16).uuid(id).toByteArray();
  }

  private static byte[] entriesKey(byte[] dataKey, byte[] vaultId) {
    byte[] info = new ByteWriter(64).bytes(ENTRIES_LABEL).bytes(vaultId).toByteArray();
    return Hkdf.derive(dataKey, null, info, Aead.KEY_LENGTH);
  }

  private void wipeDataKeys() {
    Wipe.bytes(dataKey);
    Wipe.bytes(entriesKey);
    if (entriesCipher != null) {
      entriesCipher.close();
      entriesCipher = null;
    }
  }

  /** Zeroes every key. */
  @Override
  public void close() {
    wipeDataKeys();
    Wipe.bytes(privateKey);
    Wipe.bytes(pendingPrivateKey);
  }
}
