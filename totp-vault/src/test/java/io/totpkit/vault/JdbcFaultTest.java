package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.testing.PostgresCluster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database stopping, freezing or holding a lock: typed errors, nothing half-written, and a resume. */
class JdbcFaultTest {
  private final PostgresCluster cluster = PostgresCluster.get();
  private String url;
  private HikariDataSource pool;
  /** Runs just before the next statement whose SQL starts with the given text, once. */
  private final AtomicReference<String> stopBefore = new AtomicReference<>();

  @BeforeEach
  void database() {
    url = cluster.newDatabase();
    pool = PostgresCluster.pool(url, 4);
    JdbcSchema.migrate(pool);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  /** The pool, with connections that stop the server just before a chosen statement runs. */
  private DataSource interrupting() {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(pool, method, args);
          if (!(result instanceof Connection)) {
            return result;
          }
          Connection connection = (Connection) result;
          return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("prepareStatement") && stopBefore.get() != null
                    && ((String) a[0]).startsWith(stopBefore.get())) {
                  stopBefore.set(null);
                  cluster.stop();
                }
                return invoke(connection, m, a);
              });
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void databaseStoppedMidSave_typedError_nothingHalfWritten_thenResumes() {
    assumeTrue(cluster.local(), "needs a server this test may stop");
    JdbcVaultStore store = JdbcVaultStore.of(interrupting(), "v");
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      UUID kept = TestVaults.add(vault, TestVaults.GITHUB, "acme");
      // The audit record of the add is already inserted in the transaction; the server dies before the image.
      stopBefore.set("INSERT INTO totpkit_vault (");
      try {
        assertThatThrownBy(() -> TestVaults.add(vault, TestVaults.GOOGLE_WIKI, "lost"))
            .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("nothing was changed");
        assertThatThrownBy(vault::entries).isInstanceOf(StoreUnavailableException.class);
      } finally {
        cluster.start();
      }
      // The same instance reconnects (the pool replaces its dead connections) and sees the state before the add.
      assertThat(vault.entries()).extracting(VaultEntry::id).containsExactly(kept);
      assertThat(vault.verifyAudit()).isEqualTo(2);
      UUID after = TestVaults.add(vault, TestVaults.GOOGLE_WIKI, "after");
      assertThat(vault.entries()).extracting(VaultEntry::id).containsExactly(kept, after);
    }
    try (Vault again = Vault.open(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      assertThat(again.verifyAudit()).isEqualTo(3);
      assertThat(again.auditTrail()).extracting(AuditRecord::action).containsExactly(AuditAction.VAULT_CREATED,
          AuditAction.ENTRY_ADDED, AuditAction.ENTRY_ADDED);
    }
  }

  @Test
  void databaseStoppedMidMemberRemoval_keyRotationAllOrNothing() {
    assumeTrue(cluster.local(), "needs a server this test may stop");
    JdbcVaultStore store = JdbcVaultStore.of(interrupting(), "v");
    UUID id;
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      id = TestVaults.add(vault, TestVaults.GITHUB, "acme");
      vault.addMember("ravi", Role.OWNER, Set.of(), TestVaults.pw("ravi's pw"));
      stopBefore.set("INSERT INTO totpkit_vault (");
      try {
        assertThatThrownBy(() -> vault.removeMember("ravi")).isInstanceOf(StoreUnavailableException.class);
      } finally {
        cluster.start();
      }
      // Nothing of the rotation is visible: ravi still opens the vault, with the old data key, and reads the entry.
      try (Vault ravi = Vault.open(store, "ravi", TestVaults.pw("ravi's pw"), TestVaults.fast())) {
        assertThat(ravi.exportOtpauth(id).secret().toBase32()).isEqualTo("JBSWY3DPEHPK3PXP");
      }
      vault.removeMember("ravi");
      assertThat(vault.members()).extracting(Member::name).containsExactly("maria");
      assertThat(vault.code(id).code()).hasSize(6);
    }
    assertThatThrownBy(() -> Vault.open(store, "ravi", TestVaults.pw("ravi's pw"), TestVaults.fast()))
        .isInstanceOf(UnknownMemberException.class);
    try (Vault vault = Vault.open(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      assertThat(vault.verifyAudit()).isEqualTo(vault.auditTrail().size());
      assertThat(vault.auditTrail()).extracting(AuditRecord::action).containsSubsequence(AuditAction.MEMBER_ADDED,
          AuditAction.EXPORTED, AuditAction.MEMBER_REMOVED, AuditAction.CODE_REVEALED);
    }
  }

  @Test
  void databaseStoppedMidReveal_codeNotReturned_auditUnbroken() {
    assumeTrue(cluster.local(), "needs a server this test may stop");
    JdbcVaultStore store = JdbcVaultStore.of(interrupting(), "v");
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), TestVaults.fast())) {
      UUID id = TestVaults.add(vault, TestVaults.GITHUB, "acme");
      stopBefore.set("INSERT INTO totpkit_vault_journal");
      try {
        assertThatThrownBy(() -> vault.code(id)).isInstanceOf(StoreUnavailableException.class);
      } finally {
        cluster.start();
      }
      assertThat(vault.code(id).code()).hasSize(6);
      assertThat(vault.verifyAudit()).isEqualTo(3);
    }
  }

  @Test
  void frozenDatabase_failsWithinTheTimeout_andResumesWhenItAnswers() {
    // The guards' share of this test is totp-guard's JdbcFaultTest.
    assumeTrue(cluster.local(), "needs a server this test may freeze");
    pool.close();
    pool = PostgresCluster.pool(url, 4, Duration.ofMillis(1000));
    JdbcVaultStore store = JdbcVaultStore.of(pool, "v").withTimeout(Duration.ofMillis(500));
    VaultOptions options = VaultOptions.builder().minimumArgon2().lockTimeout(Duration.ofMillis(500)).build();
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), options)) {
      UUID id = TestVaults.add(vault, TestVaults.GITHUB, "acme");
      cluster.freeze(true);
      try {
        // Each call is bounded by its own timeout (plus a second of network slack) or the pool's wait of one
        // second for a working connection, whichever comes first.
        assertFailsWithin(() -> vault.code(id));
      } finally {
        cluster.freeze(false);
      }
      assertThat(vault.code(id).code()).hasSize(6);
      assertThat(vault.verifyAudit()).isEqualTo(3);
    }
  }

  private static void assertFailsWithin(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
  }

  @Test
  void lockHeldByAnotherServer_vaultLockedAfterLockTimeout() throws Exception {
    JdbcVaultStore store = JdbcVaultStore.of(pool, "v");
    VaultOptions options = VaultOptions.builder().minimumArgon2().lockTimeout(Duration.ofMillis(300)).build();
    try (Vault vault = Vault.create(store, "maria", TestVaults.pw("pw"), options);
        Connection other = pool.getConnection();
        Statement statement = other.createStatement()) {
      other.setAutoCommit(false);
      statement.execute("SELECT pg_advisory_xact_lock(" + store.lockKey() + ")");
      long start = System.nanoTime();
      assertThatThrownBy(() -> vault.add(io.totpkit.core.OtpAuthUri.parse(TestVaults.GITHUB), Set.of()))
          .isInstanceOf(VaultLockedException.class).hasMessageContaining("300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      other.rollback();
      assertThat(vault.entries()).isEmpty();
    }
  }
}
