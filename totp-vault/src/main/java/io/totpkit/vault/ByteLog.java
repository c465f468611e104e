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

  /** Names the journal in messages, without any secret. */
  String describe();

  @Override
  void close();
}
