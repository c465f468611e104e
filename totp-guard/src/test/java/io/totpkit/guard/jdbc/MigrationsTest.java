package io.totpkit.guard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.guard.testing.PostgresCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration engine on a component of its own: step by step, a failed step kept out, components apart. */
class MigrationsTest {
  /** Reports a failure as its kind and message, so that a test can tell the kinds apart. */
  private static final Sql<RuntimeException> SQL = Sql.reporting("run the test's migration",
      failure -> new IllegalStateException(failure.kind() + ": " + failure.message(), failure.cause()));
  private static final List<String> FIRST = List.of("CREATE TABLE totpkit_test (id integer PRIMARY KEY)");
  private static final SchemaComponent TWO_STEPS = new SchemaComponent("test", 0, List.of(FIRST,
      List.of("ALTER TABLE totpkit_test ADD COLUMN note text NOT NULL DEFAULT ''")));

  private HikariDataSource db;

  @BeforeEach
  void emptyDatabase() {
    db = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 2);
  }

  @AfterEach
  void closePool() {
    db.close();
  }

  @Test
  void migrate_stepByStep_recordsEachVersion() throws Exception {
    assertThat(Migrations.version(db, TWO_STEPS, SQL)).isZero();
    assertThat(Migrations.migrate(db, TWO_STEPS, 1, SQL)).isZero();
    assertThat(Migrations.version(db, TWO_STEPS, SQL)).isEqualTo(1);
    assertThat(Migrations.migrate(db, TWO_STEPS, SQL)).isEqualTo(1);
    assertThat(Migrations.version(db, TWO_STEPS, SQL)).isEqualTo(2);
    assertThat(Migrations.migrate(db, TWO_STEPS, SQL)).isEqualTo(2);
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT component, version FROM totpkit_schema_versions")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1) + " " + rows.getInt(2)).isEqualTo("test 2");
      assertThat(rows.next()).as("one row per component, no other").isFalse();
    }
  }

  @Test
  void migrate_failingStep_leavesThePreviousVersionWhole() throws Exception {
    SchemaComponent broken = new SchemaComponent("test", 0, List.of(FIRST,
        List.of("ALTER TABLE totpkit_test ADD COLUMN note text", "ALTER TABLE totpkit_nowhere ADD COLUMN x int")));
    assertThatThrownBy(() -> Migrations.migrate(db, broken, SQL)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("MISSING_TABLES: ").hasMessageContaining("migrating the totpkit test schema to "
            + "version 2");
    assertThat(Migrations.version(db, broken, SQL)).isEqualTo(1);
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet columns = s.executeQuery("SELECT count(*) FROM information_schema.columns "
            + "WHERE table_name = 'totpkit_test'")) {
      columns.next();
      assertThat(columns.getInt(1)).as("step 2's first statement rolled back with it").isEqualTo(1);
    }
  }

  @Test
  void migrate_oneComponent_leavesTheOthersAlone() {
    Migrations.migrate(db, TWO_STEPS, SQL);
    assertThat(Migrations.version(db, GuardTables.COMPONENT, SQL)).isZero();
    Migrations.migrate(db, GuardTables.COMPONENT, SQL);
    assertThat(Migrations.version(db, GuardTables.COMPONENT, SQL)).isEqualTo(1);
    assertThat(Migrations.version(db, TWO_STEPS, SQL)).isEqualTo(2);
  }

  @Test
  void migrate_newerComponent_refusedWithUpgradeAdvice() throws Exception {
    Migrations.migrate(db, TWO_STEPS, SQL);
    SchemaComponent older = new SchemaComponent("test", 0, List.of(FIRST));
    assertThatThrownBy(() -> Migrations.migrate(db, older, SQL)).hasMessage("REFUSED: the database's totpkit test "
        + "schema is version 2, newer than this totpkit's 1: upgrade totpkit");
  }

  @Test
  void schemaComponent_outOfRange_refusedWithTheRange() {
    assertThatThrownBy(() -> new SchemaComponent("x", 3, List.of(FIRST)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("legacySince must be from 0 to 2, was 3");
    assertThatThrownBy(() -> new SchemaComponent("x", 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one step");
  }
}
