package io.totpkit.spring;

import io.totpkit.guard.JdbcGuardSchema;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Decides where the replay guard and the attempt limiter keep their state ({@code totpkit.guards.store}) and
 * prepares the guard tables ({@code totpkit.guards.initialize-schema}), once, before either guard is built.
 *
 * <p>Thread-safety: immutable.
 */
final class GuardDatabase {
  private static final Log LOG = LogFactory.getLog(GuardDatabase.class);

  private final DataSource dataSource;

  private GuardDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Resolves the store.
   *
   * @param settings {@code totpkit.guards.*}
   * @param available the application's {@code DataSource}, or {@code null}
   * @throws InvalidTotpPropertyException if {@code jdbc} is asked for without a DataSource, or the tables are not at
   *     this totpkit's version while schema initialization is off
   */
  static GuardDatabase resolve(TotpProperties.Guards settings, DataSource available) {
    DataSource chosen = switch (settings.store()) {
      case MEMORY -> null;
      case AUTO -> available;
      case JDBC -> {
        if (available == null) {
          throw new InvalidTotpPropertyException("totpkit.guards.store",
              "is jdbc but the application has no DataSource bean (or several, none primary): add one"
              + " (spring.datasource.url) or set auto");
        }
        yield available;
      }
    };
    if (chosen == null) {
      LOG.warn("totpkit: the replay guard and attempt limiter are in memory, so each application instance guards"
          + " alone: with several instances a used code is accepted again on another and the lockout is per"
          + " instance. Give the application a DataSource to share them (totpkit.guards.store=auto|jdbc).");
      return new GuardDatabase(null);
    }
    if (settings.initializeSchema()) {
      JdbcGuardSchema.migrate(chosen);
    } else {
      int version = JdbcGuardSchema.version(chosen);
      if (version != JdbcGuardSchema.CURRENT_VERSION) {
        throw new InvalidTotpPropertyException("totpkit.guards.initialize-schema", "is false, but the guard tables"
            + " are at version " + version + " and this totpkit needs " + JdbcGuardSchema.CURRENT_VERSION
            + ": set it to true, or run io.totpkit.guard.JdbcGuardSchema.migrate before starting");
      }
    }
    return new GuardDatabase(chosen);
  }

  /** The DataSource the guards share, or {@code null} for in-memory guards. */
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public String toString() {
    return dataSource == null ? "GuardDatabase{memory}" : "GuardDatabase{jdbc}";
  }
}
