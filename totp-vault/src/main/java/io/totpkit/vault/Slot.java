package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;

/**
 * A member's key slot in the vault header: the member's X25519 public key, their private key sealed under
 * Argon2id(passphrase), and the data key wrapped to the public key. Binary layout in FORMAT.md.
 *
 * <p>Thread-safety: immutable by convention (arrays are never modified after construction).
 */
final class Slot {
  static final int NAME_HASH_LENGTH = 32;
  static final int SALT_LENGTH = 16;
  private static final byte[] NAME_LABEL = "totpkit vault v1 member name".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEAL_LABEL = "totpkit vault v1 private key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_LABEL = "totpkit vault v1 data key wrap".getBytes(StandardCharsets.US_ASCII);

  final byte[] nameHash;
  final byte[] publicKey;
  final KdfParams kdf;
  final byte[] salt;
  final byte[] sealedPrivateKey;
  final byte[] ephemeralPublicKey;
  final byte[] wrappedDataKey;

  Slot(byte[] nameHash, byte[] publicKey, KdfParams kdf, byte[] salt, byte[] sealedPrivateKey,
      byte[] ephemeralPublicKey, byte[] wrappedDataKey) {
    this.nameHash = nameHash;
    this.publicKey = publicKey;
    this.kdf = kdf;
    this.salt = salt;
    this.sealedPrivateKey = sealedPrivateKey;
    this.ephemeralPublicKey = ephemeralPublicKey;
    this.wrappedDataKey = wrappedDataKey;
  }

  /** The slot's lookup key: SHA-256 over a label, the vault id and the member's name, so names are not stored. */
  static byte[] nameHash(byte[] vaultId, String member) {
    java.security.MessageDigest digest = Digests.sha256();
    digest.update(NAME_LABEL);
    digest.update(vaultId);
    digest.update(member.getBytes(StandardCharsets.UTF_8));
    return digest.digest();
  }

  /** Associated data of the sealed private key: binds it to the vault, the name, the public key and the KDF input. */
  static byte[] sealAad(byte[] vaultId, byte[] nameHash, byte[] publicKey, KdfParams kdf, byte[] salt) {
    return new ByteWriter(160).bytes(SEAL_LABEL).bytes(vaultId).bytes(nameHash).bytes(publicKey)
        .u32(kdf.memoryKib()).u32(kdf.iterations()).u8(kdf.parallelism()).bytes(salt).toByteArray();
  }

  /** Seals a private key under a passphrase-derived key. */
  static Slot seal(byte[] vaultId, byte[] nameHash, byte[] privateKey, byte[] passphraseUtf8, KdfParams kdf,
      java.security.SecureRandom random, byte[] ephemeralPublicKey, byte[] wrappedDataKey) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] publicKey = X25519Keys.publicKey(privateKey);
    byte[] passKey = Argon2id.derive(passphraseUtf8, salt, kdf, Aead.KEY_LENGTH);
    try {
      byte[] sealed = Aead.seal(passKey, privateKey, sealAad(vaultId, nameHash, publicKey, kdf, salt), random);
      return new Slot(nameHash, publicKey, kdf, salt, sealed, ephemeralPublicKey, wrappedDataKey);
    } finally {
      Wipe.bytes(passKey);
    }
  }

  /**
   * Opens the private key with a passphrase.
   *
   * @return the private key, or {@code null} if the passphrase is wrong
   */
  byte[] openPrivateKey(byte[] vaultId, byte[] passphraseUtf8) {
    byte[] passKey = Argon2id.derive(passphraseUtf8, salt, kdf, Aead.KEY_LENGTH);
    try {
      return Aead.open(passKey, sealedPrivateKey, sealAad(vaultId, nameHash, publicKey, kdf, salt));
    } finally {
      Wipe.bytes(passKey);
    }
  }

  /** Returns a copy of this slot with the data key wrapped anew. */
  Slot withWrap(byte[] ephemeral, byte[] wrapped) {
    return new Slot(nameHash, publicKey, kdf, salt, sealedPrivateKey, ephemeral, wrapped);
  }

  /** Wraps {@code dataKey} to {@code recipientPublicKey}: ephemeral X25519, HKDF-SHA-256, AES-256-GCM (as age does). */
  static byte[][] wrap(byte[] vaultId, byte[] nameHash, byte[] recipientPublicKey, byte[] dataKey,
      java.security.SecureRandom random) {
    byte[] ephemeralPrivate = X25519Keys.generatePrivateKey(random);
    byte[] ephemeralPublic = X25519Keys.publicKey(ephemeralPrivate);
    byte[] shared = X25519Keys.agree(ephemeralPrivate, recipientPublicKey);
    byte[] wrapKey = wrapKey(shared, ephemeralPublic, recipientPublicKey, vaultId, nameHash);
    try {
      return new byte[][] {ephemeralPublic, Aead.seal(wrapKey, dataKey, nameHash, random)};
    } finally {
      Wipe.bytes(ephemeralPrivate);
      Wipe.bytes(shared);
      Wipe.bytes(wrapKey);
    }
  }

  /**
   * Unwraps the data key with the member's private key.
   *
   * @return the data key, or {@code null} if it does not verify
   */
  byte[] unwrap(byte[] vaultId, byte[] privateKey) {
    byte[] shared = X25519Keys.agree(privateKey, ephemeralPublicKey);
    byte[] wrapKey = wrapKey(shared, ephemeralPublicKey, publicKey, vaultId, nameHash);
    try {
      return Aead.open(wrapKey, wrappedDataKey, nameHash);
    } finally {
      Wipe.bytes(shared);
      Wipe.bytes(wrapKey);
    }
  }

  private static byte[] wrapKey(byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic, byte[] vaultId,
      byte[] nameHash) {
    byte[] salt = new ByteWriter(64).bytes(ephemeralPublic).bytes(recipientPublic).toByteArray();
    byte[] info = new ByteWriter(96).bytes(WRAP_LABEL).bytes(vaultId).bytes(nameHash).toByteArray();
    return Hkdf.derive(shared, salt, info, Aead.KEY_LENGTH);
  }

  void write(ByteWriter out) {
    out.bytes(nameHash).bytes(publicKey)
        .u32(kdf.memoryKib()).u32(kdf.iterations()).u8(kdf.parallelism())
        .bytes(salt).shortBytes(sealedPrivateKey).bytes(ephemeralPublicKey).shortBytes(wrappedDataKey);
  }

  static Slot read(ByteReader in) {
    byte[] nameHash = in.bytes(NAME_HASH_LENGTH, "slot name hash");
    byte[] publicKey = in.bytes(X25519Keys.KEY_LENGTH, "slot public key");
    long memory = in.u32("slot Argon2 memory");
    long iterations = in.u32("slot Argon2 passes");
    int parallelism = in.u8("slot Argon2 lanes");
    String problem = KdfParams.problem((int) Math.min(memory, Integer.MAX_VALUE),
        (int) Math.min(iterations, Integer.MAX_VALUE), parallelism);
    if (problem != null) {
      throw in.corrupt("a key slot's KDF parameters are refused: " + problem);
    }
    KdfParams kdf = new KdfParams((int) memory, (int) iterations, parallelism);
    byte[] salt = in.bytes(SALT_LENGTH, "slot salt");
    byte[] sealed = in.shortBytes("slot sealed private key");
    byte[] ephemeral = in.bytes(X25519Keys.KEY_LENGTH, "slot ephemeral key");
    byte[] wrapped = in.shortBytes("slot wrapped data key");
    if (sealed.length != X25519Keys.KEY_LENGTH + Aead.OVERHEAD || wrapped.length != Aead.KEY_LENGTH + Aead.OVERHEAD) {
      throw in.corrupt("a key slot's sealed keys have the wrong length");
    }
    return new Slot(nameHash, publicKey, kdf, salt, sealed, ephemeral, wrapped);
  }
}
