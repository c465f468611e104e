package io.totpkit.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.server.ServerState;
import io.totpkit.vault.JdbcSchema;
import io.totpkit.vault.JdbcVaultStore;
import io.totpkit.vault.VaultStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the vault is: a file ({@code --vault}), or a vault named {@code --database-vault} in a PostgreSQL database
 * ({@code --database JDBC-URL}, credentials in the URL or {@code PGUSER}/{@code PGPASSWORD}); with its server state
 * beside it. Closing it closes the database pool.
 */
final class VaultLocation implements AutoCloseable {
  private final Path file;
  private final HikariDataSource pool;
  private final String name;

  private VaultLocation(Path file, HikariDataSource pool, String name) {
    this.file = file;
    this.pool = pool;
    this.name = name;
  }

  static VaultLocation file(Path file) {
    return new VaultLocation(file, null, null);
  }

  static VaultLocation database(String url, String name, int poolSize) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new CliException(ExitCodes.USAGE, "--database takes a PostgreSQL JDBC URL "
          + "(jdbc:postgresql://HOST:PORT/DATABASE?user=…), not '" + Io.visible(url.length() > 40
          ? url.substring(0, 40) + "…" : url) + "'");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("totp");
    config.setInitializationFailTimeout(-1);
    String user = System.getenv("PGUSER");
    if (user != null && !url.contains("user=")) {
      config.setUsername(user);
    }
    String password = System.getenv("PGPASSWORD");
    if (password != null && !url.contains("password=")) {
      config.setPassword(password);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      JdbcSchema.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new VaultLocation(null, pool, name);
  }

  VaultStore store() {
    return file != null ? VaultStore.file(file) : JdbcVaultStore.of(pool, name);
  }

  ServerState serverState() {
    return file != null ? ServerState.besideVault(file) : ServerState.database(pool, name);
  }

  /** Whether a vault is there already. */
  boolean exists() {
    return file == null || Files.exists(file);
  }

  /** The file, or {@code null} for a database vault. */
  Path path() {
    return file;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  @Override
  public String toString() {
    return file != null ? file.toString() : "database vault '" + name + "'";
  }
}
