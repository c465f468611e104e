package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The append-only audit journal beside a vault ({@code <name>.audit}, FORMAT.md "audit journal"): each record sealed
 * with AES-256-GCM and chained by HMAC-SHA-256 over the previous record's MAC, so editing, reordering, inserting or
 * dropping a record breaks the chain. The vault file anchors the chain (length, count, head MAC at its last save), so
 * cutting records before the anchor is caught too.
 *
 * <p>Why a journal and not records in the vault file: a reveal must be recorded before its code is returned, and
 * rewriting a 2 MB (10 000 entries) or 20 MB (100 000 entries) file per reveal would cost milliseconds to tens of
 * milliseconds. An append costs one small write (and one fsync unless {@link VaultOptions#syncRevealAudit()} is off).
 *
 * <p>Thread-safety: not thread-safe; {@link Vault} calls it while holding its locks.
 */
final class AuditJournal implements AutoCloseable {
  static final byte[] MAGIC = {(byte) 0x89, 'T', 'O', 'T', 'P', 'A', '\r', '\n'};
  static final int VERSION = 1;
  static final int HEADER_LENGTH = MAGIC.length + 2 + VaultFile.VAULT_ID_LENGTH;
  static final int MAC_LENGTH = 32;
  static final int MAX_RECORD = 4096;
  private static final byte[] GENESIS_LABEL = "totpkit audit v1 genesis".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SEAL_LABEL = "totpkit audit v1 seal".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CHAIN_LABEL = "totpkit audit v1 chain".getBytes(StandardCharsets.US_ASCII);

  /** A record before sealing. */
  static final class Entry {
    final Instant time;
    final String member;
    final AuditAction action;
    final UUID entryId;
    final String subject;
    final String detail;

    Entry(Instant time, String member, AuditAction action, UUID entryId, String subject, String detail) {
      this.time = time;
      this.member = member;
      this.action = action;
      this.entryId = entryId;
      this.subject = subject;
      this.detail = detail;
    }
  }

  private final ByteLog log;
  private final byte[] vaultId;
  private long length;
  private long count;
  private byte[] headMac;
  private long lastTime = -1;
  private final List<AeadKey> sealKeys = new ArrayList<>();
  private final List<byte[]> macKeys = new ArrayList<>();
  private final List<byte[]> headKeys = new ArrayList<>();
  /** Whether a head must be beside the journal: the image is of format 2, whose every save leaves one. */
  private boolean headRequired;
  private Mac mac;
  private int macEpoch = -1;

  private final GroupCommit group;

  private AuditJournal(ByteLog log, byte[] vaultId) {
    this.log = log;
    this.vaultId = vaultId;
    this.group = new GroupCommit(log);
  }

  static byte[] genesis(byte[] vaultId) {
    return Digests.hmac(GENESIS_LABEL, vaultId);
  }

  /** Starts a new, empty journal in an empty log; takes ownership of the log. */
  static AuditJournal create(ByteLog log, byte[] vaultId, List<byte[]> auditSecrets) {
    AuditJournal journal = new AuditJournal(log, vaultId);
    try {
      journal.setSecrets(auditSecrets);
      log.append(0, new ByteWriter(HEADER_LENGTH).bytes(MAGIC).u16(VERSION).bytes(vaultId).toByteArray());
      log.force();
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    journal.length = HEADER_LENGTH;
    journal.count = 0;
    journal.headMac = genesis(vaultId);
    return journal;
  }

  /**
   * Opens the journal at the vault image's anchor, first appending the records of the image's change if a crash
   * stopped their writer between publishing the image and appending them, then catches up with the records appended
   * after the anchor (reveals and exports); takes ownership of the log. The caller holds the vault lock.
   *
   * @param pending the records the image carries for its change, or {@code null} (format 1)
   * @param generation the image's generation: no record after the anchor may belong to a later one
   * @throws VaultRolledBackException if the journal holds what a later image saved (the image is an older copy)
   */
  static AuditJournal open(ByteLog log, byte[] vaultId, List<byte[]> auditSecrets, AuditAnchor anchor, PreparedRecords pending,
      long generation) {
    AuditJournal journal = new AuditJournal(log, vaultId);
    try {
      journal.setSecrets(auditSecrets);
      journal.checkHeader();
      if (pending != null && log.size() < anchor.length) {
        journal.recover(pending);
      }
      journal.resetTo(anchor);
      journal.catchUp(generation);
      journal.headRequired = pending != null;
      AuditHead.check(log, vaultId, journal.headKeys, journal.length, journal.headRequired);
      return journal;
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  private void checkHeader() {
    long size = log.size();
    if (size < HEADER_LENGTH) {
      throw new AuditTamperedException("the audit journal is shorter than its header");
    }
    byte[] header = readAt(0, HEADER_LENGTH);
    if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      throw new VaultCorruptedException(log.describe() + " is not a totpkit audit journal");
    }
    int version = ((header[8] & 0xFF) << 8) | (header[9] & 0xFF);
    if (version != VERSION) {
      // The vault file (checksummed) fixes the journal's format: any other number is damage.
      throw new VaultCorruptedException("the audit journal has format version " + version + " where the vault "
          + "file's format requires " + VERSION);
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(header, 10, HEADER_LENGTH), vaultId)) {
      throw new AuditTamperedException("the audit journal belongs to another vault");
    }
  }

  /** Appends the records a published image carries, cut off by a crash before they reached the journal. */
  private void recover(PreparedRecords pending) {
    long size = log.size();
    if (size < pending.before.length) {
      throw new AuditTamperedException("the audit journal is shorter (" + size + " bytes) than the vault file "
          + "records (" + pending.before.length + " bytes): records were dropped");
    }
    checkMacAt(pending.before);
    log.truncate(pending.before.length);
    log.append(pending.before.length, pending.bytes);
    log.force();
  }

  /** Positions at the anchor after checking that the anchored head MAC sits exactly there. */
  private void resetTo(AuditAnchor anchor) {
    long size = log.size();
    if (size < anchor.length) {
      throw new AuditTamperedException("the audit journal is shorter (" + size + " bytes) than the vault file "
          + "records (" + anchor.length + " bytes): records were dropped");
    }
    checkMacAt(anchor);
    length = anchor.length;
    count = anchor.count;
    headMac = anchor.headMac.clone();
    lastTime = anchor.lastTime;
  }

  private void checkMacAt(AuditAnchor anchor) {
    if (anchor.count == 0) {
      if (anchor.length != HEADER_LENGTH || !MessageDigest.isEqual(anchor.headMac, genesis(vaultId))) {
        throw new AuditTamperedException("the audit anchor of an empty journal is inconsistent");
      }
    } else if (!MessageDigest.isEqual(readAt(anchor.length - MAC_LENGTH, MAC_LENGTH), anchor.headMac)) {
      throw new AuditTamperedException("the audit journal does not end record " + (anchor.count - 1)
          + " where the vault file says: records were changed or dropped");
    }
  }

  /**
   * Reads and checks records appended since this object last looked, which can only be reveals and exports written
   * under the current image; cuts a torn tail. Every record's chain MAC is checked; only the newest is opened, since a
   * writer never writes a lower generation or an earlier time after a higher one ({@link #readAll} opens them all).
   * Caller holds the lock.
   *
   * @param generation the generation of the image in force
   * @throws VaultRolledBackException if the newest record was saved with, or written under, a later image
   */
  void catchUp(long generation) {
    long size = log.size();
    if (size < length) {
      throw new AuditTamperedException("the audit journal shrank from " + length + " to " + size
          + " bytes while open: records were dropped");
    }
    if (length > HEADER_LENGTH && !MessageDigest.isEqual(readAt(length - MAC_LENGTH, MAC_LENGTH), headMac)) {
      throw new AuditTamperedException("the audit journal's record " + (count - 1) + " was changed while open");
    }
    byte[] newest = null;
    while (length < size) {
      byte[] record = recordAt(length, size, count);
      if (record == null) {
        // A record cut short by a crash mid-append was never acknowledged: its call did not return.
        log.truncate(length);
        break;
      }
      headMac = checkLink(record, count, headMac, -1);
      newest = record;
      count++;
      length += 4 + record.length;
    }
    if (newest != null) {
      AuditRecord read = decrypt(newest, (int) u32(newest, 0), count - 1);
      if (read.saved || read.generation > generation) {
        throw new VaultRolledBackException("the audit journal records a change of vault generation "
            + read.generation + " (record " + read.sequence() + ", " + read.action() + "), but the vault file is "
            + "generation " + generation + ": the vault file was replaced by an older copy, such as its .bak");
      }
      lastTime = checkTime(read, lastTime);
    }
  }

  /**
   * The record at {@code at}, or {@code null} if the journal ends inside it (a torn append).
   *
   * @throws AuditTamperedException if its length prefix is impossible
   */
  private byte[] recordAt(long at, long size, long seq) {
    if (size - at < 4) {
      return null;
    }
    long recordLength = readU32(at);
    if (recordLength < 12 + Aead.OVERHEAD + MAC_LENGTH || recordLength > MAX_RECORD) {
      throw new AuditTamperedException("audit record " + seq + " has an impossible length " + recordLength);
    }
    return size - at - 4 < recordLength ? null : readAt(at + 4, (int) recordLength);
  }

  /** Refuses a format-2 record dated before its predecessor; returns its time. */
  private static long checkTime(AuditRecord record, long previousTime) {
    if (record.generation >= 0 && record.time().toEpochMilli() < previousTime) {
      throw new AuditTamperedException("audit record " + record.sequence() + " is dated " + record.time()
          + ", before the record that precedes it: records were reordered or forged");
    }
    return record.time().toEpochMilli();
  }

  /** Checks a record's epoch, sequence and MAC against the chain; returns its MAC. */
  private byte[] checkLink(byte[] record, long expectedSeq, byte[] previousMac, int minEpoch) {
    long epoch = u32(record, 0);
    long seq = u64(record, 4);
    if (epoch >= macKeys.size()) {
      throw new AuditTamperedException("audit record " + expectedSeq + " names an unknown key epoch " + epoch);
    }
    if (seq != expectedSeq) {
      throw new AuditTamperedException("audit record " + expectedSeq + " carries sequence number " + seq
          + ": records were reordered, dropped or inserted");
    }
    if (epoch < minEpoch) {
      throw new AuditTamperedException("audit record " + expectedSeq + " goes back to an older key epoch");
    }
    byte[] expected = chainMac((int) epoch, previousMac, record, 0, record.length - MAC_LENGTH);
    byte[] actual = Arrays.copyOfRange(record, record.length - MAC_LENGTH, record.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new AuditTamperedException("audit record " + expectedSeq + " fails its chain MAC: it or an earlier "
          + "record was edited, reordered or dropped");
    }
    return actual;
  }

  /**
   * Seals and chains records after the current head without writing them. A record's time is never before the
   * previous record's: a clock that runs behind the trail writes the trail's last time instead.
   *
   * @param saved whether the records are saved with a vault image (else they are appended on their own)
   * @param generation the generation of the image they are saved with, or of the image in force
   */
  PreparedRecords prepare(List<Entry> entries, boolean saved, long generation, SecureRandom random) {
    int epoch = sealKeys.size() - 1;
    ByteWriter out = new ByteWriter(entries.size() * 192);
    long seq = count;
    byte[] head = headMac;
    long time = lastTime;
    for (Entry entry : entries) {
      time = Math.max(time, entry.time.toEpochMilli());
      byte[] plain = AuditCodec.encode(entry, time, saved, generation);
      byte[] aad = new ByteWriter(28).bytes(vaultId).u32(epoch).u64(seq).toByteArray();
      byte[] sealed = sealKeys.get(epoch).seal(plain, aad, random);
      ByteWriter record = new ByteWriter(12 + sealed.length + MAC_LENGTH).u32(epoch).u64(seq).bytes(sealed);
      byte[] partial = record.toByteArray();
      head = chainMac(epoch, head, partial, 0, partial.length);
      record.bytes(head);
      out.u32(record.size()).bytes(record.toByteArray());
      seq++;
    }
    byte[] bytes = out.toByteArray();
    return new PreparedRecords(anchor(), bytes, new AuditAnchor(length + bytes.length, seq, head, time));
  }

  /** Writes prepared records at the end and (if {@code sync}) forces them to disk. Caller holds the lock. */
  void write(PreparedRecords prepared, boolean sync) {
    if (prepared.before.length != length) {
      throw new IllegalStateException("prepared records no longer follow the journal's head");
    }
    log.append(length, prepared.bytes);
    if (sync) {
      log.force();
    }
    length = prepared.after.length;
    count = prepared.after.count;
    headMac = prepared.after.headMac.clone();
    lastTime = prepared.after.lastTime;
    if (sync) {
      writeHead();
    }
  }

  /** Makes sure a head is beside the journal before an image of format 2 is published, forcing what it names. */
  void ensureHead() {
    if (log.keepsHead() && log.readHead() == null) {
      log.force();
      writeHead();
    }
  }

  /** Writes the audit head at the current end (which must be forced); a log that keeps none writes nothing. */
  void writeHead() {
    if (log.keepsHead()) {
      log.writeHead(headBytes());
    }
  }

  private byte[] headBytes() {
    int epoch = headKeys.size() - 1;
    return AuditHead.encode(vaultId, epoch, headKeys.get(epoch), count, length, headMac);
  }

  /**
   * Appends the records of a reveal, check or export and returns what makes them durable, for the caller to run once it
   * has released the vault's lock: a wait on the group commit, or nothing where the log does not group its forces (then
   * they were forced here).
   */
  Runnable appendGrouped(List<Entry> entries, long generation, SecureRandom random) {
    append(entries, !log.groupsForces(), generation, random);
    long position = length;
    group.written(position, log.keepsHead() ? headBytes() : null);
    return log.groupsForces() ? () -> group.await(position) : () -> { };
  }

  /**
   * Appends the records of a reveal, check or export, written under the image of {@code generation}, and (if
   * {@code sync}) forces them to disk. Caller holds the lock and has called {@link #catchUp}.
   */
  void append(List<Entry> entries, boolean sync, long generation, SecureRandom random) {
    write(prepare(entries, false, generation, random), sync);
  }

  /** Forces appended records to disk. */
  void force() {
    log.force();
  }

  AuditAnchor anchor() {
    return new AuditAnchor(length, count, headMac.clone(), lastTime);
  }

  long count() {
    return count;
  }

  /**
   * Reads and verifies the whole journal: every record's chain MAC, sequence, epoch order, seal and time order, that
   * the vault's anchor falls exactly on a record boundary with the anchored MAC, and that no change saved with an
   * image lies beyond it.
   */
  List<AuditRecord> readAll(AuditAnchor anchor) {
    checkHeader();
    List<AuditRecord> records = new ArrayList<>();
    long size = log.size();
    long at = HEADER_LENGTH;
    byte[] previous = genesis(vaultId);
    long seq = 0;
    int minEpoch = 0;
    long previousTime = -1;
    boolean anchorSeen = anchor.length == HEADER_LENGTH;
    if (anchorSeen && anchor.count != 0) {
      throw new AuditTamperedException("the audit anchor is inconsistent");
    }
    while (at < length) {
      byte[] record = recordAt(at, size, seq);
      if (record == null) {
        throw new AuditTamperedException("the audit journal is cut short at record " + seq);
      }
      previous = checkLink(record, seq, previous, minEpoch);
      int epoch = (int) u32(record, 0);
      minEpoch = epoch;
      AuditRecord read = decrypt(record, epoch, seq);
      previousTime = checkTime(read, previousTime);
      if (read.saved && anchorSeen && at >= anchor.length) {
        throw new VaultRolledBackException("audit record " + seq + " was saved with a vault image later than the "
            + "vault file: the vault file was replaced by an older copy");
      }
      records.add(read);
      seq++;
      at += 4 + record.length;
      if (at == anchor.length) {
        anchorSeen = anchor.count == seq && MessageDigest.isEqual(previous, anchor.headMac);
        if (!anchorSeen) {
          throw new AuditTamperedException("the audit journal does not match the vault file's anchor at record "
              + (seq - 1));
        }
      }
    }
    if (!anchorSeen || at != length || !MessageDigest.isEqual(previous, headMac)) {
      throw new AuditTamperedException("the audit journal does not reach the head the vault recorded");
    }
    AuditHead.check(log, vaultId, headKeys, length, headRequired);
    return records;
  }

  private AuditRecord decrypt(byte[] record, int epoch, long seq) {
    byte[] aad = new ByteWriter(28).bytes(vaultId).u32(epoch).u64(seq).toByteArray();
    byte[] plain = sealKeys.get(epoch).open(record, 12, record.length - 12 - MAC_LENGTH, aad);
    if (plain == null) {
      throw new AuditTamperedException("audit record " + seq + " fails its seal");
    }
    return AuditCodec.decode(plain, seq);
  }

  /** Installs the per-epoch keys derived from the audit secrets (the vault adds an epoch when a member leaves). */
  void setSecrets(List<byte[]> auditSecrets) {
    wipeKeys();
    for (byte[] secret : auditSecrets) {
      byte[] sealKey = Hkdf.derive(secret, vaultId, SEAL_LABEL, Aead.KEY_LENGTH);
      sealKeys.add(new AeadKey(sealKey));
      Wipe.bytes(sealKey);
      macKeys.add(Hkdf.derive(secret, vaultId, CHAIN_LABEL, 32));
      headKeys.add(AuditHead.key(secret, vaultId));
    }
    macEpoch = -1;
  }

  private byte[] chainMac(int epoch, byte[] previous, byte[] data, int offset, int len) {
    try {
      if (mac == null) {
        mac = Mac.getInstance("HmacSHA256");
      }
      if (macEpoch != epoch) {
        mac.init(new SecretKeySpec(macKeys.get(epoch), "HmacSHA256"));
        macEpoch = epoch;
      }
      mac.update(previous);
      mac.update(data, offset, len);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("HmacSHA256 is required of every JDK", e);
    }
  }

  private byte[] readAt(long position, int count) {
    return log.read(position, count);
  }

  private long readU32(long position) {
    return u32(readAt(position, 4), 0);
  }

  private static long u32(byte[] bytes, int at) {
    return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
        | (bytes[at + 3] & 0xFFL);
  }

  private static long u64(byte[] bytes, int at) {
    return (u32(bytes, at) << 32) | u32(bytes, at + 4);
  }

  private void wipeKeys() {
    sealKeys.forEach(AeadKey::close);
    macKeys.forEach(Wipe::bytes);
    headKeys.forEach(Wipe::bytes);
    sealKeys.clear();
    macKeys.clear();
    headKeys.clear();
  }

  @Override
  public void close() {
    wipeKeys();
    mac = null;
    group.closeLog();
  }
}
