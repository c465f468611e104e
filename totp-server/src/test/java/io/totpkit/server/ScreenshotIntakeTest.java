package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.server.ScreenshotIntake.Accepted;
import io.totpkit.server.ScreenshotIntake.Choices;
import io.totpkit.server.ScreenshotIntake.Sender;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The intake's rule on the parts of a reading, without Tesseract: what a server without OCR does (the QR code alone,
 * "not checked"), a printed key that differs, and the form's choices. The same rule on real pictures read by the real
 * Tesseract is {@code ScreenshotApiTest}, {@code ScreenshotPagesTest} and {@code PagesBrowserTest}.
 */
class ScreenshotIntakeTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final List<OtpAuthUri> QR = List.of(OtpAuthUri.parse(SetupPictures.uri(SetupPictures.KEY)));
  private static final String QR_READ = "QR code";

  private static Choices choices(Sender sender, String... fields) {
    Map<String, String> form = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return Choices.of(form, sender, null);
  }

  @Test
  void decide_qrCodeNotChecked_asOnAServerWithoutOcr_addsTheQrAccountsAsBefore() {
    Accepted accepted = ScreenshotIntake.decide(true, QR, CrossCheck.NOT_CHECKED, null, QR_READ,
        choices(Sender.API), NOW);

    assertThat(accepted.accounts).isEqualTo(QR);
    assertThat(accepted.readBy).isEqualTo("QR code");
    assertThat(accepted.printedKey).isEqualTo("not checked");
    assertThat(accepted.note).isNull();
  }

  @Test
  void decide_everyComparison_hasItsWord() {
    assertThat(ScreenshotIntake.decide(true, QR, CrossCheck.NO_PRINTED_KEY, null, QR_READ, choices(Sender.API), NOW)
        .printedKey).isEqualTo("none");
    for (CrossCheck check : CrossCheck.values()) {
      Choices override = choices(Sender.STAFF_PAGE, "ignorePrintedKey", "yes");
      assertThat(ScreenshotIntake.decide(true, QR, check, null, QR_READ, override, NOW).printedKey)
          .isIn("agrees", "differs", "unconfirmed", "none", "not checked");
    }
  }

  @Test
  void decide_printedKeyDiffers_refusedWithWhatToDo_unlessStaffOverride() {
    assertThatThrownBy(() -> ScreenshotIntake.decide(true, QR, CrossCheck.DIFFERS, null, QR_READ,
        choices(Sender.API), NOW)).isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status).isEqualTo(400);
          assertThat(e.code).isEqualTo("PRINTED_KEY_DIFFERS");
          assertThat(e.getMessage()).isEqualTo("the key printed in the picture is not the key in its QR code, so "
              + "nothing was added: ask the client for a new screenshot, or add again with ignorePrintedKey=yes once "
              + "a person has checked that the QR code is right");
        });

    Accepted overridden = ScreenshotIntake.decide(true, QR, CrossCheck.DIFFERS, null, QR_READ,
        choices(Sender.API, "ignorePrintedKey", "yes"), NOW);

    assertThat(overridden.accounts).isEqualTo(QR);
    assertThat(overridden.printedKey).isEqualTo("differs");
    assertThat(overridden.note).contains("a different key");
  }

  @Test
  void decide_printedKeyDiffers_clientOverride_isNotRead() {
    Choices client = choices(Sender.CLIENT_PAGE, "ignorePrintedKey", "yes");

    assertThatThrownBy(() -> ScreenshotIntake.decide(true, QR, CrossCheck.DIFFERS, null, QR_READ, client, NOW))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("send a new screenshot")
            .contains("paste it in the key field").doesNotContain("ignorePrintedKey"));
  }

  @Test
  void decide_qrCodeRead_keyFieldsGiven_notUsedAndSaid() {
    Accepted accepted = ScreenshotIntake.decide(true, QR, CrossCheck.AGREES, null, QR_READ,
        choices(Sender.API, "account", "other", "confirmCode", "123456"), NOW);

    assertThat(accepted.accounts.get(0).account()).isEqualTo("brand");
    assertThat(accepted.note).contains("were not used");
  }

  @Test
  void choices_malformed_400NamingTheField() {
    assertThatThrownBy(() -> choices(Sender.API, "ignorePrintedKey", "maybe"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("ignorePrintedKey"));
    assertThatThrownBy(() -> choices(Sender.API, "digits", "six"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("digits"));
    assertThatThrownBy(() -> choices(Sender.API, "digits", "4"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("digits"));
    assertThatThrownBy(() -> choices(Sender.API, "algorithm", "MD5"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status).isEqualTo(400));
  }

  @Test
  void choices_client_accountDefaultsToTheLinkLabel_noCodeNoOverride() {
    Choices client = Choices.of(Map.of("confirmCode", "123456", "ignorePrintedKey", "yes"), Sender.CLIENT_PAGE,
        "Acme Bakery");

    assertThat(client.account).isEqualTo("Acme Bakery");
    assertThat(client.confirmCode).isNull();
    assertThat(client.ignorePrintedKey).isFalse();
    assertThat(Choices.of(Map.of("account", " shop ", "confirmCode", "123 456"), Sender.STAFF_PAGE, null))
        .satisfies(c -> {
          assertThat(c.account).isEqualTo("shop");
          assertThat(c.confirmCode).isEqualTo("123456");
        });
  }
}
