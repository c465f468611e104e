package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.guard.jdbc.Sql;
import io.totpkit.guard.testing.UnreachableDatabase;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Without a database: arguments, the mapping of driver errors to typed exceptions, and a data source that fails. */
class JdbcArgumentsTest {
  private static final DataSource UNREACHABLE = UnreachableDatabase.dataSource();

  @Test
  void badArguments_refusedWithTheRange() {
    assertThatThrownBy(() -> JdbcVaultStore.of(UNREACHABLE, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdbcVaultStore.of(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JdbcVaultStore.of(UNREACHABLE, "v").withTimeout(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10 minutes");
  }

  @Test
  void unreachableDatabase_everyCallFailsClosedWithStoreUnavailable() {
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
}
