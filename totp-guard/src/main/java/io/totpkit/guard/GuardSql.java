package io.totpkit.guard;

import io.totpkit.guard.jdbc.DatabaseFailure;
import io.totpkit.guard.jdbc.Sql;

/**
 * The guards' use of the shared JDBC plumbing: a database that cannot be reached or does not answer is a
 * {@link GuardUnavailableException}, any other failure a {@link GuardStoreException}.
 *
 * <p>Thread-safety: stateless.
 */
final class GuardSql {
  static final Sql<GuardStoreException> SQL = Sql.reporting("run JdbcGuardSchema.migrate(dataSource) once before use "
      + "(in a vault deployment, JdbcSchema.migrate(dataSource) does it too)", GuardSql::exception);

  private GuardSql() {}

  private static GuardStoreException exception(DatabaseFailure failure) {
    return switch (failure.kind()) {
      case UNAVAILABLE -> new GuardUnavailableException(failure.message(), failure.cause());
      case MISSING_TABLES, REFUSED -> new GuardStoreException(failure.message(), failure.cause());
    };
  }
}
