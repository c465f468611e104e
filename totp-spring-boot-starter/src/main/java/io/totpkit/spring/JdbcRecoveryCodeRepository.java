package io.totpkit.spring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link RecoveryCodeRepository} in PostgreSQL table {@code totpkit_recovery_codes}. {@link #consume} is a single
 * {@code DELETE}: PostgreSQL lets exactly one of two concurrent deletions of a row report it.
 *
 * <p>Thread-safety: immutable; safe for concurrent use. Pass a pooled {@link DataSource}.
 */
public final class JdbcRecoveryCodeRepository implements RecoveryCodeRepository {
  private final DataSource dataSource;

  private JdbcRecoveryCodeRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns a repository over an existing {@code totpkit_recovery_codes} table.
   *
   * @param dataSource the database
   * @return the repository
   */
  public static JdbcRecoveryCodeRepository of(DataSource dataSource) {
    return new JdbcRecoveryCodeRepository(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void replaceAll(String username, List<byte[]> hashes) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement drop = c.prepareStatement("DELETE FROM totpkit_recovery_codes WHERE username = ?");
          PreparedStatement add = c.prepareStatement(
              "INSERT INTO totpkit_recovery_codes (username, code_hash) VALUES (?, ?)")) {
        drop.setString(1, username);
        drop.executeUpdate();
        for (byte[] hash : hashes) {
          add.setString(1, username);
          add.setBytes(2, hash);
          add.addBatch();
        }
        add.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failed("store the recovery codes of user " + username, e);
    }
  }

  @Override
  public boolean consume(String username, byte[] hash) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "DELETE FROM totpkit_recovery_codes WHERE username = ? AND code_hash = ?")) {
      s.setString(1, username);
      s.setBytes(2, hash);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failed("use a recovery code of user " + username, e);
    }
  }

  @Override
  public int count(String username) {
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT count(*) FROM totpkit_recovery_codes WHERE username = ?")) {
      s.setString(1, username);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw failed("count the recovery codes of user " + username, e);
    }
  }

  private static TotpKeyStoreException failed(String what, SQLException e) {
    return new TotpKeyStoreException("Could not " + what + " (table totpkit_recovery_codes): " + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return "JdbcRecoveryCodeRepository{totpkit_recovery_codes}";
  }
}
