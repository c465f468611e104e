package io.totpkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.server.ApiTokens;
import io.totpkit.server.CodeServer;
import io.totpkit.server.ServerState;
import io.totpkit.vault.JdbcSchema;
import io.totpkit.vault.JdbcVaultStore;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The code server's load figures, side by side in one run: audited reveals over the API from concurrent clients on
 * loopback (journal fsynced, the default) with a file vault and with PostgreSQL; the time from {@code start()} to the
 * first answer; and the heap with 10 000 entries and 50 signed-in sessions.
 *
 * <pre>
 * ./mvnw -B -pl totp-bench -am package -DskipTests
 * java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.ServerLoad [SECONDS [CLIENTS]]
 * </pre>
 *
 * Each client is a thread with its own keep-alive HTTP/1.1 connection ({@link LoadClient}, a minimal client as wrk
 * uses), sending {@code POST /api/v1/accounts/{id}/code} with a bearer token in a loop over the 10 000 entries;
 * latency is measured per request from send to the read answer. Clients and server share the machine's cores.
 */
public final class ServerLoad {
  private static final int ENTRIES = 10_000;
  private static final String PASSPHRASE = "load test passphrase";

  private ServerLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    Path dir = Files.createTempDirectory("totp-load-");
    VaultOptions options = VaultOptions.builder().minimumArgon2().build();
    System.out.printf("ServerLoad: %d clients, %d s measured after 3 s of warm-up, %d entries, %s, %d cores%n",
        clients, seconds, ENTRIES, System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors());
    System.out.println("store       offered/s   reveals/s      p50 ms   p95 ms   p99 ms   max ms   errors");
    Path file = dir.resolve("load.totp");
    for (int rate : new int[] {0, 1000}) {
      report("file", rate, load(VaultStore.file(file), ServerState.besideVault(file), options, seconds, clients,
          rate));
      Files.list(dir).forEach(ServerLoad::delete);
    }
    for (int rate : new int[] {0, 1000}) {
      try (HikariDataSource pool = PostgresCluster.pool(PostgresCluster.get().newDatabase(), 16)) {
        JdbcSchema.migrate(pool);
        report("postgresql", rate, load(JdbcVaultStore.of(pool, "load"), ServerState.database(pool, "load"), options,
            seconds, clients, rate));
      }
    }
    startAndMemory(dir.resolve("memory.totp"));
    System.exit(0);
  }

  /** One store: fill it, start a server, run the clients, stop. */
  private static long[][] load(VaultStore store, ServerState state, VaultOptions options, int seconds, int clients,
      int rate) throws Exception {
    String token;
    List<String> ids = new ArrayList<>();
    try (Vault owner = Vault.create(store, "owner", PASSPHRASE.toCharArray(), options)) {
      fill(owner);
      token = ApiTokens.create(owner, "load", Set.of("client:load"), false);
      for (VaultEntry e : owner.entries()) {
        ids.add(e.id().toString());
      }
    }
    try (CodeServer server = CodeServer.builder(store, state).listen("127.0.0.1:0").vaultOptions(options).start()) {
      return drive(server.uri(), token, ids, seconds, clients, rate);
    }
  }

  private static void fill(Vault owner) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < ENTRIES; i++) {
      list.append("otpauth://totp/Client").append(i).append(":brand").append(i).append("?secret=")
          .append(Secret.generate(20).toBase32()).append("&issuer=Client").append(i).append('\n');
    }
    owner.importOtpauth(list.toString(), Set.of("client:load"));
  }

  /**
   * Runs the clients: warm-up, then the measured seconds; returns each request's latency in nanoseconds. With
   * {@code rate} 0 each client sends its next request as soon as it has the answer (the most the server gives); with
   * a rate, each client sends on a fixed schedule of {@code rate / clients} per second and latency counts from the
   * scheduled time, so a stall is charged to every request it delayed (no coordinated omission).
   */
  private static long[][] drive(URI base, String token, List<String> ids, int seconds, int clients, int rate)
      throws InterruptedException {
    long interval = rate == 0 ? 0 : 1_000_000_000L * clients / rate;
    long[][] latencies = new long[clients][];
    AtomicLong errors = new AtomicLong();
    long warmUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    long stopAt = warmUntil + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        int i = client * 311;
        String[] body = new String[1];
        LoadClient http = null;
        long next = System.nanoTime() + (interval == 0 ? 0 : interval * client / clients);
        while (true) {
          long start;
          if (interval == 0) {
            start = System.nanoTime();
          } else {
            start = next;
            next += interval;
            long wait = start - System.nanoTime();
            if (wait > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
          }
          if (start >= stopAt) {
            break;
          }
          String path = "/api/v1/accounts/" + ids.get(i++ % ids.size()) + "/code";
          try {
            if (http == null) {
              http = new LoadClient(base, token);
            }
            if (http.post(path, body) != 200 || !body[0].contains("\"code\"")) {
              errors.incrementAndGet();
            }
          } catch (IOException e) {
            errors.incrementAndGet();
            http = null;
          }
          long took = System.nanoTime() - start;
          if (start >= warmUntil) {
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = took;
          }
        }
        latencies[client] = Arrays.copyOf(mine, n);
        done.countDown();
      }, "load-client-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    long[][] out = Arrays.copyOf(latencies, clients + 1);
    out[clients] = new long[] {seconds, errors.get()};
    return out;
  }

  private static void report(String store, int rate, long[][] result) {
    int clients = result.length - 1;
    long seconds = result[clients][0];
    long errors = result[clients][1];
    long[] all = Arrays.stream(result, 0, clients).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(Locale.ROOT, "%-10s %10s %11.0f %11.2f %8.2f %8.2f %8.2f %8d%n", store,
        rate == 0 ? "as fast" : Integer.toString(rate), all.length / (double) seconds, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), all[all.length - 1] / 1e6,
        errors);
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** Start to first answer, and the heap with 10 000 entries and 50 signed-in staff members granted all of them. */
  private static void startAndMemory(Path file) throws Exception {
    MutableClock clock = new MutableClock();
    clock.now = Instant.parse("2026-11-29T12:00:00Z");
    VaultOptions options = VaultOptions.builder().minimumArgon2().clock(clock).build();
    try (Vault owner = Vault.create(file, "owner", PASSPHRASE.toCharArray(), options)) {
      fill(owner);
      for (int i = 0; i < 50; i++) {
        owner.addMember("staff" + i, Role.OPERATOR, Set.of("client:load"), PASSPHRASE.toCharArray());
      }
    }
    long before = usedHeap();
    long t0 = System.nanoTime();
    CodeServer server = CodeServer.builder(VaultStore.file(file), ServerState.besideVault(file))
        .listen("127.0.0.1:0").vaultOptions(options).start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    long startMillis = (System.nanoTime() - t0) / 1_000_000;
    if (health.statusCode() != 200) {
      throw new AssertionError("health answered " + health.statusCode());
    }
    List<String> cookies = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> first = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/session"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"member\":\"staff" + i + "\",\"passphrase\":\""
              + PASSPHRASE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
      String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String factor = first.body().replaceAll(".*\"setupKey\":\"([A-Z2-7]+)\".*", "$1");
      String code = Totp.builder(Secret.fromBase32(factor)).build().generate(clock.now);
      HttpResponse<String> second = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/session/code"))
          .header("Content-Type", "application/json").header("Cookie", cookie)
          .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (second.statusCode() != 200) {
        throw new AssertionError("sign-in " + i + " answered " + second.body());
      }
      cookies.add(second.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
    }
    for (String cookie : cookies) {
      HttpResponse<String> alive = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/v1/session"))
          .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
      if (alive.statusCode() != 200) {
        throw new AssertionError("a session ended before the measurement: " + alive.body());
      }
    }
    long after = usedHeap();
    System.out.printf(Locale.ROOT, "start to first answer: %d ms (in a warm JVM: Jetty, routes, first request)%n",
        startMillis);
    System.out.printf(Locale.ROOT, "heap after GC: %.1f MiB before the server, %.1f MiB with %d entries and %d "
        + "signed-in sessions (+%.1f MiB, %.0f KiB per session)%n", before / 1048576.0, after / 1048576.0, ENTRIES,
        cookies.size(), (after - before) / 1048576.0, (after - before) / 1024.0 / cookies.size());
    server.close();
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
