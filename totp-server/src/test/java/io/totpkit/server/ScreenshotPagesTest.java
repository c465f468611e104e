package io.totpkit.server;

import static io.totpkit.server.PagesTest.csrf;
import static io.totpkit.server.ScreenshotApiTest.assertNoKeyIn;
import static io.totpkit.server.SetupPictures.KEY;
import static io.totpkit.server.SetupPictures.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.ocr.PrintedKeys;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The add page and the onboarding page with screenshots of setup screens, read by the real Tesseract, over HTTP: the
 * sentence that says how a picture was read; a picture the page cannot add as it is waits in the session while the
 * page asks for the names, a code or a person's check; a client behind a link gets no override and is asked for a
 * new screenshot or the pasted key; no page holds a key.
 */
class ScreenshotPagesTest extends WithServer {
  private final List<Http.Answer> pages = new ArrayList<>();

  @BeforeEach
  void needsTesseract() {
    assumeTrue(PrintedKeys.isAvailable(),
        "Tesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
  }

  @AfterEach
  void noPageHoldsAKey() {
    for (Http.Answer page : pages) {
      assertNoKeyIn("page " + page.status, page.everything());
    }
  }

  /** Posts a page's form as multipart, as the browser does: a file (or none) and fields (name, value, …). */
  private Http.Answer post(Http http, String path, byte[] file, String... fields) {
    String boundary = "b" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"s.png\"\r\n"
          + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    Http.Answer answer = http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary="
        + boundary).header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofByteArray(
        body.toByteArray())));
    pages.add(answer);
    return answer;
  }

  private String codeNow(String key) {
    return Totp.builder(Secret.fromBase32(key)).build().generate(fx.clock.instant());
  }

  /** The code the server reveals now for the one entry of {@code issuer}, asked through the API in this session. */
  private String revealed(Http member, String issuer) {
    VaultEntry entry;
    try (Vault owner = fx.owner()) {
      entry = owner.findByIssuer(issuer).get(0);
    }
    Http.Answer code = member.post("/api/v1/accounts/" + entry.id() + "/code", null);
    pages.add(code);
    return code.field("code");
  }

  @Test
  void addPage_noQrCode_asksForTheNames_keepsThePicture_thenAddsThePrintedKey() {
    Http maria = PagesTest.signIn(fx, ServerFixture.OWNER);
    String token = csrf(maria.get("/add"));

    Http.Answer asked = post(maria, "/add", SetupPictures.png(null, KEY), "csrf", token);

    assertThat(asked.status).isEqualTo(400);
    assertThat(asked.body).contains("No QR code could be read in the picture, only the setup key printed in it: "
        + "give the service and the account name to add it.")
        .contains("Read as: no QR code could be read; the printed key was read by OCR, every character certain (32 "
            + "characters)")
        .contains("name=\"picture\" value=\"pending\"").contains("The picture waits here")
        .contains("id=\"confirmCode\"").doesNotContain("ignorePrintedKey");

    Http.Answer found = post(maria, "/add", null, "csrf", token, "picture", "pending", "issuer", "TikTok", "account",
        "brand");

    assertThat(found.status).as(found.body).isEqualTo(200);
    assertThat(found.body).contains("How: no QR code could be read; the printed key was read by OCR, every character "
        + "certain").contains("Note: the key was read from the picture by OCR").contains("TikTok").contains("brand");
    assertThat(PagesTest.form(maria, "/add/confirm", "csrf=" + token + "&tags=client%3Ac").status).isEqualTo(303);
    assertThat(revealed(maria, "TikTok")).isEqualTo(codeNow(KEY));
    assertThat(post(maria, "/add", null, "csrf", token, "picture", "pending", "account", "brand").status)
        .as("the picture was added: it waits no more").isEqualTo(409);
  }

  @Test
  void addPage_printedKeyDiffers_refusedWithTheCheckbox_thenAddedOnceTicked() {
    Http maria = PagesTest.signIn(fx, ServerFixture.OWNER);
    String token = csrf(maria.get("/add"));

    Http.Answer refused = post(maria, "/add", SetupPictures.png(SetupPictures.uri(KEY), OTHER), "csrf", token);

    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.body).contains("The key printed in the picture is not the key in its QR code, so nothing was "
        + "added: ask the client for a new screenshot, or tick \"The QR code is right\" once a person has "
        + "checked that it is.").contains("Read as: QR code; the key printed in the picture is a different key")
        .contains("type=\"checkbox\" value=\"yes\"").doesNotContain("id=\"confirmCode\"");
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("TikTok")).isEmpty();
    }

    Http.Answer found = post(maria, "/add", null, "csrf", token, "picture", "pending", "ignorePrintedKey", "yes");

    assertThat(found.status).as(found.body).isEqualTo(200);
    assertThat(found.body).contains("How: QR code; the key printed in the picture is a different key")
        .contains("Note: added from the QR code although").contains("TikTok");
    assertThat(PagesTest.form(maria, "/add/confirm", "csrf=" + token + "&tags=").status).isEqualTo(303);
    assertThat(revealed(maria, "TikTok")).isEqualTo(codeNow(KEY));
  }

  @Test
  void addPage_uncertainKey_aWrongCodeThenTheRightOne_onePictureSentOnce() {
    Http maria = PagesTest.signIn(fx, ServerFixture.OWNER);
    String token = csrf(maria.get("/add"));

    Http.Answer uncertain = post(maria, "/add", SetupPictures.png(null, KnownSecret.BASE32), "csrf", token,
        "issuer", "Bank", "account", "brand");
    assertThat(uncertain.status).isEqualTo(400);
    assertThat(uncertain.body).containsPattern("No QR code could be read; the printed key was read by OCR, but "
        + "characters? [0-9, and]+ of 32 (is|are) uncertain, so nothing was added")
        .contains("give a code the client's authenticator app shows now")
        .contains("value=\"Bank\"").contains("value=\"brand\"");

    Http.Answer wrong = post(maria, "/add", null, "csrf", token, "picture", "pending", "issuer", "Bank", "account",
        "brand", "confirmCode", codeNow(KEY));
    assertThat(wrong.status).isEqualTo(400);
    assertThat(wrong.body).contains("No reading of the key printed in the picture gives that code now");

    Http.Answer found = post(maria, "/add", null, "csrf", token, "picture", "pending", "issuer", "Bank", "account",
        "brand", "confirmCode", codeNow(KnownSecret.BASE32));
    assertThat(found.status).as(found.body).isEqualTo(200);
    assertThat(found.body).doesNotContain("Note:");
    assertThat(PagesTest.form(maria, "/add/confirm", "csrf=" + token + "&tags=").status).isEqualTo(303);
    assertThat(revealed(maria, "Bank")).isEqualTo(codeNow(KnownSecret.BASE32));
  }

  @Test
  void addPage_pendingWithoutAPicture_asksToSendItAgain() {
    Http maria = PagesTest.signIn(fx, ServerFixture.OWNER);
    String token = csrf(maria.get("/add"));

    Http.Answer answer = post(maria, "/add", null, "csrf", token, "picture", "pending", "account", "x");

    assertThat(answer.status).isEqualTo(409);
    assertThat(answer.body).contains("The picture is no longer waiting here: send it again.");
  }

  private String onboardingLink(String label, String tag) {
    Http maria = PagesTest.signIn(fx, ServerFixture.OWNER);
    Http.Answer made = PagesTest.form(maria, "/onboarding", "csrf=" + csrf(maria.get("/onboarding")) + "&label="
        + label + "&tags=" + tag);
    Matcher m = Pattern.compile("(/onboard/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<").matcher(made.body);
    assertThat(m.find()).as(made.body).isTrue();
    return m.group(1);
  }

  @Test
  void onboarding_noQrCode_certainKey_savedUnderTheLinksLabelAndTags_clientSeesTheCode() {
    String path = onboardingLink("Acme+Bakery", "client%3Abakery");
    Http client = fx.anonymous();

    Http.Answer code = post(client, path, SetupPictures.png(null, KEY));

    assertThat(code.status).as(code.body).isEqualTo(200);
    assertThat(code.body).contains("Type this code into the app").contains(codeNow(KEY)).contains("Acme Bakery");
    try (Vault owner = fx.owner()) {
      assertThat(owner.entries()).filteredOn(e -> e.account().equals("Acme Bakery")).singleElement()
          .satisfies(e -> assertThat(e.tags()).containsExactly("client:bakery"));
    }
  }

  @Test
  void onboarding_noQrCode_uncertainKey_asksForThePastedKeyOrASharperScreenshot_linkStillOpen() {
    String path = onboardingLink("Acme+Bakery", "client%3Abakery");
    Http client = fx.anonymous();

    Http.Answer asked = post(client, path, SetupPictures.png(null, KnownSecret.BASE32), "confirmCode",
        codeNow(KnownSecret.BASE32));

    assertThat(asked.status).isEqualTo(400);
    assertThat(asked.body).contains("some characters of the setup key printed under it are unclear, so nothing was "
        + "saved").contains("paste it in the key field below, or send a sharper screenshot")
        .doesNotContain("confirmCode");
    assertThat(client.get(path).status).as("a picture that adds nothing leaves the link open").isEqualTo(200);
  }

  @Test
  void onboarding_printedKeyDiffers_noOverrideForAClient() {
    String path = onboardingLink("Acme+Bakery", "client%3Abakery");
    Http client = fx.anonymous();

    Http.Answer refused = post(client, path, SetupPictures.png(SetupPictures.uri(KEY), OTHER), "ignorePrintedKey",
        "yes");

    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.body).contains("The key printed in your screenshot is not the key in its QR code, so nothing "
        + "was saved: send a new screenshot of the setup screen, or copy the setup key");
    assertThat(client.get(path).status).isEqualTo(200);
    try (Vault owner = fx.owner()) {
      assertThat(owner.findByIssuer("TikTok")).isEmpty();
    }
  }
}
