package io.totpkit.vault;

import io.totpkit.guard.jdbc.Sql;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A vault kept in PostgreSQL, so that several application servers share one set of entries, members and audit trail.
 * The database holds exactly what the file would: one sealed image per vault in {@code totpkit_vault} and the sealed,
 * MAC-chained audit records in {@code totpkit_vault_journal} (tables created by {@link JdbcSchema#migrate}). The data
 * key never leaves the process; a dump of the database reveals no secret, and an edited row is reported as tampering
 * exactly like an edited file.
 *
 * <pre>{@code
 * JdbcSchema.migrate(dataSource);                                  // once, at deployment
 * VaultStore store = JdbcVaultStore.of(dataSource, "agency");
 * try (Vault vault = Vault.open(store, "maria", passphrase, VaultOptions.defaults())) { ... }
 * }</pre>
 *
 * <h2>Concurrency</h2>
 * Every operation of a {@link Vault} runs as one transaction that first takes a transaction-scoped advisory lock on the
 * vault's name ({@code pg_advisory_xact_lock}), re-reads the image only if its generation moved, applies the change
 * to that latest state, and commits. Pessimistic locking rather than optimistic versioning, because the image is
 * sealed as a whole and the audit records form one chain: two servers cannot merge concurrent changes to ciphertext,
 * and every appended record must follow the one before it. A change therefore never has to be retried by the caller,
 * none is lost or resurrected, and a member's removal (new data key, every entry re-sealed) commits as one image.
 * The lock is released by the commit, the rollback, or the end of the session, so a crashed server never leaves it
 * held.
 *
 * <h2>Faults</h2>
 * A database that goes away mid-operation rolls the transaction back: nothing half-written is ever visible, the call
 * throws {@link StoreUnavailableException}, and the next call takes a fresh connection from the data source and
 * resumes. Each statement gives up after the {@linkplain #withTimeout timeout} on the server, and the socket gives up
 * shortly after that on the client, so a slow or frozen database fails the call instead of hanging it. Waiting for
 * another server's lock is bounded by {@link VaultOptions#lockTimeout()} ({@link VaultLockedException}).
 *
 * <p>Pass a pooled {@link DataSource} (HikariCP, the application server's): every operation takes a connection and
 * returns it. The SQL is PostgreSQL's (advisory locks, {@code ON CONFLICT}); the driver is the application's choice.
 *
 * <p>Thread-safety: immutable; any number of vaults may share one store.
 */
public final class JdbcVaultStore extends VaultStore {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration NETWORK_SLACK = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final String name;
  private final Duration timeout;
  private final long lockKey;

  private JdbcVaultStore(DataSource dataSource, String name, Duration timeout) {
    this.dataSource = dataSource;
    this.name = name;
    this.timeout = timeout;
    this.lockKey = ByteBuffer.wrap(lockDigest(name))
        .getLong();
  }

  private static byte[] lockDigest(String name) {
    byte[] label = ("totpkit vault lock " + name).getBytes(StandardCharsets.UTF_8);
    return Digests.sha256(label, 0, label.length);
  }

  /**
   * Returns the store of the vault called {@code name} in a database.
   *
   * @param dataSource a pooled data source for the database that holds the totpkit tables
   * @param name the vault's name, 1 to 128 characters; one database can hold many vaults
   * @return the store, with a 5-second statement timeout
   */
  public static JdbcVaultStore of(DataSource dataSource, String name) {
    Objects.requireNonNull(dataSource, "dataSource");
    Tags.checkText(name, "vault name");
    return new JdbcVaultStore(dataSource, name, DEFAULT_TIMEOUT);
  }

  /**
   * Returns a copy whose statements give up after {@code timeout} (lock waits are bounded by
   * {@link VaultOptions#lockTimeout()} instead).
   *
   * @param timeout positive, at most 10 minutes
   * @return the new store
   */
  public JdbcVaultStore withTimeout(Duration timeout) {
    return new JdbcVaultStore(dataSource, name, Sql.checkTimeout(Objects.requireNonNull(timeout, "timeout")));
  }

  /** The advisory lock key of this vault (for tests that hold the lock from outside). */
  long lockKey() {
    return lockKey;
  }

  /** Returns the vault's name in the database. */
  public String name() {
    return name;
  }

  @Override
  StoreHandle connect() {
    return new Handle();
  }

  @Override
  public String toString() {
    return "vault '" + name + "' in the database";
  }

  /** One vault's use of the store: a connection per lock, and the journal rows read through that connection. */
  private final class Handle implements StoreHandle {
    private Locked current;

    @Override
    public Held lock(Duration lockTimeout) {
      Connection connection = null;
      try {
        connection = Sql.connect(dataSource, timeout.plus(lockTimeout), NETWORK_SLACK);
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true), "
            + "set_config('statement_timeout', ?, true), pg_advisory_xact_lock(?)")) {
          lock.setString(1, Long.toString(lockTimeout.toMillis()));
          lock.setString(2, Long.toString(timeout.toMillis()));
          lock.setLong(3, lockKey);
          lock.execute();
        }
        Sql.networkTimeout(connection, timeout.plus(NETWORK_SLACK));
        current = new Locked(this, connection);
        return current;
      } catch (SQLException e) {
        if (connection != null) {
          Sql.rollbackQuietly(connection);
          Sql.closeQuietly(connection);
        }
        if (Sql.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
          throw new VaultLockedException("another server held the lock of " + JdbcVaultStore.this + " for more than "
              + lockTimeout.toMillis() + " ms; nothing was changed, retry later", e);
        }
        throw VaultSql.SQL.failure("locking " + JdbcVaultStore.this, e, timeout);
      }
    }

    /** The lock being held, whose connection the journal reads and writes through. */
    Locked session() {
      if (current == null) {
        throw new IllegalStateException("the journal of " + JdbcVaultStore.this + " is used without its lock");
      }
      return current;
    }

    VaultIoException failure(String what, SQLException e) {
      return VaultSql.SQL.failure(what + " of " + JdbcVaultStore.this, e, timeout);
    }

    @Override
    public void close() {
      // Connections are taken per lock and returned when it is released.
    }
  }

  /** The vault's rows while the advisory lock is held, in one transaction. */
  private final class Locked implements StoreHandle.Held, JdbcByteLog.Session {
    private final Handle handle;
    private final Connection connection;
    private boolean committed;

    Locked(Handle handle, Connection connection) {
      this.handle = handle;
      this.connection = connection;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public boolean exists() {
      try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM totpkit_vault WHERE name = ?")) {
        query.setString(1, name);
        try (ResultSet row = query.executeQuery()) {
          return row.next();
        }
      } catch (SQLException e) {
        throw handle.failure("looking up", e);
      }
    }

    @Override
    public Object fingerprint() {
      return vaultColumn("generation", "reading the generation", row -> row.getLong(1));
    }

    @Override
    public byte[] read() {
      return vaultColumn("image", "reading", row -> row.getBytes(1));
    }

    /** One column of the vault's row (the column name is a constant of this class). */
    private <T> T vaultColumn(String column, String what, Sql.Column<T> get) {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT " + column + " FROM totpkit_vault WHERE name = ?")) {
        query.setString(1, name);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            throw new VaultIoException("there is no " + JdbcVaultStore.this);
          }
          return get.read(row);
        }
      } catch (SQLException e) {
        throw handle.failure(what, e);
      }
    }

    @Override
    public Object write(byte[] image, long generation, boolean backupIsNew, Runnable beforePublish) {
      // The database keeps no previous image of its own; its backups are the operator's.
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO totpkit_vault (name, generation, image) "
          + "VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET generation = EXCLUDED.generation, "
          + "image = EXCLUDED.image, saved_at = now()")) {
        upsert.setString(1, name);
        upsert.setLong(2, generation);
        upsert.setBytes(3, image);
        upsert.executeUpdate();
      } catch (SQLException e) {
        throw handle.failure("writing", e);
      }
      beforePublish.run();
      return generation;
    }

    @Override
    public ByteLog journal(boolean create) {
      if (create) {
        try (PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM totpkit_vault_journal WHERE vault = ?")) {
          // Rows an earlier, failed create of the same name may have committed: the new vault starts afresh.
          delete.setString(1, name);
          delete.executeUpdate();
        } catch (SQLException e) {
          throw handle.failure("creating the audit journal", e);
        }
      }
      return new JdbcByteLog(name, handle::session, handle::failure, JdbcVaultStore.this.toString());
    }

    @Override
    public void ensureExclusive() {
      // The advisory lock belongs to this transaction until it ends: nobody can take it away meanwhile.
    }

    @Override
    public void commit() {
      try {
        connection.commit();
        committed = true;
      } catch (SQLException e) {
        throw handle.failure("committing", e);
      }
    }

    @Override
    public void close() {
      handle.current = null;
      if (!committed) {
        Sql.rollbackQuietly(connection);
      }
      Sql.closeQuietly(connection);
    }
  }
}
