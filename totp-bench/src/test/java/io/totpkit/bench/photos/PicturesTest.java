package io.totpkit.bench.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodes;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The picture generator itself: layouts, geometry and that a seed always gives the same picture. */
class PicturesTest {
  private static final OtpAuthUri ACCOUNT = OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP"))
      .issuer("TikTok").account("brand_official").build();

  @Test
  void groupsOfFour_keysOfEveryLength_spaceEveryFourCharacters() {
    assertThat(SetupScreen.groupsOfFour("JBSWY3DPEHPK3PXP")).isEqualTo("JBSW Y3DP EHPK 3PXP");
    assertThat(SetupScreen.groupsOfFour("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isEqualTo("ABCD EFGH IJKL MNOP QRST UVWX YZ");
    assertThat(SetupScreen.groupsOfFour("")).isEmpty();
  }

  @Test
  void render_everyStyleLightAndDark_codeBoxHoldsTheReadableCodeAboveTheKey() {
    for (ScreenStyle style : ScreenStyle.values()) {
      for (boolean dark : new boolean[] {false, true}) {
        Screenshot shot = SetupScreen.builder(style, ACCOUNT, Display.of(1080, 2340, dark,
            Display.installedFamilies().get(0))).build().render();
        Rectangle code = shot.code();
        Rectangle key = shot.key().orElseThrow();
        assertThat(key.y).as(style + " key below the code").isGreaterThan(code.y + code.height);
        // The code alone, cut out with a little of its quiet zone, reads back to the account.
        int pad = code.width / 10;
        BufferedImage crop = shot.image().getSubimage(code.x - pad, code.y - pad, code.width + 2 * pad,
            code.height + 2 * pad);
        assertThat(QrCodes.read(crop)).as(style + (dark ? " dark" : " light")).containsExactly(ACCOUNT);
      }
    }
  }

  @Test
  void damaged_sameSeedAndIndex_samePicture() {
    IntakeSample first = IntakeSample.of(5, 2);
    IntakeSample again = IntakeSample.of(5, 2);
    int[] picture = Pixels.of(first.damaged(Damage.GLARE, 1).image());
    assertThat(Pixels.of(again.damaged(Damage.GLARE, 1).image())).isEqualTo(picture);
    assertThat(Pixels.of(first.damaged(Damage.GLARE, 2).image())).isNotEqualTo(picture);
    assertThat(first.toString()).doesNotContain("secret").doesNotContain("otpauth");
  }

  @Test
  void damaged_sameSeedAndIndexOfAnExport_samePicture() {
    IntakeSample first = IntakeSample.of(18, 7);   // every eighth screen is an export, whose batch id is seeded too
    IntakeSample again = IntakeSample.of(18, 7);
    assertThat(first.toString()).contains("Google Authenticator export");
    assertThat(Pixels.of(again.screenshot().image())).isEqualTo(Pixels.of(first.screenshot().image()));
    assertThat(again.damaged(Damage.CAMERA, 2).file()).isEqualTo(first.damaged(Damage.CAMERA, 2).file());
  }

  @Test
  void withBatchId_encodedExport_sameAccountsAndTheChosenId() {
    List<OtpAuthUri> accounts = List.of(
        OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP")).issuer("Café Rosa").account("équipe@exemple.fr")
            .build(),
        OtpAuthUri.totp(Secret.fromBytes(new byte[32])).issuer("GitHub").account("k.tanaka").build());
    for (int id : new int[] {0, 1, 127, 128, Integer.MAX_VALUE, -1, Integer.MIN_VALUE}) {
      MigrationPayload read = MigrationPayload.parse(ExportText.withBatchId(MigrationPayload.encode(accounts).get(0),
          id));
      assertThat(read.batchId()).isEqualTo(id);
      assertThat(read.accounts()).isEqualTo(accounts);
    }
  }

  @Test
  void damage_levelOutOfRange_throwsNamingTheLevels() {
    Screenshot shot = IntakeSample.of(5, 0).screenshot();
    assertThatThrownBy(() -> Damage.JPEG.damage(shot, 5, new Random(1)))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("JPEG has levels 0 to 4, not 5");
  }

  @Test
  void quadToQuad_cornersMapOntoCorners() {
    double[] from = {10, 20, 900, 60, 950, 1800, 30, 1700};
    double[] to = {0, 0, 1080, 0, 1080, 2340, 0, 2340};
    Homography map = Homography.quadToQuad(from, to);
    double[] point = new double[2];
    for (int k = 0; k < 4; k++) {
      map.map(from[2 * k], from[2 * k + 1], point);
      assertThat(point[0]).isCloseTo(to[2 * k], org.assertj.core.data.Offset.offset(1e-6));
      assertThat(point[1]).isCloseTo(to[2 * k + 1], org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void corners_noTilt_screenCentredAtTheRequestedFill() {
    double[] corners = Camera.corners(1000, 2000, 1000, 2000, 0.5, 0, true, 0);
    assertThat(corners).containsExactly(new double[] {250, 500, 750, 500, 750, 1500, 250, 1500},
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void corners_steepTilt_wholeScreenStaysInTheFrame() {
    double[] corners = Camera.corners(1080, 2340, 1080, 2340, 0.95, 40, false, 3);
    for (int k = 0; k < 4; k++) {
      assertThat(corners[2 * k]).isBetween(0.0, 1080.0);
      assertThat(corners[2 * k + 1]).isBetween(0.0, 2340.0);
    }
  }

  @Test
  void shrink_longSideOverTheLimit_keepsAspectAndAverages() {
    BufferedImage grey = Pixels.image(new int[2000 * 1000], 1000, 2000);
    grey.setRGB(0, 0, 0xffffff);
    BufferedImage small = Encoding.shrink(grey, 500);
    assertThat(small.getWidth()).isEqualTo(250);
    assertThat(small.getHeight()).isEqualTo(500);
    assertThat(small.getRGB(0, 0) & 0xff).isEqualTo(Math.round(255 / 16f));
  }

  @Test
  void display_outOfRange_throwsNamingTheField() {
    assertThatThrownBy(() -> Display.of(100, 2340, false, "DejaVu Sans"))
        .hasMessage("width must be between 240 and 4096 pixels, was 100");
    assertThatThrownBy(() -> Display.of(1080, 2340, false, " ")).hasMessage("fontFamily must not be blank");
  }
}
