package io.totpkit.spring;

import io.totpkit.core.HmacAlgorithm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link TotpKeyRepository} in PostgreSQL table {@code totpkit_user_keys}, created at start-up unless
 * {@code totpkit.keys.initialize-schema=false}. Each method is one statement, or one transaction for
 * {@link #activate}.
 *
 * <p>Thread-safety: immutable; safe for concurrent use. Pass a pooled {@link DataSource}.
 */
public final class JdbcTotpKeyRepository implements TotpKeyRepository {
  private static final String COLUMNS =
      "username, active, key_id, ciphertext, created_at, algorithm, digits, period_seconds";

  private final DataSource dataSource;

  private JdbcTotpKeyRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns a repository over an existing {@code totpkit_user_keys} table.
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbcTotpKeyRepository of(DataSource dataSource) {
    return new JdbcTotpKeyRepository(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public Optional<StoredTotpKey> findActive(String username) {
    return find(username, true);
  }

  @Override
  public Optional<StoredTotpKey> findPending(String username) {
    return find(username, false);
  }

  private Optional<StoredTotpKey> find(String username, boolean active) {
    String sql = "SELECT " + COLUMNS + " FROM totpkit_user_keys WHERE username = ? AND active = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, username);
      s.setBoolean(2, active);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(StoredTotpKey.of(rs.getString(1), rs.getString(3), rs.getBytes(4), rs.getBoolean(2),
            Instant.ofEpochMilli(rs.getLong(5)), HmacAlgorithm.valueOf(rs.getString(6)), rs.getInt(7),
            Duration.ofSeconds(rs.getInt(8))));
      }
    } catch (SQLException e) {
      throw failed("read the TOTP key of user " + username, e);
    }
  }

  @Override
  public void save(StoredTotpKey key) {
    String sql = "INSERT INTO totpkit_user_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (username, active) DO UPDATE SET key_id = EXCLUDED.key_id, ciphertext = EXCLUDED.ciphertext,"
        + " created_at = EXCLUDED.created_at, algorithm = EXCLUDED.algorithm, digits = EXCLUDED.digits,"
        + " period_seconds = EXCLUDED.period_seconds";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key.username());
      s.setBoolean(2, key.active());
      s.setString(3, key.keyId());
      s.setBytes(4, key.ciphertext());
      s.setLong(5, key.createdAt().toEpochMilli());
      s.setString(6, key.algorithm().name());
      s.setInt(7, key.digits());
      s.setInt(8, Math.toIntExact(key.period().toSeconds()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed("save the TOTP key of user " + key.username(), e);
    }
  }

  @Override
  public boolean activate(StoredTotpKey pending) {
    String username = pending.username();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement(
              "SELECT ciphertext FROM totpkit_user_keys WHERE username = ? AND NOT active FOR UPDATE");
          PreparedStatement drop = c.prepareStatement(
              "DELETE FROM totpkit_user_keys WHERE username = ? AND active");
          PreparedStatement promote = c.prepareStatement(
              "UPDATE totpkit_user_keys SET active = true WHERE username = ? AND NOT active")) {
        lock.setString(1, username);
        boolean same;
        try (ResultSet rs = lock.executeQuery()) {
          // Ciphertext is public data (random nonce, authenticated): a plain comparison leaks nothing.
          same = rs.next() && Arrays.equals(rs.getBytes(1), pending.ciphertext());
        }
        if (same) {
          drop.setString(1, username);
          drop.executeUpdate();
          promote.setString(1, username);
          promote.executeUpdate();
        }
        c.commit();
        return same;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("activate the TOTP key of user " + username, e);
    }
  }

  @Override
  public void delete(String username) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM totpkit_user_keys WHERE username = ?")) {
      s.setString(1, username);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed("delete the TOTP keys of user " + username, e);
    }
  }

  private static TotpKeyStoreException failed(String what, SQLException e) {
    return new TotpKeyStoreException("Could not " + what + " (table totpkit_user_keys): " + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "JdbcTotpKeyRepository{totpkit_user_keys}";
  }
}
