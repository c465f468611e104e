package io.totpkit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The state in a table of the vault's database, {@code totp_server_state(name, key, value)}, shared by every server
 * on that database; changes run in one transaction under a row lock on the vault's name. Reads are cached for one
 * second, so a policy change reaches every server within a second.
 */
final class JdbcStateStore implements StateStore {
  private static final long CACHE_NANOS = 1_000_000_000L;

  private final DataSource dataSource;
  private final String name;
  private Map<String, String> cached;
  private long readAt;
  private boolean tableReady;

  JdbcStateStore(DataSource dataSource, String name) {
    this.dataSource = dataSource;
    this.name = name;
  }

  @Override
  public synchronized Map<String, String> read() {
    long now = System.nanoTime();
    if (cached == null || now - readAt > CACHE_NANOS) {
      try (Connection c = dataSource.getConnection()) {
        createTable(c);
        cached = load(c);
        readAt = now;
      } catch (SQLException e) {
        throw failure(e);
      }
    }
    return cached;
  }

  @Override
  public synchronized void update(UnaryOperator<Map<String, String>> change) {
    try (Connection c = dataSource.getConnection()) {
      createTable(c);
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
          lock.setString(1, "totp_server_state:" + name);
          lock.execute();
        }
        Map<String, String> next = change.apply(new TreeMap<>(load(c)));
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM totp_server_state WHERE name = ?")) {
          delete.setString(1, name);
          delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO totp_server_state (name, key, value) VALUES (?, ?, ?)")) {
          for (Map.Entry<String, String> e : next.entrySet()) {
            insert.setString(1, name);
            insert.setString(2, e.getKey());
            insert.setString(3, e.getValue());
            insert.addBatch();
          }
          insert.executeBatch();
        }
        c.commit();
        cached = Map.copyOf(next);
        readAt = System.nanoTime();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void createTable(Connection c) throws SQLException {
    if (tableReady) {
      return;
    }
    tableReady = true;
    try (Statement s = c.createStatement()) {
      // A server may run as a role without CREATE (the README's deployment): look before creating.
      try (ResultSet exists = s.executeQuery("SELECT to_regclass('totp_server_state') IS NOT NULL")) {
        if (exists.next() && exists.getBoolean(1)) {
          return;
        }
      }
      s.execute("CREATE TABLE IF NOT EXISTS totp_server_state (name text NOT NULL, key text NOT NULL, "
          + "value text NOT NULL, PRIMARY KEY (name, key))");
    }
  }

  private Map<String, String> load(Connection c) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (PreparedStatement select = c.prepareStatement(
        "SELECT key, value FROM totp_server_state WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return Map.copyOf(out);
  }

  private ServerStateException failure(SQLException e) {
    return new ServerStateException("cannot use the server state table totp_server_state (SQL state "
        + e.getSQLState() + ")", e);
  }

  @Override
  public String toString() {
    return "JdbcStateStore[" + name + "]";
  }
}
