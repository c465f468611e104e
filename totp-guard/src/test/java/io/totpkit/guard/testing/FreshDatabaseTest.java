package io.totpkit.guard.testing;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose every test starts with a new, empty database of the shared cluster, and a pool of four. */
public abstract class FreshDatabaseTest {
  /** The pool of this test's database; closed after the test. */
  protected HikariDataSource db;

  @BeforeEach
  void emptyDatabase() {
    db = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 4);
  }

  @AfterEach
  void closePool() {
    db.close();
  }
}
