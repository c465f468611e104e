package io.totpkit.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outer container of a vault file (FORMAT.md): magic, version, header (vault id, generation, key commitment, key
 * slots), the sealed parts, and a SHA-256 trailer over everything before it. Format 2 (written) seals a common part,
 * an owner block and one section per tag set; format 1 (read, then upgraded) sealed one body.
 *
 * <p>{@link #parse} checks, in this order: magic (else {@link NotAVaultFileException}), trailer checksum and exact
 * length (else {@link VaultCorruptedException}), version (else {@link UnsupportedVaultVersionException}), structure. It
 * never tries a key: that comes after, in {@link ImageOpener}.
 *
 * <p>Thread-safety: immutable by convention.
 */
final class VaultFile {
  /** {@code \x89 T O T P V \r \n}: a non-ASCII first byte and a CR LF pair catch text-mode mangling, as PNG's do. */
  static final byte[] MAGIC = {(byte) 0x89, 'T', 'O', 'T', 'P', 'V', '\r', '\n'};
  static final int VERSION = 2;
  static final int VAULT_ID_LENGTH = 16;
  static final int PREFIX_LENGTH = MAGIC.length + 2 + 4;
  static final int CHECKSUM_LENGTH = Digests.SHA256_LENGTH;
  static final int MAX_FILE_LENGTH = 1 << 30;
  static final int MAX_SLOTS = 4096;
  static final int MAX_SECTIONS = 1 << 20;
  static final byte[] COMMON_LABEL = "totpkit vault v2 common".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OWNER_LABEL = "totpkit vault v2 owner".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMIT_LABEL = "totpkit vault v1 key commitment".getBytes(StandardCharsets.US_ASCII);

  final int format;
  final byte[] vaultId;
  final long generation;
  final long savedAtMillis;
  final byte[] commitment;
  final List<Slot> slots;
  final byte[] file;
  final int headerEnd;
  /** Format 1: the body salt; format 2: unused. */
  final byte[] bodySalt;
  /** Format 1: the sealed body; format 2: the common part, then the owner block (salt, length, sealed each). */
  final int[] parts;
  final List<Section> sections;

  private VaultFile(int format, byte[] vaultId, long generation, long savedAtMillis, byte[] commitment,
      List<Slot> slots, byte[] file, int headerEnd, byte[] bodySalt, int[] parts, List<Section> sections) {
    this.format = format;
    this.vaultId = vaultId;
    this.generation = generation;
    this.savedAtMillis = savedAtMillis;
    this.commitment = commitment;
    this.slots = slots;
    this.file = file;
    this.headerEnd = headerEnd;
    this.bodySalt = bodySalt;
    this.parts = parts;
    this.sections = sections;
  }

  /** The key commitment: HMAC-SHA-256 of a fixed label and the vault id under the data key (GCM does not commit). */
  static byte[] commitment(byte[] key, byte[] vaultId) {
    return Digests.hmac(key, COMMIT_LABEL, vaultId);
  }

  /** Returns the slot of a member's name hash, or {@code null}. */
  Slot slot(byte[] nameHash) {
    return Slot.find(slots, nameHash);
  }

  /** The bytes the common part authenticates: everything before it (magic, version, header). */
  byte[] header() {
    return Arrays.copyOfRange(file, 0, headerEnd);
  }

  /**
   * Opens sealed part {@code index} (0 the common part, 1 the owner block) with its key; {@code null} if it fails
   * authentication.
   */
  byte[] openPart(int index, byte[] key, byte[] label, byte[] aad) {
    int at = parts[index];
    byte[] salt = Arrays.copyOfRange(file, at, at + Section.SALT_LENGTH);
    int length = new ByteReader(file, at + Section.SALT_LENGTH, 4, "part length").length("part", Integer.MAX_VALUE);
    return Section.openPart(key, label, vaultId, salt, file, at + Section.SALT_LENGTH + 4, length, aad);
  }

  /** The owner block as the file holds it (salt, length, sealed), which an OPERATOR's save copies unchanged. */
  byte[] ownerBlock() {
    return Arrays.copyOfRange(file, parts[1], parts[2]);
  }

  /**
   * Writes a complete format-2 file.
   *
   * @param seal appends the sealed parts, given the header bytes they authenticate
   */
  static byte[] write(byte[] vaultId, long generation, long savedAtMillis, byte[] commitment, List<Slot> slots,
      int partsLength, java.util.function.BiConsumer<byte[], ByteWriter> seal) {
    ByteWriter header = new ByteWriter(256 + slots.size() * 512);
    header.bytes(vaultId).u64(generation).u64(savedAtMillis).bytes(commitment).u16(slots.size());
    slots.forEach(slot -> slot.write(header));
    byte[] fields = header.toByteArray();
    ByteWriter out = new ByteWriter(PREFIX_LENGTH + fields.length + partsLength + CHECKSUM_LENGTH);
    out.bytes(MAGIC).u16(VERSION).u32(fields.length).bytes(fields);
    seal.accept(out.toByteArray(), out);
    MessageDigest digest = Digests.sha256();
    out.digest(digest);
    return out.bytes(digest.digest()).exact();
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
    byte[] expected = Digests.sha256(file, 0, length - CHECKSUM_LENGTH);
    byte[] actual = Arrays.copyOfRange(file, length - CHECKSUM_LENGTH, length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new VaultCorruptedException("the vault file is damaged: its SHA-256 checksum does not match (a byte was "
          + "changed, cut off or added); restore " + "the previous generation (.bak) or a backup");
    }
    ByteReader in = new ByteReader(file, 0, length - CHECKSUM_LENGTH, "vault file");
    in.bytes(MAGIC.length, "magic");
    int version = in.u16("version");
    if (version > VERSION) {
      throw new UnsupportedVaultVersionException("the vault file has format version " + version
          + "; this totpkit reads versions 1 and " + VERSION + ": upgrade totpkit to open it");
    }
    if (version < 1) {
      throw in.corrupt("format version 0 does not exist");
    }
    int headerLength = in.length("header length", length);
    ByteReader header = new ByteReader(file, in.position(), Math.min(headerLength, in.remaining()), "vault header");
    in.bytes(headerLength, "header");
    int headerEnd = in.position();
    byte[] vaultId = header.bytes(VAULT_ID_LENGTH, "vault id");
    long generation = header.u64("generation");
    long savedAt = header.u64("saved time");
    byte[] commitment = header.bytes(Digests.SHA256_LENGTH, "key commitment");
    byte[] bodySalt = version == 1 ? header.bytes(32, "body salt") : null;
    int slotCount = header.u16("slot count");
    if (slotCount == 0 || slotCount > MAX_SLOTS) {
      throw header.corrupt("slot count " + slotCount + " is out of range");
    }
    List<Slot> slots = new ArrayList<>(slotCount);
    for (int i = 0; i < slotCount; i++) {
      slots.add(Slot.read(header, version));
    }
    header.expectEnd();
    int[] parts;
    List<Section> sections = new ArrayList<>();
    if (version == 1) {
      int bodyLength = in.length("body length", length);
      parts = new int[] {in.position(), bodyLength};
      in.bytes(bodyLength, "body");
      if (bodyLength < Aead.OVERHEAD) {
        throw new VaultCorruptedException("the vault body is shorter than its nonce and tag");
      }
    } else {
      parts = new int[3];
      for (int i = 0; i < 2; i++) {
        parts[i] = in.position();
        in.bytes(Section.SALT_LENGTH, "part salt");
        in.bytes(in.length("part length", length), "part");
      }
      parts[2] = in.position();
      int count = in.length("section count", MAX_SECTIONS);
      for (int i = 0; i < count; i++) {
        sections.add(Section.read(in));
      }
    }
    in.expectEnd();
    return new VaultFile(version, vaultId, generation, savedAt, commitment, List.copyOf(slots), file, headerEnd,
        bodySalt, parts, List.copyOf(sections));
  }
}
