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
    config.setConnectionTimeout(5_000);
    String user = System.getenv("PGUSER");
    if (user != null && !url.contains("user=")) {
      config.setUsername(user);
    }
    String password = System.getenv("PGPASSWORD");
    if (password != null && !url.contains("password=")) {
      config.setPassword(password);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try (java.sql.Connection probe = pool.getConnection()) {
      // Reached: the schema and the vault take it from here.
    } catch (java.sql.SQLException e) {
      pool.close();
      throw new CliException(ExitCodes.IO, "cannot connect to the database " + where(url) + ": " + reason(e));
    }
    try {
      JdbcSchema.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new VaultLocation(null, pool, name);
  }

  /** HOST:PORT/DATABASE of a JDBC URL: never its query, which may hold a password. */
  private static String where(String url) {
    String rest = url.substring("jdbc:postgresql:".length()).replaceFirst("^//", "");
    int query = rest.indexOf('?');
    return Io.visible(query < 0 ? rest : rest.substring(0, query));
  }

  /** What went wrong, from the SQL state of the first cause that has one (PostgreSQL's codes), in words. */
  private static String reason(java.sql.SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String state = t instanceof java.sql.SQLException ? ((java.sql.SQLException) t).getSQLState() : null;
      if (state == null) {
        continue;
      }
      switch (state) {
        case "28P01":
        case "28000":
          return "the user name or password was refused";
        case "3D000":
          return "there is no such database";
        default:
          if (state.startsWith("08")) {
            return "nothing answered there, or the connection was refused (is PostgreSQL running, and is the host "
                + "and port right?)";
          }
          return "it answered with SQL state " + state;
      }
    }
    return "no connection within 5 seconds";
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
