package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer container of a vault file, version 1 (FORMAT.md): magic, version, header (vault id, generation, key
 * commitment, body salt, key slots), the sealed body, and a SHA-256 trailer over everything before it.
 *
 * <p>{@link #parse} checks, in this order: magic (else {@link NotAVaultFileException}), trailer checksum and exact
 * length (else {@link VaultCorruptedException}), version (else {@link UnsupportedVaultVersionException}), header
 * structure. It never tries a key: that comes after, in {@link Vault}.
 *
 * <p>Thread-safety: immutable by convention.
 */
final class VaultFile {
  /** {@code \x89 T O T P V \r \n}: a non-ASCII first byte and a CR LF pair catch text-mode mangling, as PNG's do. */
  static final byte[] MAGIC = {(byte) 0x89, 'T', 'O', 'T', 'P', 'V', '\r', '\n'};
  static final int VERSION = 1;
  static final int VAULT_ID_LENGTH = 16;
  static final int BODY_SALT_LENGTH = 32;
  static final int PREFIX_LENGTH = MAGIC.length + 2 + 4;
  static final int CHECKSUM_LENGTH = Digests.SHA256_LENGTH;
  static final int MAX_FILE_LENGTH = 1 << 30;
  static final int MAX_SLOTS = 4096;
  private static final byte[] BODY_LABEL = "totpkit vault v1 body".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMIT_LABEL = "totpkit vault v1 key commitment".getBytes(StandardCharsets.US_ASCII);

  final byte[] vaultId;
  final long generation;
  final long savedAtMillis;
  final byte[] commitment;
  final byte[] bodySalt;
  final List<Slot> slots;
  final byte[] file;
  final int headerEnd;
  final int bodyOffset;
  final int bodyLength;

  private VaultFile(byte[] vaultId, long generation, long savedAtMillis, byte[] commitment, byte[] bodySalt,
      List<Slot> slots, byte[] file, int headerEnd, int bodyOffset, int bodyLength) {
    this.vaultId = vaultId;
    this.generation = generation;
    this.savedAtMillis = savedAtMillis;
    this.commitment = commitment;
    this.bodySalt = bodySalt;
    this.slots = slots;
    this.file = file;
    this.headerEnd = headerEnd;
    this.bodyOffset = bodyOffset;
    this.bodyLength = bodyLength;
  }

  /** The key commitment: HMAC-SHA-256 of a fixed label and the vault id under the data key (GCM does not commit). */
  static byte[] commitment(byte[] dataKey, byte[] vaultId) {
    return Digests.hmac(dataKey, COMMIT_LABEL, vaultId);
  }

  /** The body key of one save: HKDF-SHA-256(data key, salt = that save's random body salt). */
  static byte[] bodyKey(byte[] dataKey, byte[] bodySalt, byte[] vaultId) {
    byte[] info = new ByteWriter(64).bytes(BODY_LABEL).bytes(vaultId).toByteArray();
    return Hkdf.derive(dataKey, bodySalt, info, Aead.KEY_LENGTH);
  }

  /** Returns the slot of a member's name hash, or {@code null}. */
  Slot slot(byte[] nameHash) {
    for (Slot slot : slots) {
      if (MessageDigest.isEqual(slot.nameHash, nameHash)) {
        return slot;
      }
    }
    return null;
  }

  /** Opens the body with the data key: {@code null} if it does not verify. */
  byte[] openBody(byte[] dataKey) {
    byte[] key = bodyKey(dataKey, bodySalt, vaultId);
    try {
      byte[] aad = java.util.Arrays.copyOfRange(file, 0, headerEnd);
      return Aead.open(key, file, bodyOffset, bodyLength, aad);
    } finally {
      Wipe.bytes(key);
    }
  }

  /** Writes a complete file: header, body sealed under a fresh per-save key, trailer. */
  static byte[] write(byte[] vaultId, long generation, long savedAtMillis, byte[] dataKey, List<Slot> slots,
      byte[] bodyPlaintext, java.security.SecureRandom random) {
    byte[] bodySalt = new byte[BODY_SALT_LENGTH];
    random.nextBytes(bodySalt);
    ByteWriter header = new ByteWriter(256 + slots.size() * 256);
    header.bytes(vaultId).u64(generation).u64(savedAtMillis).bytes(commitment(dataKey, vaultId)).bytes(bodySalt)
        .u16(slots.size());
    for (Slot slot : slots) {
      slot.write(header);
    }
    byte[] headerFields = header.toByteArray();
    ByteWriter prefix = new ByteWriter(PREFIX_LENGTH + headerFields.length);
    prefix.bytes(MAGIC).u16(VERSION).u32(headerFields.length).bytes(headerFields);
    byte[] aad = prefix.toByteArray();
    byte[] key = bodyKey(dataKey, bodySalt, vaultId);
    byte[] sealed;
    try {
      sealed = Aead.seal(key, bodyPlaintext, aad, random);
    } finally {
      Wipe.bytes(key);
    }
    int length = aad.length + 4 + sealed.length + CHECKSUM_LENGTH;
    byte[] file = new byte[length];
    System.arraycopy(aad, 0, file, 0, aad.length);
    int at = aad.length;
    file[at] = (byte) (sealed.length >>> 24);
    file[at + 1] = (byte) (sealed.length >>> 16);
    file[at + 2] = (byte) (sealed.length >>> 8);
    file[at + 3] = (byte) sealed.length;
    System.arraycopy(sealed, 0, file, at + 4, sealed.length);
    MessageDigest digest = Digests.sha256();
    digest.update(file, 0, length - CHECKSUM_LENGTH);
    try {
      digest.digest(file, length - CHECKSUM_LENGTH, CHECKSUM_LENGTH);
    } catch (java.security.DigestException e) {
      throw new AssertionError("SHA-256 output fits its buffer", e);
    }
    return file;
  }

  /** Parses and checks a file's bytes without any key; see the class comment for the order of checks. */
  static VaultFile parse(byte[] file) {
    int length = file.length;
    int magicPart = Math.min(length, MAGIC.length);
    for (int i = 0; i < magicPart; i++) {
      if (file[i] != MAGIC[i]) {
        throw new NotAVaultFileException("not a totpkit vault file: it does not start with the vault magic bytes");
      }
    }
    if (length == 0) {
      throw new VaultCorruptedException("the vault file is empty");
    }
    if (length < PREFIX_LENGTH + 4 + CHECKSUM_LENGTH) {
      throw new VaultCorruptedException("the vault file is truncated: " + length + " bytes is shorter than any vault");
    }
    MessageDigest digest = Digests.sha256();
    digest.update(file, 0, length - CHECKSUM_LENGTH);
    byte[] expected = digest.digest();
    byte[] actual = java.util.Arrays.copyOfRange(file, length - CHECKSUM_LENGTH, length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new VaultCorruptedException("the vault file is damaged: its SHA-256 checksum does not match (a byte was "
          + "changed, cut off or added); restore " + "the previous generation (.bak) or a backup");
    }
    ByteReader in = new ByteReader(file, 0, length - CHECKSUM_LENGTH, "vault file");
    in.bytes(MAGIC.length, "magic");
    int version = in.u16("version");
    if (version > VERSION) {
      throw new UnsupportedVaultVersionException("the vault file has format version " + version
          + "; this totpkit reads version " + VERSION + " only: upgrade totpkit to open it");
    }
    if (version < 1) {
      throw in.corrupt("format version 0 does not exist");
    }
    int headerLength = in.length("header length", length);
    int headerStart = in.position();
    ByteReader header = new ByteReader(file, headerStart, Math.min(headerLength, in.remaining()), "vault header");
    in.bytes(headerLength, "header");
    int headerEnd = in.position();
    byte[] vaultId = header.bytes(VAULT_ID_LENGTH, "vault id");
    long generation = header.u64("generation");
    long savedAt = header.u64("saved time");
    byte[] commitment = header.bytes(Digests.SHA256_LENGTH, "key commitment");
    byte[] bodySalt = header.bytes(BODY_SALT_LENGTH, "body salt");
    int slotCount = header.u16("slot count");
    if (slotCount == 0 || slotCount > MAX_SLOTS) {
      throw header.corrupt("slot count " + slotCount + " is out of range");
    }
    List<Slot> slots = new ArrayList<>(slotCount);
    for (int i = 0; i < slotCount; i++) {
      slots.add(Slot.read(header));
    }
    header.expectEnd();
    int bodyLength = in.length("body length", length);
    int bodyOffset = in.position();
    in.bytes(bodyLength, "body");
    in.expectEnd();
    if (bodyLength < Aead.OVERHEAD) {
      throw new VaultCorruptedException("the vault body is shorter than its nonce and tag");
    }
    return new VaultFile(vaultId, generation, savedAt, commitment, bodySalt, List.copyOf(slots), file, headerEnd,
        bodyOffset, bodyLength);
  }
}
