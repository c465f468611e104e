package io.totpkit.vault;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * An audit journal as rows of {@code totpkit_vault_journal}: each append is one row holding the bytes from
 * {@code position} to {@code end_position}. Reads fetch the rows from a position onwards into a window, so catching
 * up with records other servers appended costs one query, not one per record. Rows are read through the connection
 * of the vault's current lock, inside its transaction; nothing is cached from one lock to the next.
 *
 * <p>Thread-safety: not thread-safe; used under the vault's lock.
 */
final class JdbcByteLog implements ByteLog {
  private static final int ROWS_PER_FETCH = 256;

  private final String vault;
  private final Supplier<Session> session;
  private final BiFunction<String, SQLException, VaultIoException> failure;
  private final String description;
  private Session windowSession;
  private long windowStart;
  private byte[] window = new byte[0];

  /** One held lock of the vault: its transaction's connection. */
  interface Session {
    Connection connection();
  }

  JdbcByteLog(String vault, Supplier<Session> session,
      BiFunction<String, SQLException, VaultIoException> failure, String description) {
    this.vault = vault;
    this.session = session;
    this.failure = failure;
    this.description = description;
  }

  /**
   * The journal's length, read with the bytes of its last row, which stay in the window: the catch-up before each
   * append then checks the head's MAC without a second query.
   */
  @Override
  public long size() {
    Session current = session.get();
    try (PreparedStatement query = current.connection().prepareStatement("SELECT position, bytes FROM "
        + "totpkit_vault_journal WHERE vault = ? ORDER BY position DESC LIMIT 1")) {
      query.setString(1, vault);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return 0;
        }
        long position = row.getLong(1);
        byte[] bytes = row.getBytes(2);
        windowSession = current;
        windowStart = position;
        window = bytes;
        return position + bytes.length;
      }
    } catch (SQLException e) {
      throw failure.apply("reading the audit journal", e);
    }
  }

  @Override
  public byte[] read(long position, int length) {
    Session current = session.get();
    if (current != windowSession || position < windowStart
        || position + length > windowStart + window.length) {
      fetch(current, position, length);
    }
    byte[] out = new byte[length];
    System.arraycopy(window, (int) (position - windowStart), out, 0, length);
    return out;
  }

  /** Loads the rows that hold {@code position} onwards until {@code length} bytes are covered. */
  private void fetch(Session current, long position, int length) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long start = -1;
    long end = position;
    try (PreparedStatement query = current.connection().prepareStatement("SELECT position, bytes FROM totpkit_vault_journal "
        + "WHERE vault = ? AND end_position > ? ORDER BY position LIMIT " + ROWS_PER_FETCH)) {
      while (end < position + length) {
        query.setString(1, vault);
        query.setLong(2, end);
        int rows = 0;
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            rows++;
            long at = row.getLong(1);
            byte[] chunk = row.getBytes(2);
            if (start < 0) {
              start = at;
            } else if (at != start + bytes.size()) {
              throw new AuditTamperedException(description + ": its audit rows leave a gap at byte " + at);
            }
            bytes.write(chunk, 0, chunk.length);
            end = at + chunk.length;
          }
        }
        if (rows == 0 || start > position) {
          throw new AuditTamperedException("the audit journal of " + description + " ends early");
        }
      }
    } catch (SQLException e) {
      throw failure.apply("reading the audit journal", e);
    }
    windowSession = current;
    windowStart = start;
    window = bytes.toByteArray();
  }

  @Override
  public void append(long position, byte[] bytes) {
    try (PreparedStatement insert = session.get().connection().prepareStatement("INSERT INTO totpkit_vault_journal "
        + "(vault, position, end_position, bytes) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, vault);
      insert.setLong(2, position);
      insert.setLong(3, position + bytes.length);
      insert.setBytes(4, bytes);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure.apply("appending to the audit journal", e);
    }
  }

  @Override
  public void truncate(long size) {
    try (PreparedStatement delete = session.get().connection().prepareStatement(
        "DELETE FROM totpkit_vault_journal WHERE vault = ? AND position >= ?")) {
      delete.setString(1, vault);
      delete.setLong(2, size);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw failure.apply("cutting the audit journal", e);
    }
    windowSession = null;
  }

  @Override
  public void force() {
    // Durable when the vault's transaction commits.
  }

  @Override
  public String describe() {
    return "the audit journal of " + description;
  }

  @Override
  public void close() {
    window = new byte[0];
    windowSession = null;
  }
}
