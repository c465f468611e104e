package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.guard.testing.UnreachableDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The login service of README.md runs as written, and the README's code block is this region, letter for letter. */
class ReadmeTest {
  private static final Totp TOTP = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();

  /** The README's example: true if the login may go on. */
  static boolean login(DataSource dataSource, Totp totp, String typed) {
    // login-service:begin
    // At start-up, on every server: creates or upgrades the guard tables (idempotent, safe to run concurrently).
    JdbcGuardSchema.migrate(dataSource);

    // Every server verifies through the same replay guard and attempt limiter, kept in the database.
    TotpVerifier verifier = TotpVerifier.builder(totp)
        .window(1, 1)
        .replayGuard(JdbcReplayGuard.of(dataSource))
        .attemptLimiter(JdbcAttemptLimiter.of(dataSource, 5, Duration.ofMinutes(1)))
        .build();
    boolean accepted;
    try {
      accepted = verifier.verify("alice", typed).status() == Verification.Status.ACCEPTED;
    } catch (GuardStoreException e) {   // the database is down, too slow or refusing: nothing was recorded
      accepted = false;                 // fail closed (a GuardUnavailableException may pass on a retry)
    }
    // login-service:end
    return accepted;
  }

  @Test
  void login_sameCodeTwice_acceptedOnceThenRefused() {
    try (HikariDataSource dataSource = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 2)) {
      String typed = TOTP.generate(Instant.now());
      assertThat(login(dataSource, TOTP, typed)).isTrue();
      assertThat(login(dataSource, TOTP, typed)).isFalse();
    }
  }

  @Test
  void login_databaseUnreachable_failsClosed() {
    DataSource unreachable = UnreachableDatabase.dataSource();
    // What the README's catch stands for: the verifier passes the guards' exception on.
    TotpVerifier verifier = TotpVerifier.builder(TOTP).replayGuard(JdbcReplayGuard.of(unreachable))
        .attemptLimiter(JdbcAttemptLimiter.of(unreachable, 5, Duration.ofMinutes(1))).build();
    assertThatThrownBy(() -> verifier.verify("alice", TOTP.now()))
        .isInstanceOf(GuardUnavailableException.class);
  }

  @Test
  void readme_codeBlockIsTheExampleRegion() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/totpkit/guard/ReadmeTest.java"));
    String begin = "// login-service:begin\n";
    int start = source.indexOf(begin);
    int end = source.indexOf("// login-service:end");
    assertThat(start).as("begin marker").isNotNegative();
    assertThat(end).as("end marker").isGreaterThan(start);
    String snippet = source.substring(start + begin.length(), source.lastIndexOf('\n', end) + 1).lines()
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
    assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + snippet + "\n```");
  }
}
