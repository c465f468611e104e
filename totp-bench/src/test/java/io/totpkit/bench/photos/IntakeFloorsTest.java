package io.totpkit.bench.photos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The screenshot intake rates may only go up: a small seeded sample of the {@code IntakeRates} pictures (the first 8
 * screens of seed 18, among them a Google Authenticator export) at a few damage levels, each with a floor of how many
 * must decode, set to what {@code QrCodes.read} decoded when the floors were written. A row whose last decoded picture
 * only the second decoder reads, the ladder's last chance, keeps a margin of one picture. A change that decodes fewer
 * fails here; one that decodes more should raise the floor. No picture may ever decode to other accounts.
 */
class IntakeFloorsTest {
  private static IntakeRun run;

  @BeforeAll
  static void drawScreens() {
    run = IntakeRun.of(18, 8);
  }

  @Test
  void read_cleanScreenshots_decodesEvery() {
    IntakeRun.Rate rate = run.rate(Damage.CLEAN, 0, Optional.empty());
    assertThat(rate.decoded()).as(rate.row() + " failed " + rate.failed()).isEqualTo(rate.total());
  }

  @ParameterizedTest(name = "{0} {1}: at least {2} of 8")
  @CsvSource({
      "JPEG, 3, 8",          // q 30
      "JPEG, 4, 8",          // q 15
      "MESSENGER, 1, 8",     // long side 800, JPEG 70, twice
      "MESSENGER, 2, 7",     // long side 480: 8 since issue 18, the export by the second decoder alone (before: 7)
      "PERSPECTIVE, 2, 7",   // 30°: 8 since issue 18, the export by the second decoder alone (before: 7)
      "MOIRE, 2, 8",         // aperture 35%: the photo rungs read the two that failed before (before: 6)
      "MOIRE, 3, 6",         // aperture 15%: 7, two of them by the second decoder after repair (before: 1)
      "GLARE, 2, 8",         // +255
      "DEFOCUS, 4, 7",       // disc radius 6
      "DEFOCUS, 5, 4",       // disc radius 8: half fail, the ladder adds none of these eight
      "LOW_LIGHT, 3, 8",     // noise σ 96 at white: a photo rung reads the one that failed before (before: 7)
  })
  void read_damagedPictures_decodesAtLeastTheFloor(Damage damage, int level, int floor) {
    IntakeRun.Rate rate = run.rate(damage, level, Optional.empty());
    assertThat(rate.misread()).as(rate.row()).isZero();
    assertThat(rate.decoded()).as(rate.row() + " failed " + rate.failed()).isGreaterThanOrEqualTo(floor);
  }
}
