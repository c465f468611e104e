package io.totpkit.vault;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a vault's sealed bytes live: {@linkplain #file one file} beside its audit journal (the default), or
 * {@linkplain JdbcVaultStore rows in a PostgreSQL database} that several servers share. A store holds only sealed
 * bytes: the vault image (key slots, sealed body) and the sealed, MAC-chained audit records. Keys never leave the
 * process that opened the vault, so neither a copy of the files nor a dump of the database reveals a secret.
 *
 * <p>A store is a description (a path, a data source and a name) and can be shared by any number of {@link Vault}s;
 * each open vault takes its own connection to it.
 *
 * <p>Thread-safety: immutable.
 */
public abstract sealed class VaultStore permits FileVaultStore, JdbcVaultStore {
  VaultStore() {}

  /**
   * Returns the store of a vault kept in one file; {@code <name>.audit}, {@code <name>.bak} and {@code <name>.lock}
   * live beside it.
   *
   * @param path the vault file
   * @return the store
   */
  public static VaultStore file(Path path) {
    return new FileVaultStore(Objects.requireNonNull(path, "path"));
  }

  /** Opens a connection for one vault instance. */
  abstract StoreHandle connect();
}
