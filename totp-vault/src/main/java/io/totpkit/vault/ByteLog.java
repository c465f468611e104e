package io.totpkit.vault;

/**
 * The bytes of an audit journal, wherever they live: a file, or rows in a database. Positions are byte offsets from
 * the journal's start; bytes are only ever added at the end (or a torn tail cut off), never changed in place.
 *
 * <p>Thread-safety: not thread-safe; {@link AuditJournal} calls it while the vault holds its store's lock.
 */
interface ByteLog extends AutoCloseable {
  /** Returns the journal's length in bytes. */
  long size();

  /** Reads {@code length} bytes at {@code position}; throws {@link AuditTamperedException} if they are not there. */
  byte[] read(long position, int length);

  /** Writes {@code bytes} at {@code position}, which is the current end of the journal. */
  void append(long position, byte[] bytes);

  /** Cuts the journal back to {@code size} bytes (a record torn by a crash mid-append). */
  void truncate(long size);

  /** Makes appended bytes durable (a file's fsync; a database makes them durable when it commits). */
  void force();

  /**
   * Whether reveals on several threads should share this log's forces ({@link GroupCommit}): a file's fsync, yes; a
   * database, whose transaction commit makes an append durable, no.
   */
  default boolean groupsForces() {
    return false;
  }

  /** Whether an audit head ({@link AuditHead}) is kept beside this log; a database's journal keeps none. */
  default boolean keepsHead() {
    return false;
  }

  /** The audit head as last written, or {@code null} if there is none. */
  default byte[] readHead() {
    return null;
  }

  /** Replaces the audit head atomically (not forced: see {@link AuditHead}). */
  default void writeHead(byte[] head) {
    // A log that keeps no head has nothing to write.
  }

  /** Names the journal in messages, without any secret. */
  String describe();

  @Override
  void close();
}
