package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.AuditTamperedException;
import io.totpkit.vault.Vault;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.jr.ob.JSON;

/**
 * Properties 4 and 5 through the server: each reveal of a tag with a webhook reaches a local receiver as a signed
 * event naming who, which account, when, from where and why, never the code or key; a journal cut after reveals
 * fails {@code verifyAudit()}.
 */
class AccountableRevealTest {
  @TempDir Path dir;
  ServerFixture fx;
  HttpServer receiver;
  final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Totpkit-Signature"), body});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    fx = new ServerFixture(dir).start();
  }

  @AfterEach
  void stop() {
    fx.close();
    receiver.stop(0);
  }

  @Test
  void reveal_sendsSignedEvent_withoutCodeOrKey() throws Exception {
    URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    Optional<String> secret;
    try (Vault owner = fx.owner()) {
      secret = fx.state.setTagPolicy(owner, "client:a", TagPolicy.of(true, hook));
    }
    assertThat(secret).isPresent();
    Http.Answer answer = fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code",
        "{\"reason\":\"client asked for the weekly post\"}");
    assertThat(answer.status).isEqualTo(200);
    String[] event = received.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("no event arrived").isNotNull();
    String signature = event[0];
    String body = event[1];
    long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
    assertThat(signature).isEqualTo("t=" + t + ",v1="
        + Webhooks.signature(java.util.HexFormat.of().parseHex(secret.get()), t, body));
    Map<String, Object> json = JSON.std.mapFrom(body);
    assertThat(json).containsEntry("type", "code.revealed").containsEntry("by", "token:bot")
        .containsEntry("via", "token").containsEntry("from", "127.0.0.1")
        .containsEntry("reason", "client asked for the weekly post");
    @SuppressWarnings("unchecked")
    Map<String, Object> account = (Map<String, Object>) json.get("account");
    assertThat(account).containsEntry("id", fx.granted.toString()).containsEntry("issuer", "Acme");
    assertThat(body).doesNotContain(answer.field("code"));
    KnownSecret.assertNoSecretIn("webhook event", body);
  }

  @Test
  void untaggedPolicy_sendsNothing() throws Exception {
    assertThat(fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void journalCutAfterReveals_failsVerification() throws IOException {
    Http bot = fx.tokenClient();
    for (int i = 0; i < 3; i++) {
      fx.clock.advance(Duration.ofSeconds(30));
      assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    }
    fx.close();
    Path journal = dir.resolve("agency.totp.audit");
    try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
      file.setLength(file.length() - 10);
    }
    try (Vault owner = fx.owner()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(owner::verifyAudit)
          .isInstanceOf(AuditTamperedException.class);
    } catch (io.totpkit.vault.VaultException refusedToOpen) {
      // Opening already checks the journal against the head: refusing to open is the same verdict.
      assertThat(refusedToOpen.getMessage()).containsAnyOf("audit", "journal");
    }
  }

  @Test
  void forwardedFor_trustedFromLoopbackBehindProxyOnly() {
    fx.close();
    fx.start(b -> b.behindProxy(true));
    Http bot = fx.tokenClient();
    Http.Answer answer = bot.send(bot.request("/api/v1/accounts/" + fx.granted + "/code")
        .header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.status).isEqualTo(200);
    try (Vault owner = fx.owner()) {
      List<io.totpkit.vault.AuditRecord> trail = owner.auditTrail();
      assertThat(trail.get(trail.size() - 1).detail()).hasValue("from 203.0.113.9");
    }
  }

  @Test
  void forwardedFor_ignoredWithoutBehindProxy() {
    Http bot = fx.tokenClient();
    bot.send(bot.request("/api/v1/accounts/" + fx.granted + "/code").header("X-Forwarded-For", "203.0.113.9")
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    try (Vault owner = fx.owner()) {
      List<io.totpkit.vault.AuditRecord> trail = owner.auditTrail();
      assertThat(trail.get(trail.size() - 1).detail()).hasValue("from 127.0.0.1");
    }
  }
}
