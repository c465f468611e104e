package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.totpkit.qr.QrCodeException.Reason;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PictureDiagnosisTest {
  private static final PhotoDamage.Camera CAMERA = PhotoDamage.Camera.portrait();

  private static QrCodeException failure(BufferedImage picture) {
    QrCodeException e = catchThrowableOfType(QrCodeException.class, () -> QrCodes.scan(picture));
    assertThat(e).as("the picture must not be readable").isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE);
    return e;
  }

  @Test
  void nothingRead_defocusedPhoto_outOfFocus() {
    for (PhotoSets.Photo photo : PhotoSets.of(PhotoSets.Kind.DEFOCUS_4)) {
      assertThat(failure(photo.image)).hasMessage(PictureDiagnosis.BLURRED)
          .hasMessage("the code is out of focus; send a screenshot instead of a photo");
    }
  }

  /**
   * Not every such photo is recognised as a distant code: where the enlarged copy shows no two finder patterns that
   * pair up (4 of 14 in the simulated sets), the general advice is given, which also asks for a screenshot.
   */
  @ParameterizedTest(name = "module {0} px, screen {1} of the photo")
  @CsvSource({"3, 0.2", "3, 0.3", "4, 0.25"})
  void nothingRead_codeFarFromTheCamera_tooSmall(int moduleSize, double cover) {
    Random random = new Random(moduleSize * 10L);
    BufferedImage screen = PhotoSets.screen(random, RobustnessTest.uri(random, 0), moduleSize);
    BufferedImage photo = PhotoDamage.photograph(screen, CAMERA.covering(cover).rotated(4), random).image;

    assertThat(failure(photo)).hasMessage("the code is too small in the picture; send a closer photo or a screenshot");
  }

  @ParameterizedTest(name = "dark {0}")
  @ValueSource(booleans = {false, true})
  void nothingRead_screenshotWithoutCode_noQrCodeFound(boolean dark) {
    // Light 1440×3200 screens once measured "too small": the unsharp mask rings letters like finder patterns.
    for (int[] phone : RobustnessTest.PHONES) {
      BufferedImage screen = TestImages.screenshot(new Random(4), phone[0], phone[1], dark, new BufferedImage[0],
          new int[0][]);
      assertThat(failure(screen)).hasMessage(
          "no QR code found; send a screenshot that shows the whole code, sharp and uncropped");
    }
  }

  @Test
  void blurWidth_sharpScreenshotAndPhoto_underTheBlurredWidth() {
    Random random = new Random(5);
    BufferedImage screen = PhotoSets.screen(random, RobustnessTest.uri(random, 0), 5);

    assertThat(PictureDiagnosis.blurWidth(Luminance.of(screen))).isLessThan(1.0);
    assertThat(PictureDiagnosis.blurWidth(Luminance.of(PhotoDamage.photograph(screen, CAMERA, random).image)))
        .isLessThan(1.0);
  }

  @Test
  void blurWidth_defocusOfIncreasingRadius_measuresIt() {
    Random random = new Random(6);
    BufferedImage photo = PhotoDamage.photograph(PhotoSets.screen(random, RobustnessTest.uri(random, 0), 5), CAMERA,
        random).image;
    double previous = 0;
    for (double sigma : new double[] {1, 2, 3, 4}) {
      double measured = PictureDiagnosis.blurWidth(Luminance.of(PhotoDamage.defocus(photo, sigma)));
      // The photo's own softness (about 0.8) adds in quadrature.
      assertThat(measured).as("σ %s", sigma).isCloseTo(Math.hypot(sigma, 0.8), Percentage.withPercentage(20))
          .isGreaterThan(previous);
      previous = measured;
    }
    assertThat(previous).isGreaterThan(PictureDiagnosis.BLURRED_WIDTH);
  }

  @Test
  void blurWidth_flatOrTinyPicture_zero() {
    assertThat(PictureDiagnosis.blurWidth(new Luminance(new byte[100 * 50], 100, 50))).isZero();
    assertThat(PictureDiagnosis.blurWidth(new Luminance(new byte[2 * 2], 2, 2))).isZero();
  }
}
