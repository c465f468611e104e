package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.guard.jdbc.Sql;
import io.totpkit.guard.testing.UnreachableDatabase;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Without a database: arguments, the mapping of driver errors to typed exceptions, and a data source that fails. */
class JdbcArgumentsTest {
  private static final DataSource UNREACHABLE = UnreachableDatabase.dataSource();

  @Test
  void badArguments_refusedWithTheRange() {
    assertThatThrownBy(() -> JdbcAttemptLimiter.of(UNREACHABLE, 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
    assertThatThrownBy(() -> JdbcAttemptLimiter.of(UNREACHABLE, 5, Duration.ofDays(366)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("365 days");
    assertThatThrownBy(() -> JdbcReplayGuard.of(UNREACHABLE).withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> JdbcReplayGuard.of(UNREACHABLE).withTimeout(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("millisecond");
    assertThatThrownBy(() -> JdbcReplayGuard.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void unreachableDatabase_everyCallFailsClosedWithGuardUnavailable() {
    assertThatThrownBy(() -> JdbcReplayGuard.of(UNREACHABLE).tryAccept("u", 1, Instant.EPOCH, Instant.MAX))
        .isInstanceOf(GuardUnavailableException.class).hasMessageContaining("could not be reached")
        .hasMessageContaining("checking a code for replay");
    assertThatThrownBy(() -> JdbcAttemptLimiter.of(UNREACHABLE, 5, Duration.ofMinutes(1))
        .tryAcquire("u", Instant.EPOCH)).isInstanceOf(GuardUnavailableException.class);
    assertThatThrownBy(() -> JdbcGuardSchema.migrate(UNREACHABLE)).isInstanceOf(GuardUnavailableException.class);
  }

  @Test
  void driverErrors_mapToTheGuardsExceptions() {
    // DatabaseFailureTest tells the driver's errors apart; here each kind becomes the guards' own exception.
    Duration timeout = Duration.ofMillis(1500);
    Sql<GuardStoreException> sql = GuardSql.SQL;
    assertThat(sql.failure("x", new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out")),
        timeout)).isInstanceOf(GuardUnavailableException.class).hasMessageContaining("within 1500 ms");
    assertThat(sql.failure("x", new SQLException("terminating connection", "57P01"), timeout))
        .isInstanceOf(GuardUnavailableException.class).hasMessageContaining("went away");
    assertThat(sql.failure("x", new SQLException("relation does not exist", "42P01"), timeout))
        .isExactlyInstanceOf(GuardStoreException.class).hasMessageContaining("JdbcGuardSchema.migrate")
        .hasMessageContaining("JdbcSchema.migrate");
    assertThat(sql.failure("x", new SQLException("permission denied", "42501"), timeout))
        .isExactlyInstanceOf(GuardStoreException.class).hasMessageContaining("refused x: permission denied");
    assertThat(sql.refused("newer")).isExactlyInstanceOf(GuardStoreException.class).hasMessage("newer")
        .hasNoCause();
  }

  @Test
  void instants_saturateAtTheEnds() {
    assertThat(Instants.millis(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(Instants.millis(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    assertThat(Instants.millis(Instant.ofEpochMilli(1234))).isEqualTo(1234);
  }
}
