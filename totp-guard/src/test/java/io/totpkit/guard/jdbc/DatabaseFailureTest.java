package io.totpkit.guard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.jdbc.DatabaseFailure.Kind;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Driver errors told apart once for every module: SQLSTATEs as PostgreSQL and pgjdbc report them. */
class DatabaseFailureTest {
  static Stream<Arguments> driverErrors() {
    return Stream.of(
        Arguments.of(new SQLException("canceling statement due to statement timeout", "57014"), Kind.UNAVAILABLE,
            "the database did not answer within 1500 ms while x; nothing was changed"),
        Arguments.of(new SQLException("I/O error", "08006", new SocketTimeoutException("Read timed out")),
            Kind.UNAVAILABLE, "the database did not answer within 1500 ms while x; nothing was changed"),
        Arguments.of(new SQLTimeoutException("timed out"), Kind.UNAVAILABLE,
            "the database did not answer within 1500 ms while x; nothing was changed"),
        Arguments.of(new SQLException("terminating connection due to administrator command", "57P01"),
            Kind.UNAVAILABLE, "the database went away or could not be reached while x; nothing was changed, retry when"
                + " it is back (terminating connection due to administrator command)"),
        Arguments.of(new SQLException("Connection refused", "08001"), Kind.UNAVAILABLE,
            "the database went away or could not be reached while x; nothing was changed, retry when it is back "
                + "(Connection refused)"),
        Arguments.of(new SQLException("This connection has been closed."), Kind.UNAVAILABLE,
            "the database went away or could not be reached while x; nothing was changed, retry when it is back "
                + "(This connection has been closed.)"),
        Arguments.of(new SQLException("relation \"totpkit_replay\" does not exist", "42P01"), Kind.MISSING_TABLES,
            "the totpkit tables are missing from the database while x: run the migration"),
        Arguments.of(new SQLException("permission denied for table totpkit_replay", "42501"), Kind.REFUSED,
            "the database refused x: permission denied for table totpkit_replay"),
        Arguments.of(new SQLException("duplicate key value", "23505"), Kind.REFUSED,
            "the database refused x: duplicate key value"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("driverErrors")
  void classify_driverError_kindAndMessage(SQLException error, Kind kind, String message) {
    DatabaseFailure failure = DatabaseFailure.classify("x", error, Duration.ofMillis(1500), "run the migration");
    assertThat(failure.kind()).isEqualTo(kind);
    assertThat(failure.message()).isEqualTo(message);
    assertThat((Throwable) failure.cause()).isSameAs(error);
  }
}
