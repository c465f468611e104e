package io.totpkit.server;

import static io.totpkit.server.SetupPictures.KEY;
import static io.totpkit.server.SetupPictures.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.ocr.PrintedKeys;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.Vault;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/accounts} with screenshots of setup screens, read by the real Tesseract: how each was read
 * ({@code readBy}, {@code printedKey}), a printed key that is not the QR code's refused unless a person overrides, a
 * picture without a readable code added from its printed key (with the account name, and a code when a character is
 * in doubt), and no answer that holds a key.
 */
class ScreenshotApiTest extends WithServer {
  private Http maria;

  @BeforeEach
  void needsTesseract() {
    assumeTrue(PrintedKeys.isAvailable(),
        "Tesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
    maria = fx.signIn(ServerFixture.OWNER);
  }

  /** Every answer of these tests: no key of any picture, in any rendering. */
  private final List<Http.Answer> answers = new java.util.ArrayList<>();

  @AfterEach
  void noAnswerHoldsAKey() {
    for (Http.Answer answer : answers) {
      assertNoKeyIn("answer " + answer.status, answer.everything());
    }
  }

  static void assertNoKeyIn(String what, String text) {
    KnownSecret.assertNoSecretIn(what, text);
    for (String key : List.of(KEY, OTHER)) {
      for (int i = 0; i + 8 <= key.length(); i += 4) {
        assertThat(text.toUpperCase(java.util.Locale.ROOT)).as(what).doesNotContain(key.substring(i, i + 8));
      }
    }
    assertThat(text.toLowerCase(java.util.Locale.ROOT)).as(what).doesNotContain("otpauth://totp");
  }

  /** Posts a picture to the API with form fields (name, value, …), as a program would. */
  private Http.Answer add(Http who, byte[] png, String... fields) {
    Http.Answer answer = who.post("/api/v1/accounts", "multipart/form-data; boundary=b", multipart("b", png, fields));
    answers.add(answer);
    return answer;
  }

  static byte[] multipart(String boundary, byte[] image, String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"shot.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(image);
    for (int i = 0; i < fields.length; i += 2) {
      out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1]).getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> added(Http.Answer answer) {
    return ((List<Map<String, Object>>) answer.json().get("added")).get(0);
  }

  private String codeOf(String id) {
    Http.Answer code = maria.post("/api/v1/accounts/" + id + "/code", null);
    assertThat(code.status).as(code.toString()).isEqualTo(200);
    return code.field("code");
  }

  private String codeNow(String key) {
    return Totp.builder(Secret.fromBase32(key)).build().generate(fx.clock.instant());
  }

  private int entries() {
    try (Vault owner = fx.owner()) {
      return owner.entries().size();
    }
  }

  @Test
  void qrCodeAndTheSamePrintedKey_addedSayingTheyAgree() {
    Http.Answer answer = add(maria, SetupPictures.png(SetupPictures.uri(KEY), KEY), "tags", "client:c");

    assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    assertThat(answer.field("format")).isEqualTo("screenshot");
    assertThat(answer.field("readBy")).isEqualTo("QR code; the printed key agrees");
    assertThat(answer.field("printedKey")).isEqualTo("agrees");
    assertThat(answer.json()).doesNotContainKey("note");
    assertThat(added(answer)).containsEntry("issuer", "TikTok").containsEntry("account", "brand")
        .containsEntry("tags", List.of("client:c"));
  }

  @Test
  void printedKeyDiffersFromTheQrCode_nothingAdded_thenAddedWithTheOverride() {
    byte[] edited = SetupPictures.png(SetupPictures.uri(KEY), OTHER);
    int before = entries();

    Http.Answer refused = add(maria, edited);

    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.field("error")).isEqualTo("PRINTED_KEY_DIFFERS");
    assertThat(refused.field("message")).isEqualTo("the key printed in the picture is not the key in its QR code, "
        + "so nothing was added: ask the client for a new screenshot, or add again with ignorePrintedKey=yes once a "
        + "person has checked that the QR code is right");
    assertThat(entries()).isEqualTo(before);

    Http.Answer overridden = add(maria, edited, "ignorePrintedKey", "yes");

    assertThat(overridden.status).as(overridden.toString()).isEqualTo(201);
    assertThat(overridden.field("printedKey")).isEqualTo("differs");
    assertThat(overridden.field("readBy")).isEqualTo("QR code; the key printed in the picture is a different key: "
        + "have a person compare them");
    assertThat(codeOf((String) added(overridden).get("id"))).isEqualTo(codeNow(KEY));
  }

  @Test
  void noQrCode_certainPrintedKey_withAccount_addedFromOcr_andItsCodeIsTheKeys() {
    Http.Answer answer = add(fx.anonymous().bearer(fx.adderToken), SetupPictures.png(null, KEY), "issuer", "TikTok",
        "account", "brand", "tags", "client:a");

    assertThat(answer.status).as(answer.toString()).isEqualTo(201);
    assertThat(answer.field("readBy")).isEqualTo("no QR code could be read; the printed key was read by OCR, every "
        + "character certain (32 characters)");
    assertThat(answer.field("printedKey")).isEqualTo("not checked");
    assertThat(answer.field("note")).startsWith("the key was read from the picture by OCR");
    assertThat(added(answer)).containsEntry("issuer", "TikTok").containsEntry("account", "brand")
        .containsEntry("digits", 6).containsEntry("period", 30);
    Http.Answer code = fx.anonymous().bearer(fx.adderToken).post("/api/v1/accounts/" + added(answer).get("id")
        + "/code", null);
    answers.add(code);
    assertThat(code.field("code")).isEqualTo(codeNow(KEY));
  }

  @Test
  void noQrCode_withoutAccountName_accountNameRequired() {
    int before = entries();

    Http.Answer answer = add(maria, SetupPictures.png(null, KEY), "issuer", "TikTok");

    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("ACCOUNT_NAME_REQUIRED");
    assertThat(answer.field("message")).isEqualTo("no QR code could be read in the picture, only the setup key "
        + "printed in it: give 'account' (and 'issuer') to add it");
    assertThat(entries()).isEqualTo(before);
  }

  /** {@link KnownSecret}'s key, printed: Tesseract doubts two characters, and the right key is among the readings. */
  @Test
  void noQrCode_uncertainPrintedKey_needsACode_aWrongOneConfirmsNothing_theRightOneAdds() {
    byte[] shot = SetupPictures.png(null, KnownSecret.BASE32);
    int before = entries();

    Http.Answer uncertain = add(maria, shot, "account", "brand");
    assertThat(uncertain.status).isEqualTo(400);
    assertThat(uncertain.field("error")).isEqualTo("KEY_UNCERTAIN");
    assertThat(uncertain.field("message")).startsWith("no QR code could be read; the printed key was read by OCR, "
        + "but character").containsPattern("of 32 (is|are) uncertain, so nothing was added")
        .endsWith("give 'confirmCode', a code the client's authenticator app shows now, or check those characters "
            + "in the picture and add the key as a link (JSON field 'uri')");

    Http.Answer wrong = add(maria, shot, "account", "brand", "confirmCode", codeNow(KEY));
    assertThat(wrong.status).isEqualTo(400);
    assertThat(wrong.field("error")).isEqualTo("CODE_NOT_CONFIRMED");
    assertThat(wrong.field("message")).startsWith("no reading of the key printed in the picture gives that code now");
    assertThat(add(maria, shot, "account", "brand", "confirmCode", "12345").field("error")).isEqualTo("BAD_REQUEST");
    assertThat(entries()).isEqualTo(before);

    Http.Answer confirmed = add(maria, shot, "issuer", "Acme", "account", "brand", "confirmCode",
        codeNow(KnownSecret.BASE32), "tags", "client:a");

    assertThat(confirmed.status).as(confirmed.toString()).isEqualTo(201);
    assertThat(confirmed.json()).doesNotContainKey("note");
    assertThat(codeOf((String) added(confirmed).get("id"))).isEqualTo(codeNow(KnownSecret.BASE32));
  }

  @Test
  void qrCodeWithoutPrintedKey_none_twoCodes_notChecked_pastedLink_absent() {
    Http.Answer bare = add(maria, io.totpkit.qr.QrCodes.png(io.totpkit.core.OtpAuthUri.parse(
        SetupPictures.uri(KEY)), io.totpkit.qr.QrOptions.defaults()));
    assertThat(bare.status).as(bare.toString()).isEqualTo(201);
    assertThat(bare.field("readBy")).isEqualTo("QR code");
    assertThat(bare.field("printedKey")).isEqualTo("none");

    Http.Answer two = add(maria, SetupPictures.twoCodes(SetupPictures.uri(KEY),
        "otpauth://totp/Shop:b?secret=" + OTHER + "&issuer=Shop"));
    assertThat(two.status).as(two.toString()).isEqualTo(201);
    assertThat(two.field("printedKey")).isEqualTo("not checked");
    assertThat((List<?>) two.json().get("added")).hasSize(2);

    Http.Answer link = maria.post("/api/v1/accounts", "{\"uri\":\"" + SetupPictures.uri(OTHER) + "\"}");
    answers.add(link);
    assertThat(link.json()).containsKey("added").doesNotContainKeys("readBy", "printedKey", "note");
  }

  @Test
  void neitherCodeNorKey_noAccountFound_sayingWhatToSend() {
    Http.Answer answer = add(maria, SetupPictures.nothing());

    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.field("error")).isEqualTo("NO_ACCOUNT_FOUND");
    assertThat(answer.field("message")).startsWith("no authenticator QR code was found in the image: ");
  }
}
