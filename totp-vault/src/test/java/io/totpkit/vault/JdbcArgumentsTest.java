package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Without a database: arguments, the mapping of driver errors to typed exceptions, and a data source that fails. */
class JdbcArgumentsTest {
  /** A data source whose every connection attempt fails as an unreachable server does. */
  private static final DataSource UNREACHABLE = new DataSource() {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("Connection to db.internal:5432 refused", "08001");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  };

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
    assertThatThrownBy(() -> JdbcVaultStore.of(UNREACHABLE, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcVaultStore.of(null, "v")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void unreachableDatabase_everyCallFailsClosedWithStoreUnavailable() {
    assertThatThrownBy(() -> JdbcReplayGuard.of(UNREACHABLE).tryAccept("u", 1, Instant.EPOCH, Instant.MAX))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("could not be reached")
        .hasMessageContaining("checking a code for replay");
    assertThatThrownBy(() -> JdbcAttemptLimiter.of(UNREACHABLE, 5, Duration.ofMinutes(1))
        .tryAcquire("u", Instant.EPOCH)).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> Vault.open(JdbcVaultStore.of(UNREACHABLE, "v"), "maria", TestVaults.pw("pw"),
        TestVaults.fast())).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("vault 'v'");
    assertThatThrownBy(() -> JdbcSchema.migrate(UNREACHABLE)).isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void driverErrors_mapToTypedExceptions() {
    Duration timeout = Duration.ofMillis(1500);
    Sql<VaultIoException> sql = VaultSql.SQL;
    assertThat(sql.failure("x", new SQLException("canceling statement", "57014"), timeout))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("within 1500 ms");
    assertThat(sql.failure("x", new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out")),
        timeout)).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("within 1500 ms");
    assertThat(sql.failure("x", new SQLException("terminating connection", "57P01"), timeout))
        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("went away");
    assertThat(sql.failure("x", new SQLException("relation does not exist", "42P01"), timeout))
        .isExactlyInstanceOf(VaultIoException.class).hasMessageContaining("JdbcSchema.migrate");
    assertThat(sql.failure("x", new SQLException("permission denied", "42501"), timeout))
        .isExactlyInstanceOf(VaultIoException.class).hasMessageContaining("refused x: permission denied");
  }

  @Test
  void instants_saturateAtTheEnds() {
    assertThat(Instants.millis(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
    assertThat(Instants.millis(Instant.MIN)).isEqualTo(Long.MIN_VALUE);
    assertThat(Instants.millis(Instant.ofEpochMilli(1234))).isEqualTo(1234);
  }
}
