package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A member's key slot in the vault header: the member's X25519 public key, their private key sealed under
 * Argon2id(passphrase), and what the member may unwrap, sealed to the public key: in format 1 the data key, in format 2
 * the member's {@link Keychain}. Binary layout in FORMAT.md.
 *
 * <p>A format-2 slot seals the vault's signing key (public half) beside the private key, so the member knows whose
 * signature the member table must carry; a slot carried over from format 1 ("legacy") seals the private key alone
 * until the member's passphrase is set again.
 *
 * <p>Thread-safety: immutable by convention (arrays are never modified after construction).
 */
final class Slot {
  static final int NAME_HASH_LENGTH = 32;
  static final int SALT_LENGTH = 16;
  static final int MAX_KEYCHAIN = 1 << 20;
  private static final int LEGACY_BLOB = X25519Keys.KEY_LENGTH;
  private static final int BLOB = X25519Keys.KEY_LENGTH + Ed25519Keys.KEY_LENGTH;
  private static final byte[] NAME_LABEL = "totpkit vault v1 member name".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEAL_V1 = "totpkit vault v1 private key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEAL_V2 = "totpkit vault v2 private key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_V1 = "totpkit vault v1 data key wrap".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_V2 = "totpkit vault v2 keychain wrap".getBytes(StandardCharsets.US_ASCII);

  final int format;
  final byte[] nameHash;
  final byte[] publicKey;
  final KdfParams kdf;
  final byte[] salt;
  final byte[] sealedPrivateKey;
  final byte[] ephemeralPublicKey;
  final byte[] wrapped;

  private Slot(int format, byte[] nameHash, byte[] publicKey, KdfParams kdf, byte[] salt, byte[] sealedPrivateKey,
      byte[] ephemeralPublicKey, byte[] wrapped) {
    this.format = format;
    this.nameHash = nameHash;
    this.publicKey = publicKey;
    this.kdf = kdf;
    this.salt = salt;
    this.sealedPrivateKey = sealedPrivateKey;
    this.ephemeralPublicKey = ephemeralPublicKey;
    this.wrapped = wrapped;
  }

  /** The slot's lookup key: SHA-256 over a label, the vault id and the member's name, so names are not stored. */
  static byte[] nameHash(byte[] vaultId, String member) {
    java.security.MessageDigest digest = Digests.sha256();
    digest.update(NAME_LABEL);
    digest.update(vaultId);
    digest.update(member.getBytes(StandardCharsets.UTF_8));
    return digest.digest();
  }

  /** The slot of {@code nameHash} among {@code slots}, or {@code null}: the one lookup of a member's slot. */
  static Slot find(java.util.List<Slot> slots, byte[] nameHash) {
    for (Slot slot : slots) {
      if (java.security.MessageDigest.isEqual(slot.nameHash, nameHash)) {
        return slot;
      }
    }
    return null;
  }

  /** Whether the sealed private key was carried over from format 1 and names no signing key. */
  boolean isLegacy() {
    return sealedPrivateKey.length == LEGACY_BLOB + Aead.OVERHEAD;
  }

  private byte[] sealAad(byte[] vaultId) {
    return sealAad(isLegacy() ? SEAL_V1 : SEAL_V2, vaultId, nameHash, publicKey, kdf, salt);
  }

  /** Associated data of the sealed private key: binds it to the vault, the name, the public key and the KDF input. */
  private static byte[] sealAad(byte[] label, byte[] vaultId, byte[] nameHash, byte[] publicKey, KdfParams kdf,
      byte[] salt) {
    return new ByteWriter(160).bytes(label).bytes(vaultId).bytes(nameHash).bytes(publicKey)
        .u32(kdf.memoryKib()).u32(kdf.iterations()).u8(kdf.parallelism()).bytes(salt).toByteArray();
  }

  /**
   * Seals a format-2 slot's private key, with the vault's signing key beside it, under a passphrase-derived key; the
   * keychain is wrapped later ({@link #withKeychain}).
   */
  static Slot seal(byte[] vaultId, byte[] nameHash, byte[] privateKey, byte[] signingPublicKey, byte[] passphraseUtf8,
      KdfParams kdf, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] publicKey = X25519Keys.publicKey(privateKey);
    byte[] blob = new ByteWriter(BLOB).bytes(privateKey).bytes(signingPublicKey).toByteArray();
    byte[] passKey = Argon2id.derive(passphraseUtf8, salt, kdf, Aead.KEY_LENGTH);
    try {
      byte[] sealed = Aead.seal(passKey, blob, sealAad(SEAL_V2, vaultId, nameHash, publicKey, kdf, salt), random);
      return new Slot(VaultFile.VERSION, nameHash, publicKey, kdf, salt, sealed, new byte[X25519Keys.KEY_LENGTH],
          new byte[0]);
    } finally {
      Wipe.bytes(passKey);
      Wipe.bytes(blob);
    }
  }

  /**
   * Opens the sealed private key with a passphrase: the private key followed, in a format-2 slot, by the vault's
   * signing key.
   *
   * @return the opened bytes (the caller zeroes them), or {@code null} if the passphrase is wrong
   */
  byte[] openPrivateKey(byte[] vaultId, byte[] passphraseUtf8) {
    byte[] passKey = Argon2id.derive(passphraseUtf8, salt, kdf, Aead.KEY_LENGTH);
    try {
      return Aead.open(passKey, sealedPrivateKey, sealAad(vaultId));
    } finally {
      Wipe.bytes(passKey);
    }
  }

  /** Returns a format-2 copy of this slot with {@code keychain} (plaintext) wrapped to its public key. */
  Slot withKeychain(byte[] vaultId, byte[] keychain, SecureRandom random) {
    byte[] ephemeralPrivate = X25519Keys.generatePrivateKey(random);
    byte[] ephemeralPublic = X25519Keys.publicKey(ephemeralPrivate);
    byte[] shared = X25519Keys.agree(ephemeralPrivate, publicKey);
    byte[] wrapKey = wrapKey(WRAP_V2, shared, ephemeralPublic, publicKey, vaultId, nameHash);
    try {
      return new Slot(VaultFile.VERSION, nameHash, publicKey, kdf, salt, sealedPrivateKey, ephemeralPublic,
          Aead.seal(wrapKey, keychain, nameHash, random));
    } finally {
      Wipe.bytes(ephemeralPrivate);
      Wipe.bytes(shared);
      Wipe.bytes(wrapKey);
    }
  }

  /**
   * Unwraps what the slot carries for its member: the data key (format 1) or the keychain (format 2), with the
   * member's private key (the construction of {@code age}'s X25519 recipients).
   *
   * @return the plaintext, or {@code null} if it does not verify
   */
  byte[] unwrap(byte[] vaultId, byte[] privateKey) {
    byte[] shared = X25519Keys.agree(privateKey, ephemeralPublicKey);
    byte[] wrapKey = wrapKey(format == 1 ? WRAP_V1 : WRAP_V2, shared, ephemeralPublicKey, publicKey, vaultId,
        nameHash);
    try {
      return Aead.open(wrapKey, wrapped, nameHash);
    } finally {
      Wipe.bytes(shared);
      Wipe.bytes(wrapKey);
    }
  }

  private static byte[] wrapKey(byte[] label, byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic,
      byte[] vaultId, byte[] nameHash) {
    byte[] salt = new ByteWriter(64).bytes(ephemeralPublic).bytes(recipientPublic).toByteArray();
    byte[] info = new ByteWriter(96).bytes(label).bytes(vaultId).bytes(nameHash).toByteArray();
    return Hkdf.derive(shared, salt, info, Aead.KEY_LENGTH);
  }

  void write(ByteWriter out) {
    out.bytes(nameHash).bytes(publicKey)
        .u32(kdf.memoryKib()).u32(kdf.iterations()).u8(kdf.parallelism())
        .bytes(salt).shortBytes(sealedPrivateKey).bytes(ephemeralPublicKey).longBytes(wrapped);
  }

  /** Reads a slot of a file of format {@code format}. */
  static Slot read(ByteReader in, int format) {
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
    byte[] wrapped = format == 1 ? in.shortBytes("slot wrapped data key") : in.longBytes("slot keychain", MAX_KEYCHAIN);
    boolean sealedOk = sealed.length == LEGACY_BLOB + Aead.OVERHEAD || (format > 1 && sealed.length == BLOB
        + Aead.OVERHEAD);
    boolean wrappedOk = format == 1 ? wrapped.length == Aead.KEY_LENGTH + Aead.OVERHEAD : wrapped.length
        > Aead.OVERHEAD;
    if (!sealedOk || !wrappedOk) {
      throw in.corrupt("a key slot's sealed keys have the wrong length");
    }
    return new Slot(format, nameHash, publicKey, kdf, salt, sealed, ephemeral, wrapped);
  }

  /** This slot with the passphrase-sealed private key (and its KDF input) of {@code resealed}, keychain kept. */
  Slot withSealedPrivateKey(Slot resealed) {
    return new Slot(format, nameHash, publicKey, resealed.kdf, resealed.salt, resealed.sealedPrivateKey,
        ephemeralPublicKey, wrapped);
  }

  /** A format-1 slot as a format-2 file carries it (the keychain wrapped later): the legacy sealed private key. */
  Slot carriedOver() {
    return new Slot(VaultFile.VERSION, nameHash, publicKey, kdf, salt, sealedPrivateKey, ephemeralPublicKey,
        new byte[0]);
  }
}
