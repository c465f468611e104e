package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.AuditAction;
import io.totpkit.vault.AuditRecord;
import io.totpkit.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounts API: list, reveal (audited first, with address and reason), add, and its errors. */
class AccountsApiTest extends WithServer {

  @Test
  void health_needsNoCredentials() {
    Http.Answer answer = fx.anonymous().get("/api/v1/health");
    assertThat(answer.status).isEqualTo(200);
    assertThat(answer.json()).isEqualTo(Map.of("status", "ok"));
    assertThat(answer.raw.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void list_withToken_showsGrantedAccountFields_noKey() {
    Http.Answer answer = fx.tokenClient().get("/api/v1/accounts");
    assertThat(answer.status).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> accounts = (List<Map<String, Object>>) answer.json().get("accounts");
    assertThat(accounts).hasSize(1);
    assertThat(accounts.get(0)).containsEntry("id", fx.granted.toString()).containsEntry("issuer", "Acme")
        .containsEntry("account", "ops").containsEntry("type", "TOTP").containsEntry("digits", 6)
        .containsEntry("period", 30).containsEntry("tags", List.of("client:a"));
  }

  @Test
  void code_isTheCurrentCode_andRecordedBeforeTheAnswer() {
    Http.Answer answer = fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code", null);
    assertThat(answer.status).isEqualTo(200);
    String expected = Totp.builder(Secret.fromBase32(KnownSecret.BASE32)).build().generate(fx.clock.instant());
    assertThat(answer.field("code")).isEqualTo(expected);
    assertThat(answer.json().get("secondsLeft")).isInstanceOf(Number.class);
    assertThat(answer.field("expiresAt")).isEqualTo("2026-11-29T12:00:30Z");
    try (Vault owner = fx.owner()) {
      AuditRecord last = lastReveal(owner);
      assertThat(last.member()).isEqualTo("token:bot");
      assertThat(last.entryId()).hasValue(fx.granted);
      assertThat(last.detail()).hasValue("from 127.0.0.1");
      assertThat(last.time()).isEqualTo(fx.clock.instant());
    }
  }

  @Test
  void code_tagRequiresReason_409WithoutOne_recordedWithIt() {
    try (Vault owner = fx.owner()) {
      fx.state.setTagPolicy(owner, "client:a", TagPolicy.of(true, null));
    }
    Http bot = fx.tokenClient();
    Http.Answer refused = bot.post("/api/v1/accounts/" + fx.granted + "/code", null);
    assertThat(refused.status).isEqualTo(409);
    assertThat(refused.field("error")).isEqualTo("REASON_REQUIRED");
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":\"  \"}").status).isEqualTo(409);
    Http.Answer given = bot.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":\"posting the launch\"}");
    assertThat(given.status).isEqualTo(200);
    try (Vault owner = fx.owner()) {
      assertThat(lastReveal(owner).detail()).hasValue("from 127.0.0.1; reason: posting the launch");
    }
  }

  @Test
  void code_reasonWithControlCharacters_refused() {
    Http.Answer answer = fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code",
        "{\"reason\":\"a\\u001b[2Jb\"}");
    assertThat(answer.status).isEqualTo(400);
  }

  @Test
  void add_byOwnerSession_fromUri_answersAccountWithoutKey() {
    Http maria = fx.signIn("maria");
    String uri = "otpauth://totp/TikTok:brand?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TikTok";
    Http.Answer added = maria.post("/api/v1/accounts", "{\"uri\":\"" + uri + "\",\"tags\":[\"client:c\"]}");
    assertThat(added.status).as(added.toString()).isEqualTo(201);
    assertThat(added.body).contains("TikTok").contains("client:c").doesNotContain("JBSWY3DP").doesNotContain("otpauth");
  }

  @Test
  void add_screenshotAsMultipart_addsEveryAccount() {
    Http maria = fx.signIn("maria");
    byte[] png = QrCodes.png(OtpAuthUri.parse("otpauth://totp/Insta:brand?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        + "&issuer=Instagram"), QrOptions.defaults());
    String boundary = "----totpkit" + System.nanoTime();
    byte[] body = multipart(boundary, png, "client:insta");
    Http.Answer added = maria.post("/api/v1/accounts", "multipart/form-data; boundary=" + boundary, body);
    assertThat(added.status).as(added.toString()).isEqualTo(201);
    assertThat(added.body).contains("Instagram").contains("client:insta");
  }

  @Test
  void add_screenshotOverTenMebibytes_413BeforeReading() {
    Http maria = fx.signIn("maria");
    Http.Answer answer = maria.post("/api/v1/accounts", "multipart/form-data; boundary=b",
        multipart("b", new byte[11 * 1024 * 1024], ""));
    assertThat(answer.status).isEqualTo(413);
    assertThat(answer.field("error")).isEqualTo("TOO_LARGE");
  }

  @Test
  void code_hotpEntry_hasNoExpiry_andAdvancesItsCounter() {
    java.util.UUID hotp;
    try (Vault owner = fx.owner()) {
      hotp = owner.add(OtpAuthUri.parse("otpauth://hotp/Bank:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0"),
          java.util.Set.of("client:a"));
    }
    Http bot = fx.tokenClient();
    Http.Answer first = bot.post("/api/v1/accounts/" + hotp + "/code", null);
    Http.Answer second = bot.post("/api/v1/accounts/" + hotp + "/code", null);
    assertThat(first.field("code")).isEqualTo("755224");
    assertThat(second.field("code")).isEqualTo("287082");
    assertThat(first.json().get("expiresAt")).isNull();
  }

  @Test
  void add_imageWithoutCode_400() {
    Http maria = fx.signIn("maria");
    String boundary = "----b";
    Http.Answer answer = maria.post("/api/v1/accounts", "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "not an image".getBytes(StandardCharsets.UTF_8), ""));
    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("UNREADABLE_FILE");
    assertThat(answer.field("message")).contains("text without an otpauth:// line")
        .contains("totpkit reads screenshots (PNG, JPEG, GIF, BMP), ").contains("Aegis");
  }

  /** An Aegis export, its group a tag, its unusable entry reported; the same file any import reads. */
  @Test
  void add_exportFile_addsItsAccountsWithTheirGroupsAndListsTheSkipped() {
    Http maria = fx.signIn("maria");
    String export = "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": {\"version\": 3, "
        + "\"entries\": [{\"type\": \"totp\", \"name\": \"brand\", \"issuer\": \"Shopify\", \"info\": {\"secret\": "
        + "\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\", \"algo\": \"SHA1\", \"digits\": 6, \"period\": 30}, \"groups\": "
        + "[\"g1\"]}, {\"type\": \"motp\", \"name\": \"old\", \"issuer\": \"Legacy\", \"info\": {\"secret\": \"AAAA\"}}], "
        + "\"groups\": [{\"uuid\": \"g1\", \"name\": \"client:c\"}]}}";
    String boundary = "----b";
    Http.Answer answer = maria.post("/api/v1/accounts", "multipart/form-data; boundary=" + boundary,
        multipart(boundary, export.getBytes(StandardCharsets.UTF_8), ""));
    assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    assertThat(answer.body).contains("\"format\":\"Aegis\"").contains("Shopify").contains("client:c")
        .contains("entry 2 (Legacy)").contains("motp").doesNotContain("JBSWY3DP");
  }

  /** An encrypted export without its password, and with a wrong one: two distinct answers, neither a sign-in error. */
  @Test
  void add_encryptedExport_asksForItsPasswordAndRefusesAWrongOne() {
    Http maria = fx.signIn("maria");
    String zeros = "00".repeat(16);
    String export = "{\"version\": 1, \"header\": {\"slots\": [{\"type\": 1, \"key\": \"" + zeros + zeros
        + "\", \"key_params\": {\"nonce\": \"" + "00".repeat(12) + "\", \"tag\": \"" + zeros + "\"}, \"n\": 1024, "
        + "\"r\": 8, \"p\": 1, \"salt\": \"" + zeros + "\"}], \"params\": {\"nonce\": \"" + "00".repeat(12)
        + "\", \"tag\": \"" + zeros + "\"}}, \"db\": \"AAAA\"}";
    String boundary = "----b";
    Http.Answer none = maria.post("/api/v1/accounts", "multipart/form-data; boundary=" + boundary,
        multipart(boundary, export.getBytes(StandardCharsets.UTF_8), ""));
    assertThat(none.status).isEqualTo(400);
    assertThat(none.field("error")).isEqualTo("PASSWORD_REQUIRED");
    byte[] withPassword = (new String(multipart(boundary, export.getBytes(StandardCharsets.UTF_8), ""),
        StandardCharsets.UTF_8).replace("--" + boundary + "--", "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nnot it\r\n--" + boundary + "--"))
        .getBytes(StandardCharsets.UTF_8);
    Http.Answer wrong = maria.post("/api/v1/accounts", "multipart/form-data; boundary=" + boundary, withPassword);
    assertThat(wrong.status).isEqualTo(400);
    assertThat(wrong.field("error")).isEqualTo("WRONG_PASSWORD");
    assertThat(maria.get("/api/v1/accounts").status).isEqualTo(200);
  }

  @Test
  void add_invalidUri_400_namesTheProblem() {
    Http maria = fx.signIn("maria");
    Http.Answer answer = maria.post("/api/v1/accounts", "{\"uri\":\"otpauth://totp/x?secret=11\"}");
    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("INVALID_URI");
  }

  @Test
  void errors_areJsonWithCodes() {
    Http bot = fx.tokenClient();
    assertThat(bot.get("/api/v1/nothing").field("error")).isEqualTo("NOT_FOUND");
    assertThat(bot.delete("/api/v1/accounts").status).isEqualTo(405);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reasn\":\"x\"}").field("error"))
        .isEqualTo("BAD_REQUEST");
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "[1,2]").status).isEqualTo(400);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "{").status).isEqualTo(400);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "text/plain",
        "{}".getBytes(StandardCharsets.UTF_8)).status).isEqualTo(415);
    Http.Answer big = bot.post("/api/v1/accounts/" + fx.granted + "/code",
        "{\"reason\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(big.status).isEqualTo(413);
    assertThat(big.field("error")).isEqualTo("TOO_LARGE");
  }

  @Test
  void crossSiteOrigin_refused() {
    Http bot = fx.tokenClient();
    Http.Answer answer = bot.send(bot.request("/api/v1/accounts/" + fx.granted + "/code")
        .header("Origin", "https://evil.example").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.status).isEqualTo(403);
  }

  @Test
  void revokedToken_failsAtOnce() {
    Http bot = fx.tokenClient();
    assertThat(bot.get("/api/v1/accounts").status).isEqualTo(200);
    try (Vault owner = fx.owner()) {
      ApiTokens.revoke(owner, "bot");
    }
    assertThat(bot.get("/api/v1/session").status).isEqualTo(401);
    assertThat(bot.get("/api/v1/accounts").status).isEqualTo(401);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(401);
  }

  @Test
  void deeplyNestedOrHugeJson_400() {
    Http bot = fx.tokenClient();
    String nested = "{\"reason\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", nested).status).isEqualTo(400);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":1e999999}").status).isEqualTo(400);
    assertThat(bot.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":\"a\",\"reason\":\"b\"}").status)
        .isEqualTo(400);
  }

  @Test
  void recreatedToken_oldSecretRefused_newOneWorks() {
    Http old = fx.tokenClient();
    assertThat(old.get("/api/v1/accounts").status).isEqualTo(200);
    String fresh;
    try (Vault owner = fx.owner()) {
      ApiTokens.revoke(owner, "bot");
      fresh = ApiTokens.create(owner, "bot", java.util.Set.of("client:a"), false);
    }
    assertThat(old.get("/api/v1/accounts").status).isEqualTo(401);
    assertThat(fx.anonymous().bearer(fresh).get("/api/v1/accounts").status).isEqualTo(200);
    assertThat(old.get("/api/v1/accounts").status).isEqualTo(401);
  }

  @Test
  void wrongToken_401_thenThrottled() {
    Http wrong = fx.anonymous().bearer(fx.token.substring(0, fx.token.length() - 4) + "AAAA");
    for (int i = 0; i < 5; i++) {
      assertThat(wrong.get("/api/v1/accounts").status).isEqualTo(401);
    }
    assertThat(wrong.get("/api/v1/accounts").status).isEqualTo(429);
    assertThat(fx.anonymous().bearer("not-a-token").get("/api/v1/accounts").status).isEqualTo(401);
  }

  private static AuditRecord lastReveal(Vault owner) {
    List<AuditRecord> trail = owner.auditTrail();
    for (int i = trail.size() - 1; i >= 0; i--) {
      if (trail.get(i).action() == AuditAction.CODE_REVEALED) {
        return trail.get(i);
      }
    }
    throw new AssertionError("no reveal recorded");
  }

  static byte[] multipart(String boundary, byte[] image, String tags) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"shot.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(image);
    String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\n" + tags + "\r\n--"
        + boundary + "--\r\n";
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
