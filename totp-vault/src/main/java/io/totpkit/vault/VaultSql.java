package io.totpkit.vault;

import io.totpkit.guard.jdbc.DatabaseFailure;
import io.totpkit.guard.jdbc.Sql;

/**
 * The vault's use of the shared JDBC plumbing: a database that cannot be reached or does not answer is a
 * {@link StoreUnavailableException}, any other failure a {@link VaultIoException}.
 *
 * <p>Thread-safety: stateless.
 */
final class VaultSql {
  static final Sql<VaultIoException> SQL = Sql.reporting("run JdbcSchema.migrate(dataSource) once before use",
      VaultSql::exception);

  private VaultSql() {}

  private static VaultIoException exception(DatabaseFailure failure) {
    return switch (failure.kind()) {
      case UNAVAILABLE -> new StoreUnavailableException(failure.message(), failure.cause());
      case MISSING_TABLES, REFUSED -> new VaultIoException(failure.message(), failure.cause());
    };
  }
}
