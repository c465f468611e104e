package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.AuditAction;
import io.totpkit.vault.Vault;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages' web hygiene over plain HTTP: the session cookie's flags and its new id at sign-in, a CSRF token on every
 * form that acts, the headers of every page, no key on any page, an unauthenticated visitor sent to sign in.
 */
class PagesTest extends WithServer {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

  /** Signs in through the forms, as a browser would post them; returns the client with the session cookie. */
  Http signIn(String member) {
    return signIn(fx, member);
  }

  /** Signs in to the fixture's server through the forms; returns the client with the session cookie. */
  static Http signIn(ServerFixture fx, String member) {
    Http http = fx.anonymous();
    Http.Answer first = form(http, "/sign-in", "member=" + member + "&passphrase=correct+horse+battery");
    assertThat(first.status).isEqualTo(303);
    assertThat(first.raw.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly")
        .contains("SameSite=Strict");
    String pending = http.cookie;
    Http.Answer codePage = http.get("/sign-in/code");
    String setupKey = codePage.body.replaceAll("(?s).*id=\"setup-key\">([A-Z2-7]+)<.*", "$1");
    fx.clock.advance(Duration.ofSeconds(30));
    String code = Totp.builder(Secret.fromBase32(setupKey)).build().generate(fx.clock.instant());
    Http.Answer second = form(http, "/sign-in/code", "csrf=" + csrf(codePage) + "&code=" + code);
    assertThat(second.status).as(second.toString()).isEqualTo(303);
    assertThat(http.cookie).isNotEqualTo(pending);
    return http;
  }

  static Http.Answer form(Http http, String path, String body) {
    return http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String csrf(Http.Answer page) {
    Matcher m = CSRF.matcher(page.body);
    assertThat(m.find()).as("a CSRF field in " + page.body).isTrue();
    return m.group(1);
  }

  @Test
  void unauthenticated_sentToSignIn() {
    Http.Answer answer = fx.anonymous().get("/accounts");
    assertThat(answer.status).isEqualTo(303);
    assertThat(answer.raw.headers().firstValue("Location")).hasValue("/sign-in");
  }

  @Test
  void everyPage_hasTheHeaders_andNoInlineScript() {
    Http olga = signIn("olga");
    for (String path : new String[] {"/sign-in", "/accounts", "/nothing"}) {
      Http.Answer page = (path.equals("/sign-in") ? fx.anonymous() : olga).get(path);
      assertThat(page.raw.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(page.raw.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(page.raw.headers().firstValue("Cache-Control")).hasValue("no-store");
      assertThat(page.body).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=");
    }
  }

  @Test
  void reveal_withoutCsrfToken_refusedAndNotRecorded() {
    Http olga = signIn("olga");
    long before = reveals();
    Http.Answer refused = form(olga, "/accounts/" + fx.granted + "/code", "");
    assertThat(refused.status).isEqualTo(403);
    Http.Answer wrong = form(olga, "/accounts/" + fx.granted + "/code", "csrf=" + "A".repeat(43));
    assertThat(wrong.status).isEqualTo(403);
    assertThat(reveals()).isEqualTo(before);
    Http.Answer shown = form(olga, "/accounts/" + fx.granted + "/code", "csrf=" + csrf(olga.get("/accounts")));
    assertThat(shown.status).isEqualTo(200);
    assertThat(shown.body).contains(Totp.builder(Secret.fromBase32(KnownSecret.BASE32)).build()
        .generate(fx.clock.instant()));
    KnownSecret.assertNoSecretIn("code page", shown.everything());
    assertThat(shown.body).doesNotContain("otpauth");
    assertThat(reveals()).isEqualTo(before + 1);
  }

  @Test
  void crossSitePost_refused_evenWithToken() {
    Http olga = signIn("olga");
    String token = csrf(olga.get("/accounts"));
    Http.Answer answer = olga.send(olga.request("/accounts/" + fx.granted + "/code")
        .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token)));
    assertThat(answer.status).isEqualTo(403);
  }

  @Test
  void ungrantedAccount_answersAsMissing() {
    Http olga = signIn("olga");
    String token = csrf(olga.get("/accounts"));
    Http.Answer ungranted = form(olga, "/accounts/" + fx.ungranted + "/code", "csrf=" + token);
    Http.Answer missing = form(olga, "/accounts/" + java.util.UUID.randomUUID() + "/code", "csrf=" + token);
    assertThat(ungranted.status).isEqualTo(404);
    assertThat(ungranted.body).isEqualTo(missing.body);
  }

  @Test
  void accounts_searchAndTagFilter() {
    Http maria = signIn("maria");
    assertThat(maria.get("/accounts").body).contains("Acme").contains("Shop");
    assertThat(maria.get("/accounts?q=acm").body).contains("Acme").doesNotContain("b@example.com");
    assertThat(maria.get("/accounts?tag=client%3Ab").body).contains("b@example.com").doesNotContain(">ops<");
  }

  @Test
  void signOut_endsTheSession() {
    Http olga = signIn("olga");
    String token = csrf(olga.get("/accounts"));
    String cookie = olga.cookie;
    assertThat(form(olga, "/sign-out", "csrf=" + token).status).isEqualTo(303);
    Http old = fx.anonymous();
    old.cookie = cookie;
    assertThat(old.get("/accounts").status).isEqualTo(303);
  }

  @Test
  void add_screenshot_showsWhatWasFound_addsOnlyOnConfirm() {
    Http maria = signIn("maria");
    String token = csrf(maria.get("/add"));
    byte[] png = io.totpkit.qr.QrCodes.png(io.totpkit.core.OtpAuthUri.parse(
        "otpauth://totp/TikTok:brand?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TikTok"),
        io.totpkit.qr.QrOptions.defaults());
    Http.Answer found = fileForm(maria, token, png, null);
    assertThat(found.status).as(found.toString()).isEqualTo(200);
    assertThat(found.body).contains("TikTok").contains("brand").contains("30 s").doesNotContain("JBSWY3DP")
        .doesNotContain("otpauth");
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("TikTok")).isEmpty();
    }
    Http.Answer added = form(maria, "/add/confirm", "csrf=" + csrf(found) + "&tags=client%3Anew");
    assertThat(added.status).isEqualTo(303);
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("TikTok")).singleElement()
          .satisfies(e -> assertThat(e.tags()).containsExactly("client:new"));
    }
    assertThat(form(maria, "/add/confirm", "csrf=" + csrf(found) + "&tags=x").status).isEqualTo(409);
  }

  /** Another app's export on the same form: its format, its accounts with their groups, its unusable entries, escaped. */
  @Test
  void add_exportFile_showsFormatGroupsAndSkippedEntries_namesEscaped() {
    Http maria = signIn("maria");
    String token = csrf(maria.get("/add"));
    String export = "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": {\"version\": 3, "
        + "\"entries\": [{\"type\": \"totp\", \"name\": \"<img src=x onerror=alert(1)>\", \"issuer\": \"Shopify\", "
        + "\"info\": {\"secret\": \"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}, \"groups\": [\"g1\"]}, {\"type\": \"yandex\", "
        + "\"name\": \"y\", \"issuer\": \"<b>Yandex</b>\", \"info\": {\"secret\": \"AAAA\"}}], \"groups\": "
        + "[{\"uuid\": \"g1\", \"name\": \"client:shop\"}]}}";
    Http.Answer found = fileForm(maria, token, export.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    assertThat(found.status).as(found.toString()).isEqualTo(200);
    assertThat(found.body).contains("Read as: Aegis").contains("Shopify").contains("client:shop")
        .contains("Not added (1)").contains("&lt;b&gt;Yandex&lt;/b&gt;").contains("&lt;img src=x")
        .doesNotContain("<img src=x").doesNotContain("<b>Yandex").doesNotContain("JBSWY3DP");
    assertThat(form(maria, "/add/confirm", "csrf=" + csrf(found) + "&tags=").status).isEqualTo(303);
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("Shopify")).singleElement()
          .satisfies(e -> assertThat(e.tags()).containsExactly("client:shop"));
    }
    Http.Answer unknown = fileForm(maria, csrf(maria.get("/add")), "{\"items\": 3}".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), null);
    assertThat(unknown.status).isEqualTo(400);
    assertThat(unknown.body).contains("JSON of no export format totpkit knows").contains("totpkit reads screenshots");
  }

  /** Posts the add form with a file (and the password of an encrypted export, if not null). */
  private static Http.Answer fileForm(Http http, String token, byte[] file, String password) {
    String boundary = "b" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token
        + (password == null ? "" : "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n"
        + password) + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"f\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return http.send(http.request("/add").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  @Test
  void add_setupKeyWithoutName_refused_withName_found() {
    Http maria = signIn("maria");
    String token = csrf(maria.get("/add"));
    Http.Answer refused = multipartForm(maria, "/add", token, "text", "JBSW Y3DP EHPK 3PXP JBSW Y3DP");
    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.body).contains("needs the service");
  }

  @Test
  void add_byOperator_forbidden_andNotOfferedInTheNavigation() {
    Http olga = signIn("olga");
    assertThat(olga.get("/add").status).isEqualTo(403);
    assertThat(olga.get("/accounts").body).doesNotContain("href=\"/add\"").doesNotContain("href=\"/members\"")
        .doesNotContain("href=\"/settings\"").doesNotContain("href=\"/audit\"");
    assertThat(signIn("maria").get("/accounts").body).contains("href=\"/add\"").contains("href=\"/members\"")
        .contains("href=\"/onboarding\"");
  }

  @Test
  void audit_ownerSeesTheVerdictAndTheReveals_filtered_operatorForbidden() {
    Http olga = signIn("olga");
    assertThat(form(olga, "/accounts/" + fx.granted + "/code", "csrf=" + csrf(olga.get("/accounts")) + "&reason=x")
        .status).isEqualTo(200);
    assertThat(olga.get("/audit").status).isEqualTo(403);
    Http maria = signIn("maria");
    Http.Answer audit = maria.get("/audit");
    assertThat(audit.status).isEqualTo(200);
    assertThat(audit.body).contains("Audit trail intact").contains("code revealed").contains("Acme (ops)")
        .contains("from 127.0.0.1");
    Http.Answer onlyMaria = maria.get("/audit?member=maria");
    assertThat(onlyMaria.body).doesNotContain("<td>olga</td>").contains("<td>maria</td>");
    Http.Answer future = maria.get("/audit?from=2030-01-01");
    assertThat(future.body).doesNotContain("<td>maria</td>");
    assertThat(maria.get("/audit?from=tomorrow").status).isEqualTo(400);
  }

  @Test
  void settings_tokenShownOnce_works_revoked_tagPolicySet_operatorForbidden() {
    Http olga = signIn("olga");
    assertThat(olga.get("/settings").status).isEqualTo(403);
    Http maria = signIn("maria");
    String token = csrf(maria.get("/settings"));
    Http.Answer created = form(maria, "/settings/tokens", "csrf=" + token + "&name=poster&grants=client%3Aa");
    Matcher m = Pattern.compile("(totp_poster_[A-Za-z0-9_-]{43})").matcher(created.body);
    assertThat(m.find()).as(created.body).isTrue();
    String bearer = m.group(1);
    assertThat(fx.anonymous().bearer(bearer).get("/api/v1/accounts").status).isEqualTo(200);
    assertThat(maria.get("/settings").body).contains("poster").doesNotContain(bearer);
    assertThat(form(maria, "/settings/tokens/revoke", "csrf=" + token + "&name=poster").status).isEqualTo(303);
    assertThat(fx.anonymous().bearer(bearer).get("/api/v1/accounts").status).isEqualTo(401);
    Http.Answer tag = form(maria, "/settings/tags", "csrf=" + token
        + "&tag=client%3Aa&reason=yes&webhook=https%3A%2F%2Fhooks.example%2Fsecret-path");
    assertThat(tag.body).containsPattern("id=\"new-secret\"[^>]*>[0-9a-f]{64}<").contains("required")
        .doesNotContain("secret-path");
    assertThat(fx.state.tagPolicies().get("client:a").reasonRequired()).isTrue();
    assertThat(form(maria, "/settings/tags", "csrf=" + token + "&tag=x&webhook=ftp%3A%2F%2Fx").status)
        .isEqualTo(400);
  }

  @Test
  void members_changeGrants_thenRemove_rotatesAccessAway_operatorForbidden() {
    Http olga = signIn("olga");
    assertThat(olga.get("/members").status).isEqualTo(403);
    Http maria = signIn("maria");
    Http.Answer list = maria.get("/members");
    assertThat(list.body).contains("olga").contains("client:a").doesNotContain("token:bot");
    String token = csrf(list);
    assertThat(form(maria, "/members/change", "csrf=" + token + "&name=olga&role=operator&grants=client%3Ab")
        .status).isEqualTo(303);
    assertThat(olga.get("/accounts").body).contains("b@example.com").doesNotContain(">ops<");
    assertThat(form(maria, "/members/change", "csrf=" + token + "&name=olga&role=operator&grants=").status)
        .isEqualTo(400);
    assertThat(form(maria, "/members/remove", "csrf=" + token + "&name=olga").status).isEqualTo(303);
    assertThat(olga.get("/accounts").status).isEqualTo(303);
    assertThat(form(maria, "/members/remove", "csrf=" + token + "&name=maria").status).isEqualTo(400);
  }

  @Test
  void onboardingLink_clientAddsAndGetsCode_once_recorded_thenTidied() throws Exception {
    Http maria = signIn("maria");
    String token = csrf(maria.get("/onboarding"));
    Http.Answer made = form(maria, "/onboarding", "csrf=" + token + "&label=Acme+Bakery&tags=client%3Abakery");
    Matcher m = Pattern.compile("id=\"new-link\"[^>]*>https?://[^/]+(/onboard/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<")
        .matcher(made.body);
    assertThat(m.find()).as(made.body).isTrue();
    String path = m.group(1);
    assertThat(maria.get("/onboarding").body).doesNotContain(path.substring(26));
    Http client = fx.anonymous();
    Http.Answer page = client.get(path);
    assertThat(page.status).isEqualTo(200);
    assertThat(page.body).contains("Acme Bakery").contains("authenticator app");
    Http.Answer noCode = multipartForm(client, path, "", "text", "");
    assertThat(noCode.status).isEqualTo(400);
    byte[] png = io.totpkit.qr.QrCodes.png(io.totpkit.core.OtpAuthUri.parse(
        "otpauth://totp/TikTok:bakery?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=TikTok"),
        io.totpkit.qr.QrOptions.defaults());
    Http.Answer code = client.post(path, "multipart/form-data; boundary=b", AccountsApiTest.multipart("b", png, ""));
    assertThat(code.status).as(code.toString()).isEqualTo(200);
    assertThat(code.body).contains(Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).build()
        .generate(fx.clock.instant())).doesNotContain("JBSWY3DP").doesNotContain("otpauth");
    Http.Answer again = client.post(path, "multipart/form-data; boundary=b", AccountsApiTest.multipart("b", png, ""));
    assertThat(again.status).isEqualTo(410);
    assertThat(client.get(path).status).isEqualTo(410);
    assertThat(client.get(path.substring(0, path.length() - 4) + "AAAA").status).isEqualTo(404);
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("TikTok")).singleElement()
          .satisfies(e -> assertThat(e.tags()).containsExactly("client:bakery"));
      java.util.List<io.totpkit.vault.AuditRecord> trail = owner.auditTrail();
      assertThat(trail.get(trail.size() - 1).detail()).hasValue("from 127.0.0.1; reason: onboarding link Acme Bakery");
      assertThat(trail.get(trail.size() - 1).member()).startsWith("link:");
      assertThat(trail.get(trail.size() - 2).action()).isEqualTo(AuditAction.ENTRY_ADDED);
      assertThat(trail.get(trail.size() - 2).detail()).hasValue("from 127.0.0.1; reason: onboarding link Acme Bakery");
    }
    maria.get("/onboarding");
    try (Vault owner = fx.owner()) {
      assertThat(owner.members()).noneMatch(mem -> mem.name().startsWith("link:"));
    }
  }

  @Test
  void onboardingLink_expiresAfter24Hours() {
    Http maria = signIn("maria");
    Http.Answer made = form(maria, "/onboarding", "csrf=" + csrf(maria.get("/onboarding"))
        + "&label=Late&tags=client%3Alate");
    Matcher m = Pattern.compile("(/onboard/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<").matcher(made.body);
    assertThat(m.find()).isTrue();
    fx.clock.advance(Duration.ofHours(25));
    Http.Answer gone = fx.anonymous().get(m.group(1));
    assertThat(gone.status).isEqualTo(410);
    assertThat(gone.body).contains("expired");
  }

  @Test
  void invitation_newMemberSetsPassphraseAndFactor_addedAtOwnersNextVisit_thenSignsIn() {
    Http maria = signIn("maria");
    Http.Answer made = form(maria, "/members/invite", "csrf=" + csrf(maria.get("/members"))
        + "&name=nina&role=operator&grants=client%3Aa");
    Matcher m = Pattern.compile("id=\"new-invite\"[^>]*>https?://[^/]+(/invite/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<")
        .matcher(made.body);
    assertThat(m.find()).as(made.body).isTrue();
    String path = m.group(1);
    Http nina = fx.anonymous();
    Http.Answer page = nina.get(path);
    assertThat(page.status).isEqualTo(200);
    String setupKey = page.body.replaceAll("(?s).*id=\"setup-key\">([A-Z2-7]+)<.*", "$1");
    assertThat(nina.get(path + "/qr.png").raw.headers().firstValue("Content-Type")).hasValue("image/png");
    String code = Totp.builder(Secret.fromBase32(setupKey)).build().generate(fx.clock.instant());
    assertThat(form(nina, path, "passphrase=nina+passphrase&again=other+passphrase&code=" + code).status)
        .isEqualTo(400);
    assertThat(form(nina, path, "passphrase=nina+passphrase&again=nina+passphrase&code=000000").status)
        .isEqualTo(400);
    Http.Answer done = form(nina, path, "passphrase=nina+passphrase&again=nina+passphrase&code=" + code);
    assertThat(done.status).as(done.toString()).isEqualTo(200);
    assertThat(nina.get(path).status).isEqualTo(410);
    assertThat(form(fx.anonymous(), "/sign-in", "member=nina&passphrase=nina+passphrase").status).isEqualTo(401);
    assertThat(maria.get("/members").body).contains("nina");
    Http.Answer first = form(nina, "/sign-in", "member=nina&passphrase=nina+passphrase");
    assertThat(first.status).isEqualTo(303);
    Http.Answer codePage = nina.get("/sign-in/code");
    assertThat(codePage.body).doesNotContain("setup-key");
    fx.clock.advance(Duration.ofSeconds(30));
    String next = Totp.builder(Secret.fromBase32(setupKey)).build().generate(fx.clock.instant());
    assertThat(form(nina, "/sign-in/code", "csrf=" + csrf(codePage) + "&code=" + next).status).isEqualTo(303);
    assertThat(nina.get("/accounts").body).contains("Acme").doesNotContain("b@example.com");
    assertThat(fx.state.invites()).isEmpty();
  }

  @Test
  void invitation_whoseNameWasTakenMeanwhile_isDropped_notAFailure() {
    Http maria = signIn("maria");
    Http.Answer made = form(maria, "/members/invite", "csrf=" + csrf(maria.get("/members"))
        + "&name=nina&role=operator&grants=client%3Aa");
    Matcher m = Pattern.compile("(/invite/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<").matcher(made.body);
    assertThat(m.find()).isTrue();
    Http nina = fx.anonymous();
    String setupKey = nina.get(m.group(1)).body.replaceAll("(?s).*id=\"setup-key\">([A-Z2-7]+)<.*", "$1");
    String code = Totp.builder(Secret.fromBase32(setupKey)).build().generate(fx.clock.instant());
    assertThat(form(nina, m.group(1), "passphrase=nina+passphrase&again=nina+passphrase&code=" + code).status)
        .isEqualTo(200);
    try (Vault owner = fx.owner()) {
      owner.addMember("nina", io.totpkit.vault.Role.OPERATOR, java.util.Set.of("client:b"),
          "another passphrase".toCharArray());
    }
    assertThat(maria.get("/members").status).isEqualTo(200);
    assertThat(fx.state.invites()).isEmpty();
  }

  static Http.Answer multipartForm(Http http, String path, String csrf, String field, String value) {
    String boundary = "b" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n--"
        + boundary + "--\r\n";
    return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private long reveals() {
    try (Vault owner = fx.owner()) {
      return owner.auditTrail().stream().filter(r -> r.action() == AuditAction.CODE_REVEALED).count();
    }
  }
}
