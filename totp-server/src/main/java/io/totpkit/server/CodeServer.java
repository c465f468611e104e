package io.totpkit.server;

import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The code server: staff and automation get codes over HTTP, never keys, and every reveal is audited before its code
 * is answered. It serves the JSON API of the module's README under {@code /api/v1/} and the staff pages (with the
 * client onboarding and invitation links) everywhere else, on one address, over TLS when given.
 *
 * <pre>{@code
 * try (CodeServer server = CodeServer.builder(VaultStore.file(path), ServerState.besideVault(path))
 *     .listen("127.0.0.1:8080").start()) {
 *   System.out.println("serving on " + server.uri());
 *   server.join();
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 *
 * <h2>Security</h2>
 * The server holds no standing key: a staff member's vault keys are in memory from their sign-in to its end (sign-out,
 * 15 minutes idle, 12 hours), a token's from its first request until it is idle for 10 minutes or revoked. It refuses
 * a non-loopback address without TLS unless told a reverse proxy terminates TLS, and then trusts forwarded headers
 * from loopback only. The threat model, and what it does not cover, is in the module's README.
 */
public final class CodeServer implements AutoCloseable {
  private final Server jetty;
  private final Sessions sessions;
  private final TokenCallers tokens;
  private final Webhooks webhooks;
  private final ScheduledExecutorService sweeper;
  private final URI uri;

  private CodeServer(Builder b) throws Exception {
    ListenAddress listen = ListenAddress.parse(b.listen);
    ListenAddress.checkExposure(listen, b.tls != null, b.behindProxy);
    this.sessions = new Sessions(b.clock, b.sessionIdle, Duration.ofHours(12), Duration.ofMinutes(5));
    LoginThrottle throttle = LoginThrottle.standard(b.clock);
    this.tokens = new TokenCallers(b.store, b.options, throttle, b.clock, Duration.ofMinutes(10));
    this.webhooks = b.webhooks != null ? b.webhooks : Webhooks.standard();
    SignInFactor factor = new SignInFactor(b.state, b.clock);
    SignIn signIn = new SignIn(b.store, b.options, sessions, throttle, factor, b.clock);
    Invitations invitations = new Invitations(b.state, factor, b.store, b.options, b.clock);
    SignInEndpoints signInApi = new SignInEndpoints(signIn);
    Reveals reveals = new Reveals(b.state, webhooks, b.clock);
    ScreenshotIntake intake = new ScreenshotIntake(b.clock);
    AccountEndpoints accounts = new AccountEndpoints(reveals, new Uploads(intake));
    List<Route> routes = List.of(
        new Route("GET", "/api/v1/health", Permission.ANYONE, x -> Reply.ok(Map.of("status", "ok"))),
        new Route("POST", "/api/v1/session", Permission.ANYONE, signInApi::start),
        new Route("POST", "/api/v1/session/code", Permission.PASSPHRASE_CHECKED, signInApi::code),
        new Route("DELETE", "/api/v1/session", Permission.ANYONE, signInApi::end),
        new Route("GET", "/api/v1/session", Permission.CALLER, signInApi::whoAmI),
        new Route("GET", "/api/v1/accounts", Permission.CALLER, accounts::list),
        new Route("POST", "/api/v1/accounts", Permission.ADD, accounts::add),
        new Route("POST", "/api/v1/accounts/{id}/code", Permission.CALLER, accounts::code));

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("totp-server");
    threads.setDaemon(true);
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (b.tls != null) {
      http.addCustomizer(ServerTls.secureRequestCustomizer());
      connector = new ServerConnector(jetty, b.tls.sslContextFactory(), new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    }
    connector.setHost(listen.socketAddress().getAddress().getHostAddress());
    connector.setPort(listen.socketAddress().getPort());
    jetty.addConnector(connector);
    Gate gate = new Gate(sessions, tokens);
    StaffPages pages = new StaffPages(signIn, reveals, b.state, b.clock, invitations, intake);
    OnboardingLinks links = new OnboardingLinks(b.state, b.store, b.options, b.clock);
    jetty.setHandler(new Handler.Sequence(new ApiHandler(routes, gate, b.behindProxy, b.tls != null),
        new PageHandler(pages, links, gate, b.behindProxy, b.tls != null)));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setStopTimeout(5_000);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "totp-server-sweeper");
      t.setDaemon(true);
      return t;
    });
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      sweeper.shutdownNow();
      webhooks.close();
      throw e;
    }
    sweeper.scheduleWithFixedDelay(() -> {
      sessions.sweep();
      tokens.sweep();
    }, 15, 15, TimeUnit.SECONDS);
    String host = listen.socketAddress().getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.uri = URI.create((b.tls != null ? "https" : "http") + "://" + host + ":" + connector.getLocalPort() + "/");
  }

  /**
   * Starts building a server in front of a vault.
   *
   * @param store the vault: a file ({@link VaultStore#file}) or a database ({@link io.totpkit.vault.JdbcVaultStore})
   * @param state the server's own state beside it ({@link ServerState#besideVault}, {@link ServerState#database})
   * @return a builder
   */
  public static Builder builder(VaultStore store, ServerState state) {
    return new Builder(Objects.requireNonNull(store, "store"), Objects.requireNonNull(state, "state"));
  }

  /** Returns the address it serves, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** Returns the port it listens on (the one chosen when port 0 was asked for). */
  public int port() {
    return uri.getPort();
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops serving, ends every session and token (zeroing their keys) and sends what webhooks it can. */
  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      System.getLogger("io.totpkit.server").log(System.Logger.Level.WARNING,
          "stopping the HTTP server failed: " + e.getClass().getSimpleName());
    }
    sweeper.shutdownNow();
    sessions.close();
    tokens.close();
    webhooks.close();
  }

  @Override
  public String toString() {
    return "CodeServer[" + uri + "]";
  }

  /**
   * Settings of a {@link CodeServer}; {@link #start()} validates them and starts serving.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private final VaultStore store;
    private final ServerState state;
    private String listen = "127.0.0.1:8080";
    private ServerTls tls;
    private boolean behindProxy;
    private VaultOptions options = VaultOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration sessionIdle = Duration.ofMinutes(15);
    private Webhooks webhooks;

    private Builder(VaultStore store, ServerState state) {
      this.store = store;
      this.state = state;
    }

    /** Where to listen: {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code PORT} (loopback); default 127.0.0.1:8080. */
    public Builder listen(String address) {
      this.listen = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Serves HTTPS with this certificate and key. */
    public Builder tls(ServerTls tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Says a reverse proxy on this machine terminates TLS: a non-loopback address is allowed without TLS, session
     * cookies are marked Secure, and {@code X-Forwarded-For} is trusted from loopback peers only.
     */
    public Builder behindProxy(boolean behindProxy) {
      this.behindProxy = behindProxy;
      return this;
    }

    /** The vault options used to open members' vaults (lock timeout, clock); defaults otherwise. */
    public Builder vaultOptions(VaultOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      this.clock = options.clock();
      return this;
    }

    /** How long a signed-in session lasts without a request; 1 minute to 12 hours, default 15 minutes. */
    public Builder sessionIdle(Duration idle) {
      if (idle.compareTo(Duration.ofMinutes(1)) < 0 || idle.compareTo(Duration.ofHours(12)) > 0) {
        throw new IllegalArgumentException("sessionIdle must be 1 minute to 12 hours, was " + idle);
      }
      this.sessionIdle = idle;
      return this;
    }

    Builder webhooks(Webhooks webhooks) {
      this.webhooks = webhooks;
      return this;
    }

    /**
     * Starts serving.
     *
     * @return the running server
     * @throws ServerConfigException if the address is malformed, cannot be bound, or is not loopback without TLS
     *     or {@link #behindProxy}
     */
    public CodeServer start() {
      try {
        return new CodeServer(this);
      } catch (ServerConfigException | IllegalArgumentException e) {
        throw e;
      } catch (java.io.IOException e) {
        throw new ServerConfigException("cannot listen on " + listen + ": the address is in use or not this "
            + "machine's");
      } catch (Exception e) {
        throw new ServerConfigException("the server could not start: " + e.getClass().getSimpleName());
      }
    }
  }
}
