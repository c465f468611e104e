package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties 1 and 2: every endpoint, driven by every kind of caller with a known key in the vault, answers nothing
 * that carries it (Base32 in either case, hex, Base64, raw) or any {@code otpauth} URI, in body or headers; and no file
 * the server leaves on disk holds that key or a member's sign-in key.
 */
class LeakScanTest extends WithServer {
  final List<Http.Answer> answers = new ArrayList<>();

  @Test
  void everyAnswer_carriesNoKeyAndNoUri() {
    try (io.totpkit.vault.Vault owner = fx.owner()) {
      fx.state.setTagPolicy(owner, "client:a", TagPolicy.of(true, java.net.URI.create("http://127.0.0.1:9/hook")));
    }
    Http anonymous = fx.anonymous();
    Http maria = fx.signIn(ServerFixture.OWNER);
    Http olga = fx.signIn(ServerFixture.OPERATOR);
    Http bot = fx.tokenClient();
    for (Http who : List.of(anonymous, maria, olga, bot)) {
      answers.add(who.get("/api/v1/health"));
      answers.add(who.get("/api/v1/accounts"));
      answers.add(who.get("/api/v1/session"));
      answers.add(who.post("/api/v1/accounts/" + fx.granted + "/code", null));
      answers.add(who.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":\"check\"}"));
      answers.add(who.post("/api/v1/accounts/" + fx.ungranted + "/code", "{\"reason\":\"check\"}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI + "\",\"tags\":[\"client:a\"]}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI.replace("totp", "hotp")
          + "&counter=x\"}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI + "&digits=99\"}"));
      answers.add(who.post("/api/v1/session/code", "{\"code\":\"" + KnownSecret.BASE32 + "\"}"));
      answers.add(who.post("/api/v1/session", "{\"member\":\"" + KnownSecret.BASE32 + "\",\"passphrase\":\"x\"}"));
      answers.add(who.post("/api/v1/accounts/" + KnownSecret.BASE32 + "/code", null));
      answers.add(who.get("/api/v1/" + KnownSecret.BASE32));
    }
    answers.add(maria.delete("/api/v1/session"));
    for (Http.Answer answer : answers) {
      String text = answer.everything();
      KnownSecret.assertNoSecretIn("answer " + answer.status, text);
      assertThat(text.toLowerCase()).as("answer " + answer).doesNotContain("otpauth");
    }
  }

  @Test
  void filesOnDisk_holdNoKeyOfEntryOrSignInFactor() throws IOException {
    Http first = fx.anonymous();
    Http.Answer enrol = first.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\""
        + ServerFixture.PASSPHRASE + "\"}");
    String factor = enrol.field("setupKey");
    fx.clock.advance(java.time.Duration.ofSeconds(30));
    String code = io.totpkit.core.Totp.builder(io.totpkit.core.Secret.fromBase32(factor)).build()
        .generate(fx.clock.instant());
    assertThat(first.post("/api/v1/session/code", "{\"code\":\"" + code + "\"}").status).isEqualTo(200);
    assertThat(first.post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    assertThat(fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    byte[] factorRaw = io.totpkit.core.Secret.fromBase32(factor).bytes();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        KnownSecret.assertNoSecretIn(file.toString(), latin);
        assertThat(latin).as(file.toString()).doesNotContain(factor)
            .doesNotContain(new String(factorRaw, StandardCharsets.ISO_8859_1));
        assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
            .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    }
    assertThat(Files.exists(dir.resolve("agency.totp.server"))).isTrue();
  }
}
