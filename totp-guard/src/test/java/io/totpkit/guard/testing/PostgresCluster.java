package io.totpkit.guard.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the JDBC tests, started by the tests themselves. If {@code TOTPKIT_TEST_JDBC_URL} is set
 * (a URL with user and password), its server is used and never stopped. Otherwise a throw-away cluster is made in a
 * temporary directory with the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/<version>/bin} or
 * {@code initdb} on the PATH), started on a free loopback port as the current user, or as {@code postgres} through
 * {@code runuser} when the current user is root (initdb refuses root), and stopped when the JVM exits.
 *
 * <p>Each test class takes a database of its own ({@link #newDatabase}). Shared through totp-guard's test-jar with the
 * vault's and the examples' tests.
 */
public final class PostgresCluster {
  private static PostgresCluster shared;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String externalUrl;
  private int databases;

  private PostgresCluster(Path bin, Path dir, int port, String externalUrl) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.externalUrl = externalUrl;
  }

  /** The cluster of this test JVM, started on first use. */
  public static synchronized PostgresCluster get() {
    if (shared == null) {
      String url = System.getenv("TOTPKIT_TEST_JDBC_URL");
      shared = url != null && !url.isBlank() ? new PostgresCluster(null, null, -1, url) : startLocal();
    }
    return shared;
  }

  private static PostgresCluster startLocal() {
    Path bin = findBinaries();
    try {
      Path dir = Files.createTempDirectory("totpkit-pg");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      PostgresCluster cluster = new PostgresCluster(bin, dir, port, null);
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres", dir.toString()));
      }
      cluster.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "totpkit", "--auth=trust", "-E", "UTF8",
          "--no-locale", "-N");
      cluster.start();
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "totpkit-pg-stop"));
      return cluster;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a PostgreSQL cluster for the tests: " + e.getMessage(), e);
    }
  }

  private static Path findBinaries() {
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                .replaceAll("\\D", "0")))).orElse(null);
        if (found != null) {
          return found;
        }
      } catch (IOException ignored) {
        // Fall through to the PATH.
      }
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
        return Path.of(entry);
      }
    }
    throw new IllegalStateException("the JDBC tests need PostgreSQL: install its server (Debian: apt-get install "
        + "postgresql) or set TOTPKIT_TEST_JDBC_URL to a server's JDBC URL with user and password");
  }

  /** Starts the server (again, after {@link #stop}). */
  public void start() {
    pg("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
        "-p " + port + " -k " + dir + " -h 127.0.0.1 -c max_connections=200 -c fsync=on", "start");
  }

  /** Stops the server at once, as a crash or a power cut would (no checkpoint). */
  public void stop() {
    pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
  }

  /** Freezes or thaws every process of the server (SIGSTOP / SIGCONT): a database that stops answering. */
  public void freeze(boolean frozen) {
    long postmaster;
    try {
      postmaster = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> command = new ArrayList<>(List.of("kill", frozen ? "-STOP" : "-CONT", Long.toString(postmaster)));
    ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> command.add(Long.toString(d.pid()))));
    run(command);
  }

  /** Whether this test JVM started the server, so that a test may stop or freeze it. */
  public boolean local() {
    return externalUrl == null;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public synchronized String newDatabase() {
    String name = "totpkit_test_" + ProcessHandle.current().pid() + "_" + (++databases);
    try (Connection connection = DriverManager.getConnection(url("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return url(name);
  }

  private String url(String database) {
    if (externalUrl != null) {
      return externalUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=totpkit";
  }

  /** A HikariCP pool over {@code url}, as a server would configure one. */
  public static HikariDataSource pool(String url, int size) {
    return pool(url, size, Duration.ofSeconds(3));
  }

  /** A pool that waits at most {@code connectionTimeout} for a working connection (part of a login's bound). */
  public static HikariDataSource pool(String url, int size, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis() / 2));
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private void pg(String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT));
  }

  private void destroy() {
    try {
      freeze(false);
    } catch (RuntimeException ignored) {
      // Not frozen, or already gone.
    }
    try {
      stop();
    } catch (RuntimeException ignored) {
      // Already stopped.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory; the OS cleans it eventually.
    }
  }
}
