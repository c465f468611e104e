package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.ocr.SetupScreens.Spec;
import io.totpkit.ocr.SetupScreens.Style;
import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.qr.QrReadOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one rule for reading a setup screen: QR code first, the printed key when there is no code, and the printed key
 * as a check on the code, on drawn setup screens read by the real Tesseract.
 */
class ScreenshotsTest {
  /** No look-alike characters (no 5/S, 6/G, 2/Z, 7/T, B/8, I): OCR can be expected to read it. */
  private static final String KEY = "JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR";
  private static final QrReadOptions OPTIONS = QrReadOptions.defaults();

  private static Spec screen(String printed, String inQr) {
    return new Spec(1080, 2340, false, "DejaVu Sans", Style.GROUPS, printed, inQr, 7);
  }

  @Test
  void read_codeAndTheSamePrintedKey_qrAccountsAndTheKeyAgrees() {
    TesseractPresent.assume();

    ScreenshotReading reading = Screenshots.read(SetupScreens.draw(screen(KEY, KEY)), OPTIONS);

    assertThat(reading.accounts()).hasSize(1);
    assertThat(reading.accounts().get(0).secret().toBase32()).isEqualTo(KEY);
    assertThat(reading.qr()).isPresent();
    assertThat(reading.crossCheck()).isEqualTo(CrossCheck.AGREES);
    assertThat(reading.describe()).isEqualTo("QR code; the printed key agrees");
  }

  @Test
  void read_printedKeyNotTheCodesKey_neverAgrees() {
    TesseractPresent.assume();
    String other = "MAFJKWNYRHXPCJNKWHYXPRCAMFKWJYNR";

    ScreenshotReading reading = Screenshots.read(SetupScreens.draw(screen(other, KEY)), OPTIONS);

    assertThat(reading.accounts().get(0).secret().toBase32()).isEqualTo(KEY);
    assertThat(reading.crossCheck()).isIn(CrossCheck.DIFFERS, CrossCheck.UNCONFIRMED);
    assertThat(reading.describe()).doesNotContain(KEY).doesNotContain(other).doesNotContain("JNKW");
    if (reading.crossCheck() == CrossCheck.DIFFERS) {
      assertThat(reading.describe()).endsWith("the key printed in the picture is a different key: have a person "
          + "compare them");
    }
  }

  @Test
  void read_codeWashedOut_thePrintedKeyIsTheReading() {
    TesseractPresent.assume();

    ScreenshotReading reading = Screenshots.read(SetupScreens.draw(screen(KEY, null)), OPTIONS);

    assertThat(reading.qr()).isEmpty();
    assertThat(reading.accounts()).isEmpty();
    assertThat(reading.crossCheck()).isEqualTo(CrossCheck.NOT_CHECKED);
    PrintedKey printed = reading.printedKey().orElseThrow();
    assertThat(printed.matches(Secret.fromBase32(KEY))).isTrue();
    assertThat(reading.describe()).startsWith("no QR code could be read; the printed key was read by OCR, ")
        .doesNotContain(KEY);
  }

  @Test
  void read_neitherCodeNorKey_theQrCodesErrorSaysWhatToSend() {
    TesseractPresent.assume();
    BufferedImage blank = new BufferedImage(1080, 2340, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1080, 2340);
    g.setColor(Color.BLACK);
    g.drawString("Settings", 60, 200);
    g.dispose();

    assertThatThrownBy(() -> Screenshots.read(blank, OPTIONS)).isInstanceOfSatisfying(QrCodeException.class,
        e -> assertThat(e.reason()).isEqualTo(QrCodeException.Reason.NO_QR_CODE));
  }

  @Test
  void read_twoCodesInOnePicture_areNotCompared() throws IOException {
    TesseractPresent.assume();
    BufferedImage picture = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1200, 600);
    g.drawImage(code("otpauth://totp/A:a?secret=" + KEY + "&issuer=A"), 50, 50, 500, 500, null);
    g.drawImage(code("otpauth://totp/B:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=B"), 650, 50, 500, 500,
        null);
    g.dispose();

    ScreenshotReading reading = Screenshots.read(picture, OPTIONS);

    assertThat(reading.accounts()).hasSize(2);
    assertThat(reading.crossCheck()).isEqualTo(CrossCheck.NOT_CHECKED);
    assertThat(reading.printedKey()).isEmpty();
  }

  private static BufferedImage code(String uri) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(QrCodes.png(OtpAuthUri.parse(uri), QrOptions.defaults())));
  }

  @Test
  void read_aFileThatIsNotAPicture_isTheQrCodesUnreadableImage(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.png"), "not a picture");

    assertThatThrownBy(() -> Screenshots.read(file)).isInstanceOfSatisfying(QrCodeException.class,
        e -> assertThat(e.reason()).isEqualTo(QrCodeException.Reason.UNREADABLE_IMAGE));
    assertThatThrownBy(() -> Screenshots.read(dir.resolve("missing.png"))).isInstanceOfSatisfying(
        QrCodeException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
  }

  @Test
  void compare_outcomes() {
    OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/A:a?secret=" + KEY + "&issuer=A");
    String other = "MAFJKWNYRHXPCJNKWHYXPRCAMFKWJYNR";

    assertThat(Screenshots.compare(uri, new PrintedKey(KEY, 0.99, true, List.of()))).isEqualTo(CrossCheck.AGREES);
    assertThat(Screenshots.compare(uri, new PrintedKey(other, 0.99, true, List.of())))
        .isEqualTo(CrossCheck.DIFFERS);
    assertThat(Screenshots.compare(uri, new PrintedKey(other, 0.6, true,
        List.of(new PrintedKey.Doubt(0, "MN".toCharArray(), new double[] {0.6, 0.4})))))
        .isEqualTo(CrossCheck.UNCONFIRMED);
    String oneOff = "N" + KEY.substring(1);   // the QR's J read as N, with J as the alternative
    assertThat(Screenshots.compare(uri, new PrintedKey(oneOff, 0.6, true,
        List.of(new PrintedKey.Doubt(0, "NJ".toCharArray(), new double[] {0.6, 0.4})))))
        .isEqualTo(CrossCheck.AGREES);
  }

  @Test
  void certainty_saysWhichCharactersCountingFromOne() {
    assertThat(ScreenshotReading.certainty(new PrintedKey(KEY, 0.99, true, List.of())))
        .isEqualTo(", every character certain (32 characters)");
    assertThat(ScreenshotReading.certainty(new PrintedKey(KEY, 0.6, true, List.of(
        new PrintedKey.Doubt(7, "PR".toCharArray(), new double[] {0.6, 0.4}),
        new PrintedKey.Doubt(19, "HM".toCharArray(), new double[] {0.6, 0.4})))))
        .isEqualTo(", but characters 8 and 20 of 32 are uncertain");
    assertThat(ScreenshotReading.certainty(new PrintedKey(KEY, 0.6, true, List.of(
        new PrintedKey.Doubt(0, "JI".toCharArray(), new double[] {0.6, 0.4})))))
        .isEqualTo(", but character 1 of 32 is uncertain");
    List<PrintedKey.Doubt> seven = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      seven.add(new PrintedKey.Doubt(i, new char[] {KEY.charAt(i)}, new double[] {1}));
    }
    assertThat(ScreenshotReading.certainty(new PrintedKey(KEY, 0.6, true, seven)))
        .isEqualTo(", but 7 of its 32 characters are uncertain");
    assertThat(ScreenshotReading.certainty(new PrintedKey(KEY.substring(0, 30), 0.9, true, List.of())))
        .isEqualTo(", but its 30 characters are not a usual key length; a character may be missing or extra");
  }

  @Test
  void confirm_theCodeOfOneCandidate_isThatKey() {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");
    String wrongFirst = "N" + KEY.substring(1);
    PrintedKey printed = new PrintedKey(wrongFirst, 0.6, true,
        List.of(new PrintedKey.Doubt(0, "NJ".toCharArray(), new double[] {0.6, 0.4})));
    OtpParameters defaults = OtpParameters.totp().build();
    String code = Totp.builder(Secret.fromBase32(KEY)).build().generate(now.minusSeconds(30));

    Optional<Secret> confirmed = printed.confirm(code, now, defaults);

    assertThat(confirmed).isPresent();
    assertThat(confirmed.get().toBase32()).isEqualTo(KEY);
    String notAnyones = Totp.builder(Secret.fromBase32(KEY)).build().generate(now.minusSeconds(300));
    assertThat(printed.confirm(notAnyones, now, defaults)).isEmpty();
    assertThat(printed.confirm("12345", now, defaults)).isEmpty();   // malformed: no candidate gives it
    assertThatThrownBy(() -> printed.confirm(code, now, OtpParameters.hotp().build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
