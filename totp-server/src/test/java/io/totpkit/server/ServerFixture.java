package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A vault with an OWNER (maria), an OPERATOR granted {@code client:a} (olga), an entry of {@code client:a} holding
 * {@link KnownSecret} and one of {@code client:b}, a token granted {@code client:a}, and a server in front of it on
 * a loopback port, on a clock the test moves.
 */
final class ServerFixture implements AutoCloseable {
  static final String OWNER = "maria";
  static final String OPERATOR = "olga";
  static final String PASSPHRASE = "correct horse battery";

  final Path vaultPath;
  final TestClock clock = new TestClock(Instant.parse("2026-11-29T12:00:00Z"));
  final VaultOptions options = VaultOptions.builder().minimumArgon2().clock(clock).build();
  final ServerState state;
  final UUID granted;
  final UUID ungranted;
  final String token;
  final String adderToken;
  private final Map<String, String> factors = new HashMap<>();
  CodeServer server;

  ServerFixture(Path dir) {
    vaultPath = dir.resolve("agency.totp");
    state = ServerState.besideVault(vaultPath);
    try (Vault vault = Vault.create(vaultPath, OWNER, PASSPHRASE.toCharArray(), options)) {
      granted = vault.add(OtpAuthUri.parse(KnownSecret.URI), Set.of("client:a"));
      ungranted = vault.add(OtpAuthUri.totp(Secret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).issuer("Shop")
          .account("b@example.com").build(), Set.of("client:b"));
      vault.addMember(OPERATOR, Role.OPERATOR, Set.of("client:a"), PASSPHRASE.toCharArray());
      token = ApiTokens.create(vault, "bot", Set.of("client:a"), false);
      adderToken = ApiTokens.create(vault, "adder", Set.of("client:a"), true);
    }
  }

  ServerFixture start() {
    return start(b -> b);
  }

  ServerFixture start(UnaryOperator<CodeServer.Builder> settings) {
    server = settings.apply(CodeServer.builder(VaultStore.file(vaultPath), state).listen("127.0.0.1:0")
        .vaultOptions(options)).start();
    return this;
  }

  Http anonymous() {
    return new Http(server.uri());
  }

  Http tokenClient() {
    return anonymous().bearer(token);
  }

  /** Signs a member in through both steps (enrolling their factor the first time); the session is in the client. */
  Http signIn(String member) {
    Http http = anonymous();
    Http.Answer first = http.post("/api/v1/session", "{\"member\":\"" + member + "\",\"passphrase\":\"" + PASSPHRASE
        + "\"}");
    assertThat(first.status).as(first.toString()).isEqualTo(200);
    if ("enrol".equals(first.field("next"))) {
      factors.put(member, first.field("setupKey"));
    }
    clock.advance(Duration.ofSeconds(30));
    Http.Answer second = http.post("/api/v1/session/code", "{\"code\":\"" + currentCode(member) + "\"}");
    assertThat(second.status).as(second.toString()).isEqualTo(200);
    return http;
  }

  /** The member's sign-in code now. */
  String currentCode(String member) {
    return Totp.builder(Secret.fromBase32(factors.get(member))).build().generate(clock.instant());
  }

  Vault owner() {
    return Vault.open(VaultStore.file(vaultPath), OWNER, PASSPHRASE.toCharArray(), options);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
