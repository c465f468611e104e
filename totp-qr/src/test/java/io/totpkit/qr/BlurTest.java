package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The box filter against its definition at any radius, and the Gaussian's spread. */
class BlurTest {
  /**
   * The box filter's definition: the mean of the square around each value, edges repeated, rounded half up; rows
   * first, as the filter does, so each row's mean is rounded before the column mean is taken. Plain loops over the
   * window of each value, without the filter's running sums (also the reference of {@link PhotoRepairFuzzTest}).
   */
  static int[] definition(int[] values, int width, int height, int radius) {
    int span = 2 * radius + 1;
    long[] rowMeans = new long[values.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        long rowSum = 0;
        for (int dx = -radius; dx <= radius; dx++) {
          rowSum += values[y * width + Math.max(0, Math.min(width - 1, x + dx))];
        }
        rowMeans[y * width + x] = (rowSum + span / 2) / span;
      }
    }
    int[] out = new int[values.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        long sum = 0;
        for (int dy = -radius; dy <= radius; dy++) {
          sum += rowMeans[Math.max(0, Math.min(height - 1, y + dy)) * width + x];
        }
        out[y * width + x] = (int) ((sum + span / 2) / span);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}×{1}, radius {2}")
  @CsvSource({"1, 1, 1", "7, 3, 2", "31, 17, 4", "5, 40, 9", "64, 48, 0"})
  void box_randomValues_matchesTheDefinition(int width, int height, int radius) {
    Random random = new Random(width * 31L + height);
    int[] values = new int[width * height];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(65_026);   // up to 255², as the contrast repair's squares
    }
    int[] expected = definition(values, width, height, radius);

    Blur.box(values, new int[values.length], width, height, radius);

    assertThat(values).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10, Blur.MAX_RADIUS})
  void box_largestSquaresAtAnyRadius_exact(int radius) {
    int[] values = new int[300];
    Arrays.fill(values, 255 * 255);

    Blur.box(values, new int[values.length], 20, 15, radius);

    assertThat(values).containsOnly(255 * 255);
  }

  @ParameterizedTest
  @ValueSource(ints = {Blur.MAX_RADIUS + 1, 1000})
  void box_radiusOverTheLimit_assertionError(int radius) {
    assertThatThrownBy(() -> Blur.box(new int[4], new int[4], 2, 2, radius)).isInstanceOf(AssertionError.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.2, 2.5, 5})
  void gaussian_point_spreadsWithTheWantedStandardDeviation(double sigma) {
    int size = 81;
    int[] values = new int[size * size];
    values[size * (size / 2) + size / 2] = 100_000_000 / 100;   // one bright point, large enough to survive rounding

    int[] blurred = Blur.gaussian(values, size, size, sigma);

    double total = 0;
    double spread = 0;
    for (int x = 0; x < size; x++) {
      double column = blurred[size * (size / 2) + x];
      total += column;
      spread += column * (x - size / 2) * (x - size / 2);
    }
    // Three boxes of odd width w have σ = √((w² − 1) / 4), in steps of about 1 as w grows by 2: the nearest is
    // within half a step.
    assertThat(Math.sqrt(spread / total)).isCloseTo(sigma, org.assertj.core.data.Offset.offset(0.5));
  }
}
