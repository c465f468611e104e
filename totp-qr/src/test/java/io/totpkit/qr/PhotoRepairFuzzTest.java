package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Guards the photo repairs on any small picture, without the cost of reaching them through {@link QrCodes#read}: every
 * repair and every chain of them the decoding ladder makes returns a picture of the size it promises (twice as wide
 * and high for {@link PhotoRepair#ENLARGE}, the same size otherwise), and nothing escapes; the box filter under them
 * ({@link Blur#box}) equals its definition at any radius it accepts, on grey levels and on their squares (which the
 * contrast repair blurs). Pictures are in {@link FuzzedGrey}'s layout. Seeds in {@code PhotoRepairFuzzTestInputs/}:
 * a clean code ({@link TestImages#code}, 2-pixel modules), a 240×240 photo of a code's pixel grid with moiré
 * ({@link PhotoDamage#photograph}), one pixel, one row of 256.
 */
class PhotoRepairFuzzTest {
  /** Each repair alone, then each chain the ladder reads: the photo rungs and the second decoder's copies. */
  private static final List<List<PhotoRepair>> CHAINS = chains();

  private static List<List<PhotoRepair>> chains() {
    Set<List<PhotoRepair>> chains = new LinkedHashSet<>();
    for (PhotoRepair repair : PhotoRepair.values()) {
      chains.add(List.of(repair));
    }
    chains.addAll(DecodingLadder.PHOTO_RUNGS);
    chains.addAll(DecodingLadder.SECOND_DECODER_COPIES);
    return new ArrayList<>(chains);
  }

  /** {@code data}: a picture in {@link FuzzedGrey}'s layout. */
  @FuzzTest(maxDuration = "10m")
  void repair(byte[] data) {
    Luminance image = FuzzedGrey.decode(data, 0);
    if (image == null) {
      return;
    }
    for (List<PhotoRepair> chain : CHAINS) {
      Luminance copy = image;
      int enlargement = 1;
      for (PhotoRepair repair : chain) {
        copy = repair.apply(copy);
        enlargement *= repair.enlargement();
      }
      assertThat(copy.width).as(chain.toString()).isEqualTo(image.width * enlargement);
      assertThat(copy.height).as(chain.toString()).isEqualTo(image.height * enlargement);
      assertThat(copy.pixels).as(chain.toString()).hasSize(copy.width * copy.height);
    }
  }

  /** {@code data}: byte 0 picks the radius (modulo {@link Blur#MAX_RADIUS} + 1), a picture from byte 1 on. */
  @FuzzTest(maxDuration = "10m")
  void blur(byte[] data) {
    Luminance image = FuzzedGrey.decode(data, 1);
    if (image == null) {
      return;
    }
    int radius = (data[0] & 0xff) % (Blur.MAX_RADIUS + 1);
    int[] grey = new int[image.pixels.length];
    int[] squares = new int[grey.length];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = image.pixels[i] & 0xff;
      squares[i] = grey[i] * grey[i];
    }
    for (int[] values : List.of(grey, squares)) {
      int[] expected = BlurTest.definition(values, image.width, image.height, radius);
      int[] blurred = values.clone();

      Blur.box(blurred, new int[blurred.length], image.width, image.height, radius);

      assertThat(blurred).isEqualTo(expected);
    }
  }
}
