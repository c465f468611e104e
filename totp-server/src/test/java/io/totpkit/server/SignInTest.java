package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.qr.QrCodes;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Property 6: staff sign in with name and passphrase, then their own TOTP, enrolled at first sign-in. */
class SignInTest extends WithServer {

  @Test
  void firstSignIn_enrolsFactor_qrCodeCarriesTheSetupKey() {
    Http http = fx.anonymous();
    Http.Answer first = http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"" + ServerFixture.PASSPHRASE
        + "\"}");
    assertThat(first.status).isEqualTo(200);
    assertThat(first.field("next")).isEqualTo("enrol");
    byte[] png = Base64.getDecoder().decode(first.field("qrPng"));
    assertThat(QrCodes.read(png).get(0).secret().toBase32()).isEqualTo(first.field("setupKey"));
    assertThat(first.raw.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly").contains("SameSite=Strict");
    // Before the code, the session opens nothing.
    assertThat(http.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void signIn_bothSteps_listsGrantedAccounts_andSignOutEndsIt() {
    Http olga = fx.signIn("olga");
    Http.Answer list = olga.get("/api/v1/accounts");
    assertThat(list.status).isEqualTo(200);
    assertThat(list.body).contains(fx.granted.toString()).doesNotContain(fx.ungranted.toString());
    String before = olga.cookie;
    assertThat(olga.delete("/api/v1/session").status).isEqualTo(200);
    Http replay = fx.anonymous();
    replay.cookie = before;
    assertThat(replay.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void secondSignIn_asksForCode_wrongCodeRefused_usedCodeRefused() {
    fx.signIn("olga");
    Http http = fx.anonymous();
    Http.Answer first = http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"" + ServerFixture.PASSPHRASE
        + "\"}");
    assertThat(first.field("next")).isEqualTo("code");
    assertThat(first.body).doesNotContain("setupKey");
    String used = fx.currentCode("olga");
    Http.Answer replayed = http.post("/api/v1/session/code", "{\"code\":\"" + used + "\"}");
    assertThat(replayed.status).isEqualTo(401);
    assertThat(replayed.field("error")).isEqualTo("CODE_USED");
    String wrong = used.equals("000000") ? "111111" : "000000";
    fx.clock.advance(Duration.ofSeconds(30));
    assertThat(http.post("/api/v1/session/code", "{\"code\":\"" + wrong + "\"}").field("error"))
        .isEqualTo("WRONG_CODE");
    assertThat(http.post("/api/v1/session/code", "{\"code\":\"" + fx.currentCode("olga") + "\"}").status)
        .isEqualTo(200);
  }

  @Test
  void sessionIdChanges_atSecondStep() {
    Http http = fx.anonymous();
    Http.Answer enrol = http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"" + ServerFixture.PASSPHRASE
        + "\"}");
    String pending = http.cookie;
    fx.clock.advance(Duration.ofSeconds(30));
    String code = io.totpkit.core.Totp.builder(io.totpkit.core.Secret.fromBase32(enrol.field("setupKey"))).build()
        .generate(fx.clock.instant());
    assertThat(http.post("/api/v1/session/code", "{\"code\":\"" + code + "\"}").status).isEqualTo(200);
    assertThat(http.cookie).isNotEqualTo(pending);
    Http old = fx.anonymous();
    old.cookie = pending;
    assertThat(old.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void wrongPassphrase_andUnknownMember_answerAlike_thenThrottled() {
    Http http = fx.anonymous();
    Http.Answer wrong = http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"nope nope\"}");
    Http.Answer unknown = http.post("/api/v1/session", "{\"member\":\"nobody\",\"passphrase\":\"nope nope\"}");
    assertThat(wrong.status).isEqualTo(401);
    assertThat(unknown.body).isEqualTo(wrong.body);
    for (int i = 0; i < 4; i++) {
      http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"nope nope\"}");
    }
    Http.Answer throttled = http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\""
        + ServerFixture.PASSPHRASE + "\"}");
    assertThat(throttled.status).isEqualTo(429);
    assertThat(throttled.raw.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void ninthSession_endsTheMembersOldest() {
    Http first = fx.signIn("olga");
    for (int i = 1; i < Sessions.PER_MEMBER; i++) {
      fx.signIn("olga");
    }
    assertThat(first.get("/api/v1/accounts").status).isEqualTo(200);
    Http ninth = fx.signIn("olga");
    assertThat(first.get("/api/v1/accounts").status).isEqualTo(401);
    assertThat(ninth.get("/api/v1/accounts").status).isEqualTo(200);
  }

  @Test
  void removedMember_signedIn_failsAtNextRequest() {
    Http olga = fx.signIn("olga");
    try (io.totpkit.vault.Vault owner = fx.owner()) {
      owner.removeMember("olga");
    }
    assertThat(olga.get("/api/v1/session").status).isEqualTo(401);
    assertThat(olga.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void tokenMember_cannotSignInAsStaff() {
    Http.Answer answer = fx.anonymous().post("/api/v1/session", "{\"member\":\"token:bot\",\"passphrase\":\"x\"}");
    assertThat(answer.status).isEqualTo(401);
  }

  @Test
  void pendingSession_expiresAfterFiveMinutes() {
    Http http = fx.anonymous();
    http.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\"" + ServerFixture.PASSPHRASE + "\"}");
    fx.clock.advance(Duration.ofMinutes(6));
    assertThat(http.post("/api/v1/session/code", "{\"code\":\"123456\"}").status).isEqualTo(401);
  }

  @Test
  void signedInSession_expiresWhenIdle() {
    Http olga = fx.signIn("olga");
    fx.clock.advance(Duration.ofMinutes(16));
    assertThat(olga.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void passphraseSetAnewByOwner_makesMemberEnrolAgain() {
    fx.signIn("olga");
    try (io.totpkit.vault.Vault owner = fx.owner()) {
      owner.setPassphrase("olga", ServerFixture.PASSPHRASE.toCharArray());
    }
    Http.Answer first = fx.anonymous().post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\""
        + ServerFixture.PASSPHRASE + "\"}");
    assertThat(first.field("next")).isEqualTo("enrol");
  }
}
