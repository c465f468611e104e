package io.totpkit.vault;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/** Builds files an attacker could write: a real file with its slot table replaced, checksum recomputed. */
final class Forge {
  private Forge() {}

  static byte[] withSlots(VaultFile file, List<Slot> slots) throws Exception {
    ByteWriter header = new ByteWriter(512);
    header.bytes(file.vaultId).u64(file.generation).u64(file.savedAtMillis).bytes(file.commitment).u16(slots.size());
    slots.forEach(slot -> slot.write(header));
    byte[] fields = header.toByteArray();
    ByteWriter out = new ByteWriter(file.file.length + 1024);
    out.bytes(VaultFile.MAGIC).u16(VaultFile.VERSION).u32(fields.length).bytes(fields)
        .bytes(Arrays.copyOfRange(file.file, file.headerEnd, file.file.length - VaultFile.CHECKSUM_LENGTH));
    return withChecksum(out.toByteArray());
  }

  /**
   * What a member who knows the common key can write: the file with a new common part (sealed under that key, bound
   * to the new header) and new slots, the owner block and sections copied byte for byte.
   */
  static byte[] withCommon(VaultFile file, List<Slot> slots, byte[] commonKey, byte[] commonPlaintext) {
    return VaultFile.write(file.vaultId, file.generation + 1, file.savedAtMillis, file.commitment, slots, 0,
        (header, out) -> {
          Section.sealPart(out, commonKey, VaultFile.COMMON_LABEL, file.vaultId, commonPlaintext, header,
              new java.security.SecureRandom());
          out.bytes(file.ownerBlock());
          out.u32(file.sections.size());
          file.sections.forEach(section -> out.bytes(section.raw));
        });
  }

  /** {@code body} followed by its SHA-256. */
  static byte[] withChecksum(byte[] body) throws Exception {
    byte[] result = Arrays.copyOf(body, body.length + 32);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(body);
    digest.digest(result, body.length, 32);
    return result;
  }

  /** The common key a slot's keychain holds, opened with the member's private key; {@code null} if it does not. */
  static byte[] commonKey(VaultFile file, Slot slot, byte[] privateKey) {
    byte[] chain = slot.unwrap(file.vaultId, privateKey);
    return chain == null ? null : Keychain.decode(chain).commonKey;
  }

  /** Whether {@code commonKey} opens the file's common part. */
  static boolean opensCommon(VaultFile file, byte[] commonKey) {
    return file.openPart(0, commonKey, VaultFile.COMMON_LABEL, file.header()) != null;
  }
}
