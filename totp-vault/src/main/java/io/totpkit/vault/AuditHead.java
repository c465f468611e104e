package io.totpkit.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The audit head (FORMAT.md, "audit head"): where the journal ended after its last forced append, kept beside the
 * journal and MACed under the audit key of its epoch. The vault image anchors the journal only at each save; the head
 * anchors it after every forced reveal too, so records cut from the journal's end are reported instead of passing for
 * a journal that never had them. Written after the journal is forced, so it never names records a crash could lose.
 *
 * <p>Thread-safety: stateless.
 */
final class AuditHead {
  static final byte[] MAGIC = {(byte) 0x89, 'T', 'O', 'T', 'P', 'H', '\r', '\n'};
  static final int VERSION = 1;
  static final int LENGTH = MAGIC.length + 2 + VaultFile.VAULT_ID_LENGTH + 4 + 8 + 8 + 32 + 32;
  static final byte[] KEY_LABEL = "totpkit audit v2 head".getBytes(StandardCharsets.US_ASCII);

  /** A verified head: the journal's record count, length and last record's MAC. */
  static final class Head {
    final long count;
    final long length;
    final byte[] headMac;

    Head(long count, long length, byte[] headMac) {
      this.count = count;
      this.length = length;
      this.headMac = headMac;
    }
  }

  private AuditHead() {}

  /** The key of an epoch's heads. */
  static byte[] key(byte[] auditSecret, byte[] vaultId) {
    return Hkdf.derive(auditSecret, vaultId, KEY_LABEL, 32);
  }

  /**
   * Checks that the journal still reaches the head kept beside it: at least as long, with the head's MAC at the
   * head's position.
   *
   * @param required whether a missing head is tampering (an image of format 2 always has one beside it)
   * @throws AuditTamperedException if records were cut from the journal's end, or the head is missing or altered
   */
  static void check(ByteLog log, byte[] vaultId, List<byte[]> keys, long journalLength, boolean required) {
    if (!log.keepsHead()) {
      return;
    }
    byte[] bytes = log.readHead();
    if (bytes == null) {
      if (required) {
        throw new AuditTamperedException("the audit head file beside the journal is missing: it was deleted");
      }
      return;
    }
    Head head = decode(bytes, vaultId, keys);
    if (head.length > journalLength || (head.count > 0
        && !MessageDigest.isEqual(log.read(head.length - 32, 32), head.headMac))) {
      throw new AuditTamperedException("records were cut from the end of the audit journal: its head records "
          + head.count + " records in " + head.length + " bytes, the journal holds " + journalLength + " bytes");
    }
  }

  static byte[] encode(byte[] vaultId, int epoch, byte[] key, long count, long length, byte[] headMac) {
    ByteWriter out = new ByteWriter(LENGTH);
    out.bytes(MAGIC).u16(VERSION).bytes(vaultId).u32(epoch).u64(count).u64(length).bytes(headMac);
    byte[] fields = out.toByteArray();
    return out.bytes(Digests.hmac(key, fields)).exact();
  }

  /**
   * Checks a head's bytes against the vault and the audit keys of every epoch.
   *
   * @throws AuditTamperedException if it is malformed, of another vault, or its MAC fails
   */
  static Head decode(byte[] bytes, byte[] vaultId, List<byte[]> keys) {
    if (bytes.length != LENGTH || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new AuditTamperedException("the audit head file is not an audit head");
    }
    ByteReader in = new ByteReader(bytes, MAGIC.length, LENGTH - MAGIC.length, "audit head");
    int version = in.u16("version");
    byte[] id = in.bytes(VaultFile.VAULT_ID_LENGTH, "vault id");
    long epoch = in.u32("epoch");
    long count = in.u64("count");
    long length = in.u64("length");
    byte[] headMac = in.bytes(32, "head MAC");
    byte[] mac = in.bytes(32, "MAC");
    if (version != VERSION || !MessageDigest.isEqual(id, vaultId) || epoch >= keys.size() || count < 0
        || length < AuditJournal.HEADER_LENGTH) {
      throw new AuditTamperedException("the audit head file belongs to another vault or was altered");
    }
    byte[] expected = Digests.hmac(keys.get((int) epoch), Arrays.copyOf(bytes, LENGTH - 32));
    if (!MessageDigest.isEqual(expected, mac)) {
      throw new AuditTamperedException("the audit head file fails its MAC: it was altered");
    }
    return new Head(count, length, headMac);
  }
}
