package io.totpkit.vault;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/** Builds files an attacker could write: a real file with its slot table replaced, checksum recomputed. */
final class Forge {
  private Forge() {}

  static byte[] withSlots(VaultFile file, List<Slot> slots) throws Exception {
    ByteWriter header = new ByteWriter(512);
    header.bytes(file.vaultId).u64(file.generation).u64(file.savedAtMillis).bytes(file.commitment)
        .bytes(file.bodySalt).u16(slots.size());
    slots.forEach(slot -> slot.write(header));
    byte[] fields = header.toByteArray();
    ByteWriter out = new ByteWriter(fields.length + file.bodyLength + 64);
    out.bytes(VaultFile.MAGIC).u16(VaultFile.VERSION).u32(fields.length).bytes(fields).u32(file.bodyLength)
        .bytes(Arrays.copyOfRange(file.file, file.bodyOffset, file.bodyOffset + file.bodyLength));
    byte[] body = out.toByteArray();
    byte[] result = Arrays.copyOf(body, body.length + 32);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(body);
    digest.digest(result, body.length, 32);
    return result;
  }
}
