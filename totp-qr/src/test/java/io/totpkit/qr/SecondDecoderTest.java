package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import boofcv.alg.geo.NormalizationPoint2D;
import boofcv.alg.geo.h.HomographyDirectLinearTransform;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecondDecoderTest {
  private static List<String> texts(SecondDecoder.Seen seen) {
    return seen.found.stream().map(found -> found.text).collect(Collectors.toList());
  }

  @Test
  void read_cleanCode_readsItsTextWhereItIs() {
    String text = RobustnessTest.uri(new Random(1), 1);
    Luminance image = Luminance.of(TestImages.code(text, 6, 4, false));

    SecondDecoder.Seen seen = SecondDecoder.read(image, 2);

    assertThat(texts(seen)).containsExactly(text);
    QrScanner.Found found = seen.found.get(0);
    // The corners of the code, in the coordinates of a picture twice as large: the quiet zone is 4 modules of 6.
    assertThat(found.minX).isBetween(2 * 20f, 2 * 28f);
    assertThat(found.maxX).isBetween(2 * (image.width - 28f), 2 * (image.width - 20f));
    assertThat(seen.finderPatterns).isEqualTo(3);
    assertThat(seen.moduleSize).isBetween(2 * 5.5, 2 * 6.5);
  }

  @Test
  void read_twoCodesOnAScreen_readingOrder() {
    Random random = new Random(2);
    String first = RobustnessTest.uri(random, 1);
    String second = RobustnessTest.uri(random, 2);
    BufferedImage screen = TestImages.screenshot(random, 1080, 2340, false,
        new BufferedImage[] {TestImages.code(second, 5, 4, false), TestImages.code(first, 5, 4, false)},
        new int[][] {{300, 1300}, {300, 300}});

    assertThat(texts(SecondDecoder.read(Luminance.of(screen), 1))).containsExactly(first, second);
  }

  /** The same flavours as RobustnessTest's non-ASCII labels: the second decoder must read them as zxing does. */
  @ParameterizedTest(name = "{0} {1} eci={2}")
  @CsvSource({"raw, UTF-8, true", "raw, UTF-8, false", "raw, ISO-8859-1, false", "percent, UTF-8, true"})
  void read_nonAsciiLabel_sameTextAsZxing(String form, String charset, boolean eci) {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP")).issuer("Café Rosa")
        .account("équipe@exemple.fr").build();
    String text = form.equals("percent") ? uri.toUriString()
        : "otpauth://totp/Café Rosa:équipe@exemple.fr?secret=JBSWY3DPEHPK3PXP&issuer=Café%20Rosa";
    Luminance image = Luminance.of(TestImages.code(text, charset, eci, 5, 4, false));

    assertThat(texts(SecondDecoder.read(image, 1)))
        .containsExactly(QrScanner.read(image, 1, false).get(0).text)
        .containsExactly(text);
  }

  @Test
  void read_screenWithoutCodeOrNoise_nothingAndNoFinderPatterns() {
    Random random = new Random(3);
    BufferedImage screen = TestImages.screenshot(random, 1080, 2340, false, new BufferedImage[0], new int[0][]);
    byte[] noise = new byte[400 * 300];
    random.nextBytes(noise);

    for (Luminance image : List.of(Luminance.of(screen), new Luminance(noise, 400, 300))) {
      SecondDecoder.Seen seen = SecondDecoder.read(image, 1);
      assertThat(seen.found).isEmpty();
      assertThat(seen.finderPatterns).isZero();
      assertThat(seen.moduleSize).isNaN();
    }
  }

  @Test
  void read_smallerThanTheSmallestCode_nothing() {
    assertThat(SecondDecoder.read(new Luminance(new byte[20 * 40], 20, 40), 1)).isSameAs(SecondDecoder.Seen.NOTHING);
  }

  /**
   * The build leaves out dependencies BoofCV declares but its QR detector never loads (README). The detector fits its
   * homographies with normalisation, whose undoing goes through EJML's SimpleMatrix, which stays; this runs that
   * path directly, since the simulated photos rarely reach it, to show it needs none of what was left out.
   */
  @Test
  void trimmedDependencies_homographyNormalisationPath_runs() {
    DMatrixRMaj homography = new DMatrixRMaj(3, 3, true, 1, 0, 0, 0, 1, 0, 0, 0, 1);

    HomographyDirectLinearTransform.undoNormalizationH(homography, new NormalizationPoint2D(0, 1, 0, 1),
        new NormalizationPoint2D(0, 1, 0, 1));

    assertThat(homography.get(0, 0)).isEqualTo(1.0);
  }
}
