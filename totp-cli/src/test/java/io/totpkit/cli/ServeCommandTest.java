package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code totp tokens}, {@code totp tags} and {@code totp serve}, as a user runs them. */
class ServeCommandTest extends WithVault {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void tokens_createListRevoke() {
    Cli.Result created = cli.run("tokens", "create", "bot", "--grant", "client:a");
    assertThat(created.status).as(created.toString()).isZero();
    assertThat(created.out).containsPattern("totp_bot_[A-Za-z0-9_-]{43}");
    Cli.Result list = cli.run("tokens", "list");
    assertThat(list.out).contains("bot").contains("client:a").doesNotContain("totp_bot_");
    assertThat(cli.run("tokens", "create", "Bad Name", "--grant", "x").status).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("tokens", "create", "adder", "--grant", "client:a", "--can-add").status).isZero();
    assertThat(cli.run("tokens", "list").out).containsPattern("adder\\s+yes");
    assertThat(cli.run("tokens", "revoke", "bot").status).isZero();
    assertThat(cli.run("tokens", "list").out).doesNotContain("bot ");
  }

  @Test
  void tags_setPrintsWebhookSecretOnce_listShowsPolicy() {
    Cli.Result set = cli.run("tags", "set", "client:a", "--require-reason", "--webhook", "https://hooks.example/x");
    assertThat(set.status).as(set.toString()).isZero();
    assertThat(set.out).containsPattern("secret \\(shown once\\): [0-9a-f]{64}");
    assertThat(cli.run("tags", "set", "client:a", "--require-reason", "--webhook", "https://hooks.example/x").out)
        .doesNotContain("secret");
    assertThat(cli.run("tags", "list").out).contains("client:a").contains("required");
    assertThat(cli.run("tags", "set", "client:b", "--webhook", "ftp://x").status).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void membersAdd_tokenName_refused_andTagsSetByOperator_notAllowed() {
    assertThat(cli.runWithInput("pw pw pw pw\npw pw pw pw\n", "members", "add", "token:x", "--role", "operator",
        "--grant", "a").status).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.runWithInput("olga passphrase\nolga passphrase\n", "members", "add", "olga", "--role",
        "operator", "--grant", "client:a").status).isZero();
    Cli.Result refused = cli.as("olga", "olga passphrase").run("tags", "set", "client:a", "--require-reason");
    assertThat(refused.status).as(refused.toString()).isEqualTo(ExitCodes.AUTH);
  }

  @Test
  void serve_nonLoopbackWithoutTls_refused() {
    Cli.Result refused = cli.run("serve", "--listen", "0.0.0.0:0");
    assertThat(refused.status).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err).contains("without TLS");
  }

  @Test
  void serve_answersUntilInterrupted_tokenGetsCode() throws Exception {
    String token = tokenLine(cli.run("tokens", "create", "bot", "--grant", "client:a").out);
    assertThat(cli.run("add", "--uri", "otpauth://totp/Acme:ops?secret=JBSWY3DPEHPK3PXPJBSWY3DP", "--tag",
        "client:a").status).isZero();
    String out = serveAndAsk(cli, new String[] {"serve", "--listen", "127.0.0.1:0"}, base -> {
      HttpResponse<String> accounts = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/accounts"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(accounts.statusCode()).isEqualTo(200);
      assertThat(accounts.body()).contains("Acme");
    });
    assertThat(out).contains("Serving");
  }

  @Test
  void serveDemo_printsCredentials_andTheTokenWorks() throws Exception {
    String out = serveAndAsk(cli, new String[] {"serve", "--demo", "--listen", "127.0.0.1:0"}, base -> { });
    assertThat(out).contains("member maria, passphrase").contains("curl -s");
  }

  /** Runs a serve command on a thread, calls {@code ask} with its URL, interrupts it; returns its output. */
  static String serveAndAsk(Cli cli, String[] args, Ask ask) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true, StandardCharsets.UTF_8),
        new PrintWriter(err, true, StandardCharsets.UTF_8), cli.env, Clock.systemUTC(), null, false);
    AtomicInteger status = new AtomicInteger(-1);
    Thread serving = new Thread(() -> status.set(TotpCommand.execute(io, args)));
    serving.start();
    Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");
    URI base = null;
    for (int i = 0; i < 200 && base == null; i++) {
      Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        base = URI.create(m.group(1));
      } else {
        Thread.sleep(50);
      }
    }
    assertThat(base).as("no URL printed: " + out.toString(StandardCharsets.UTF_8) + err).isNotNull();
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    if (args.length > 1 && args[1].equals("--demo")) {
      String token = tokenLine(out.toString(StandardCharsets.UTF_8));
      HttpResponse<String> accounts = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/accounts"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(accounts.body()).contains("TikTok").contains("Shopify");
    }
    ask.at(base);
    serving.interrupt();
    serving.join(10_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(status.get()).isEqualTo(ExitCodes.INTERRUPTED);
    return out.toString(StandardCharsets.UTF_8);
  }

  static String tokenLine(String out) {
    Matcher m = Pattern.compile("(totp_[a-z0-9-]+_[A-Za-z0-9_-]{43})").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** What a test asks the running server. */
  interface Ask {
    void at(URI base) throws Exception;
  }
}
