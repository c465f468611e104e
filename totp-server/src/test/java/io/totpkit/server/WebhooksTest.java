package io.totpkit.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a receiver on 127.0.0.1 (the JDK's HttpServer): what is sent and signed, which answers are
 * retried, the bound on outstanding deliveries, and close. Retries wait 50 ms, so every test ends in well under a
 * second; waits for a counter poll it for up to 5 s and assert no durations.
 */
class WebhooksTest {
  private static final byte[] SECRET = KnownSecret.raw();
  private static final String EVENT = "{\"event\":\"reveal\",\"entry\":\"bank ü\",\"member\":\"ana\"}";
  /** A path and query that carry a token, as a chat service's webhook URL does: never to be logged. */
  private static final String TOKEN_PATH = "/hooks/T0KEN-IN-PATH?key=T0KEN-IN-QUERY";
  private static final List<Duration> FAST = List.of(Duration.ofMillis(50), Duration.ofMillis(50),
      Duration.ofMillis(50));

  /** One request as the receiver saw it. */
  private record Received(String deliveryId, String signature, String contentType, String userAgent, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  /** A gate already open: the receiver answers at once. */
  private final CountDownLatch open = new CountDownLatch(0);
  private HttpServer server;
  private ExecutorService serverThreads;
  private Webhooks hooks;

  @AfterEach
  void stop() {
    if (hooks != null) {
      hooks.close();
    }
    if (server != null) {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  @Test
  void send_toReceiver_deliversBodyUnchangedSignedWithDeliveryId() throws Exception {
    URI url = receiver(request -> 200, open);
    hooks = new Webhooks(client(), 10, FAST);

    assertThat(hooks.send(url, SECRET, EVENT)).isTrue();

    awaitTrue(() -> hooks.delivered() == 1);
    assertThat(received).hasSize(1);
    Received request = received.get(0);
    assertThat(request.body()).isEqualTo(EVENT);
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.userAgent()).isEqualTo("totpkit-server");
    assertThat(UUID.fromString(request.deliveryId()).toString()).isEqualTo(request.deliveryId());
    assertThat(verifies(request, SECRET)).isTrue();
    assertThat(verifies(request, "another secret".getBytes(UTF_8))).isFalse();
    long t = Long.parseLong(fields(request.signature()).get("t"));
    assertThat(t).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 60);
    assertThat(hooks.failed()).isZero();
    assertThat(hooks.dropped()).isZero();
  }

  @Test
  void send_after500_retriesWithSameDeliveryIdAndDelivers() throws Exception {
    URI url = receiver(request -> request == 0 ? 500 : 200, open);
    hooks = new Webhooks(client(), 10, FAST);

    hooks.send(url, SECRET, EVENT);

    awaitTrue(() -> hooks.delivered() == 1);
    assertThat(received).hasSize(2);
    assertThat(received.get(1).deliveryId()).isEqualTo(received.get(0).deliveryId());
    // Each attempt is signed with its own t: both must verify, whether or not a second boundary fell between them.
    assertThat(received).allMatch(request -> verifies(request, SECRET) && request.body().equals(EVENT));
    assertThat(hooks.failed()).isZero();
  }

  @Test
  void send_answered400_isNotRetriedAndFails() throws Exception {
    URI url = receiver(request -> 400, open);
    hooks = new Webhooks(client(), 10, FAST);

    hooks.send(url, SECRET, EVENT);

    awaitTrue(() -> hooks.failed() == 1);
    // A retry would have been counted before failed() moved: the receiver sees each request before it answers.
    assertThat(received).hasSize(1);
    assertThat(hooks.delivered()).isZero();
  }

  @Test
  void send_alwaysAnswered503_givesUpAfterEveryRetry() throws Exception {
    URI url = receiver(request -> 503, open);
    hooks = new Webhooks(client(), 10, FAST);

    hooks.send(url, SECRET, EVENT);

    awaitTrue(() -> hooks.failed() == 1);
    assertThat(received).hasSize(FAST.size() + 1);
    assertThat(received).extracting(Received::deliveryId).containsOnly(received.get(0).deliveryId());
    assertThat(hooks.delivered()).isZero();
  }

  @Test
  void send_whenCapacityOutstanding_dropsAndReturnsFalse() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    URI url = receiver(request -> 200, release);
    hooks = new Webhooks(client(), 2, FAST);
    try {
      assertThat(hooks.send(url, SECRET, EVENT)).isTrue();
      assertThat(hooks.send(url, SECRET, EVENT)).isTrue();

      // Neither can end while the receiver holds them, so both are still outstanding.
      assertThat(hooks.send(url, SECRET, EVENT)).isFalse();
      assertThat(hooks.dropped()).isEqualTo(1);
    } finally {
      release.countDown();
    }
    awaitTrue(() -> hooks.delivered() == 2);
    assertThat(hooks.send(url, SECRET, EVENT)).as("room again once delivered").isTrue();
    awaitTrue(() -> hooks.delivered() == 3);
    assertThat(hooks.toString()).isEqualTo("Webhooks[delivered 3, failed 0, dropped 1, outstanding 0]");
  }

  @Test
  void send_connectionRefused_retriesThenFailsWithoutThrowing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort(); // free again once closed: nothing listens there
    }
    CountingClient counting = new CountingClient(client());
    hooks = new Webhooks(counting, 10, List.of(Duration.ofMillis(50), Duration.ofMillis(50)));

    assertThatCode(() -> assertThat(hooks.send(URI.create("http://127.0.0.1:" + closedPort + "/hook"), SECRET,
        EVENT)).isTrue()).doesNotThrowAnyException();

    awaitTrue(() -> hooks.failed() == 1);
    assertThat(counting.sends.get()).isEqualTo(3);
    assertThat(hooks.delivered()).isZero();
  }

  @Test
  void close_nothingPending_returnsPromptlyAndStopsAccepting() {
    hooks = new Webhooks(client(), 10, FAST);

    // close waits up to 5 s only for attempts in flight; with none it must not wait at all.
    assertTimeoutPreemptively(Duration.ofSeconds(2), hooks::close);

    assertThat(hooks.send(URI.create("http://127.0.0.1:9/hook"), SECRET, EVENT)).isFalse();
    assertThat(hooks.dropped()).isZero();
    assertThatCode(hooks::close).doesNotThrowAnyException();
  }

  @Test
  void close_retryPending_abandonsItAsFailed() throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    URI url = receiver(request -> {
      answered.countDown();
      return 503;
    }, open);
    hooks = new Webhooks(client(), 10, List.of(Duration.ofMinutes(1)));
    hooks.send(url, SECRET, EVENT);
    assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();

    assertTimeoutPreemptively(Duration.ofSeconds(4), hooks::close);

    assertThat(hooks.failed()).isEqualTo(1);
    assertThat(received).hasSize(1);
  }

  @Test
  void signature_knownAnswer_matchesHmacSha256() throws Exception {
    byte[] secret = "whsec-test-secret".getBytes(UTF_8);
    String body = "{\"event\":\"reveal\",\"entry\":\"bank ü\"}";
    // From: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac whsec-test-secret
    String openssl = "b093a49522b5dd49bdd083abfe032fc9e73cdbb5cb4f1b62cea6c301932dbf39";

    String signature = Webhooks.signature(secret, 1_700_000_000L, body);

    assertThat(signature).isEqualTo(openssl);
    assertThat(HexFormat.of().parseHex(signature)).isEqualTo(hmac(secret, "1700000000." + body));
  }

  @Test
  void send_finalFailure_logsSchemeAndHostOnly() throws Exception {
    URI url = receiver(request -> 403, open);
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger log = Logger.getLogger("io.totpkit.server");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    try {
      hooks = new Webhooks(client(), 10, FAST);
      hooks.send(url, SECRET, EVENT);
      awaitTrue(() -> hooks.failed() == 1);
    } finally {
      log.removeHandler(capture);
    }

    assertThat(lines).singleElement().asString().contains("http://127.0.0.1", "403")
        .doesNotContain("T0KEN", "hooks", "reveal", "bank");
    KnownSecret.assertNoSecretIn("the log line", lines.get(0));
    KnownSecret.assertNoSecretIn("toString", hooks.toString());
  }

  @Test
  void send_notAnHttpUrl_throwsWithoutNamingIt() {
    hooks = new Webhooks(client(), 10, FAST);

    assertThatThrownBy(() -> hooks.send(URI.create("ftp://example.com/T0KEN-IN-PATH"), SECRET, EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(thrown -> assertThat(KnownSecret.fullText(thrown)).doesNotContain("T0KEN"));
  }

  /** Starts the receiver: request n (from 0) is answered with status.applyAsInt(n) once {@code gate} opens. */
  private URI receiver(IntUnaryOperator status, CountDownLatch gate) throws IOException {
    AtomicInteger requests = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> answer(exchange, status.applyAsInt(requests.getAndIncrement()), gate));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + TOKEN_PATH);
  }

  private void answer(HttpExchange exchange, int status, CountDownLatch gate) throws IOException {
    try (exchange) {
      received.add(new Received(exchange.getRequestHeaders().getFirst("X-Totpkit-Delivery"),
          exchange.getRequestHeaders().getFirst("X-Totpkit-Signature"),
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("User-Agent"),
          new String(exchange.getRequestBody().readAllBytes(), UTF_8)));
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) { // the test is over
        Thread.currentThread().interrupt();
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Polls a condition for up to 5 s: a wait, not a measurement, so a slow machine only makes it slower. */
  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("still false after 5 s").isNegative();
      Thread.sleep(5);
    }
  }

  /** Checks a signature header as a receiver would: recompute the HMAC over t, a dot and the body. */
  private static boolean verifies(Received request, byte[] secret) {
    Map<String, String> fields = fields(request.signature());
    assertThat(fields.get("v1")).matches("[0-9a-f]{64}");
    try {
      return MessageDigest.isEqual(HexFormat.of().parseHex(fields.get("v1")),
          hmac(secret, fields.get("t") + "." + request.body()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, String> fields(String header) {
    Map<String, String> fields = new HashMap<>();
    for (String field : header.split(",")) {
      String[] pair = field.split("=", 2);
      fields.put(pair[0], pair[1]);
    }
    assertThat(fields).containsOnlyKeys("t", "v1");
    return fields;
  }

  private static byte[] hmac(byte[] secret, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return mac.doFinal(message.getBytes(UTF_8));
  }

  /** A client that counts the blocking sends handed to it: the only way to see attempts nobody receives. */
  private static final class CountingClient extends HttpClient {
    final AtomicInteger sends = new AtomicInteger();
    private final HttpClient inner;

    CountingClient(HttpClient inner) {
      this.inner = inner;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      sends.incrementAndGet();
      return inner.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
        HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException("Webhooks sends blocking on its own threads");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      throw new UnsupportedOperationException("Webhooks sends blocking on its own threads");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return inner.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return inner.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return inner.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return inner.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return inner.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return inner.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return inner.authenticator();
    }

    @Override
    public Version version() {
      return inner.version();
    }

    @Override
    public Optional<Executor> executor() {
      return inner.executor();
    }
  }
}
