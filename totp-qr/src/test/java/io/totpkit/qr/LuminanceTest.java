package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuminanceTest {
  /** What every path must compute: BT.601 luma of getRGB's colour, composited over white by its alpha. */
  private static int reference(int argb) {
    int grey = (306 * (argb >> 16 & 0xff) + 601 * (argb >> 8 & 0xff) + 117 * (argb & 0xff) + 0x200) >> 10;
    int alpha = argb >>> 24;
    return (grey * alpha + 255 * (255 - alpha) + 127) / 255;
  }

  private static BufferedImage noise(int type, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(67, 41, type);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int alpha = random.nextInt(4) == 0 ? random.nextInt(256) : 255;
        image.setRGB(x, y, alpha << 24 | random.nextInt(1 << 24));
      }
    }
    return image;
  }

  @ParameterizedTest
  @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
      BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_4BYTE_ABGR_PRE,
      BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB})
  void of_fastPathsAndSubimages_matchTheGetRgbReference(int type) {
    BufferedImage image = noise(type, type);
    boolean premultiplied = type == BufferedImage.TYPE_INT_ARGB_PRE || type == BufferedImage.TYPE_4BYTE_ABGR_PRE;
    // Premultiplied storage loses precision at low alpha, and getRGB divides it back out: allow that rounding.
    int tolerance = premultiplied ? 2 : 0;

    for (BufferedImage picture : new BufferedImage[] {image, image.getSubimage(5, 7, 40, 30)}) {
      Luminance luminance = Luminance.of(picture);
      assertThat(luminance.width).isEqualTo(picture.getWidth());
      for (int y = 0; y < picture.getHeight(); y++) {
        for (int x = 0; x < picture.getWidth(); x++) {
          int actual = luminance.pixels[y * luminance.width + x] & 0xff;
          assertThat(actual).as("pixel %d,%d", x, y)
              .isCloseTo(reference(picture.getRGB(x, y)), org.assertj.core.data.Offset.offset(tolerance));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void downscale_averagesBlocks(int factor) {
    byte[] pixels = new byte[12 * 12];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i % 12 * 20);
    }
    Luminance small = new Luminance(pixels, 12, 12).downscale(factor);

    assertThat(small.width).isEqualTo(12 / factor);
    double expected = 0;
    for (int x = 0; x < factor; x++) {
      expected += x * 20;
    }
    assertThat(small.pixels[0] & 0xff).isEqualTo((int) Math.round(expected / factor));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 77, 255})
  void upscaleAndSharpen_ofFlatImage_stayFlat(int level) {
    byte[] pixels = new byte[5 * 3];
    java.util.Arrays.fill(pixels, (byte) level);
    Luminance image = new Luminance(pixels, 5, 3);

    for (Luminance changed : new Luminance[] {image.upscale(2), image.upscale(3), image.sharpen()}) {
      for (byte pixel : changed.pixels) {
        assertThat(pixel & 0xff).isEqualTo(level);
      }
    }
    assertThat(image.upscale(3).width).isEqualTo(15);
    assertThat(image.upscale(3).height).isEqualTo(9);
  }

  @org.junit.jupiter.api.Test
  void upscale_interpolatesBetweenNeighbours() {
    Luminance doubled = new Luminance(new byte[] {0, (byte) 200}, 2, 1).upscale(2);

    // Both rows alike; sample centres at source x = -0.25 (clamped to 0), 0.25, 0.75 and 1.25 (clamped to 1).
    assertThat(doubled.pixels).containsExactly(0, 50, (byte) 150, (byte) 200, 0, 50, (byte) 150, (byte) 200);
  }

  @org.junit.jupiter.api.Test
  void sharpen_steepensAnEdge() {
    byte[] pixels = {100, 100, (byte) 200, (byte) 200};
    Luminance sharp = new Luminance(pixels, 4, 1).sharpen();

    assertThat(sharp.pixels[1] & 0xff).isLessThan(100);
    assertThat(sharp.pixels[2] & 0xff).isGreaterThan(200);
  }
}
