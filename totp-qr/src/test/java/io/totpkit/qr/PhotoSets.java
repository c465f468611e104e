package io.totpkit.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;

/**
 * Named sets of simulated photos of a setup screen, each set one kind and level of {@link PhotoDamage}, rendered
 * once per JVM and shared by the tests that prove the photo rungs (PhotoRungsTest) and time them (DecodeTimingTest).
 * Every photo is 1080×2340; the code sits in the upper middle of the screen, so that glare can be aimed at it.
 */
final class PhotoSets {
  /** One photo and the text of the code it shows. */
  static final class Photo {
    final String text;
    final BufferedImage image;
    final int moduleSize;

    Photo(String text, BufferedImage image, int moduleSize) {
      this.text = text;
      this.image = image;
      this.moduleSize = moduleSize;
    }
  }

  /** A kind and level of damage: what it is called in reports, and how it turns a screen into a photo. */
  enum Kind {
    PERSPECTIVE_STRONG("perspective, far edge 40% shorter, 12°", 4,
        (screen, random) -> PhotoDamage.photograph(screen, CAMERA.tilted(0.4, 0.15).rotated(12), random).image),
    PERSPECTIVE_EXTREME("perspective, far edge 60% shorter, 10°", 3,
        (screen, random) -> PhotoDamage.photograph(screen, CAMERA.tilted(0.6, 0.2).rotated(10), random).image),
    MOIRE_FINE("moiré, pixel grid with 15% gaps, screen 95% of the photo", 4,
        (screen, random) -> PhotoDamage.photograph(screen,
            CAMERA.withPixelGrid(0.15).sampling(3).covering(0.95).rotated(3), random).image),
    MOIRE_STRONG("moiré, pixel grid with 25% gaps, screen 90% of the photo", 4,
        (screen, random) -> PhotoDamage.photograph(screen, CAMERA.withPixelGrid(0.25).covering(0.9).rotated(3),
            random).image),
    GLARE_80("glare 0.8 over the code", 4, (screen, random) -> glare(screen, random, 0.8)),
    GLARE_95("glare 0.95 over the code", 4, (screen, random) -> glare(screen, random, 0.95)),
    DEFOCUS_2("defocus σ 2 px", 5, (screen, random) -> defocus(screen, random, 2)),
    DEFOCUS_3("defocus σ 3 px", 5, (screen, random) -> defocus(screen, random, 3)),
    DEFOCUS_4("defocus σ 4 px", 5, (screen, random) -> defocus(screen, random, 4)),
    FAR_AWAY("screen 30% of the photo's height (modules of 0.8 to 1.5 px)", 3,
        (screen, random) -> PhotoDamage.photograph(screen, CAMERA.covering(0.3).rotated(4), random).image),
    JPEG_30("JPEG quality 30 of a slightly soft photo", 3, (screen, random) -> jpeg(screen, random, 0.3f)),
    JPEG_10("JPEG quality 10 of a slightly soft photo", 3, (screen, random) -> jpeg(screen, random, 0.1f));

    final String description;
    /** The smallest module size of the set's screens; each next photo's modules are a pixel wider, up to 8. */
    final int smallestModule;
    final BiFunction<BufferedImage, Random, BufferedImage> damage;

    Kind(String description, int smallestModule, BiFunction<BufferedImage, Random, BufferedImage> damage) {
      this.description = description;
      this.smallestModule = smallestModule;
      this.damage = damage;
    }
  }

  private static final PhotoDamage.Camera CAMERA = PhotoDamage.Camera.portrait();
  /** Where the code's centre is on the 1080×2340 screen. */
  static final int CODE_X = 540;
  static final int CODE_Y = 800;
  /** Photos per set. */
  static final int SIZE = 4;

  private static final Map<Kind, List<Photo>> SETS = new ConcurrentHashMap<>();

  private PhotoSets() {}

  /** The photos of one kind, rendered on first use. */
  static List<Photo> of(Kind kind) {
    return SETS.computeIfAbsent(kind, PhotoSets::render);
  }

  private static List<Photo> render(Kind kind) {
    Random random = new Random(1000L + kind.ordinal());
    List<Photo> photos = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      int moduleSize = Math.min(8, kind.smallestModule + i);
      String text = RobustnessTest.uri(random, i);
      photos.add(new Photo(text, kind.damage.apply(screen(random, text, moduleSize), random), moduleSize));
    }
    return photos;
  }

  /** A light-mode setup screen, 1080×2340, with the code centred on ({@link #CODE_X}, {@link #CODE_Y}). */
  static BufferedImage screen(Random random, String text, int moduleSize) {
    BufferedImage code = TestImages.code(text, moduleSize, 4, false);
    return TestImages.screenshot(random, 1080, 2340, false, new BufferedImage[] {code},
        new int[][] {{CODE_X - code.getWidth() / 2, CODE_Y - code.getHeight() / 2}});
  }

  private static BufferedImage glare(BufferedImage screen, Random random, double strength) {
    PhotoDamage.Shot shot = PhotoDamage.photograph(screen, CAMERA.rotated(4), random);
    return PhotoDamage.glare(shot.image, strength, shot.x(CODE_X, CODE_Y), shot.y(CODE_X, CODE_Y), 250);
  }

  private static BufferedImage defocus(BufferedImage screen, Random random, double sigma) {
    return PhotoDamage.defocus(PhotoDamage.photograph(screen, CAMERA.rotated(4), random).image, sigma);
  }

  private static BufferedImage jpeg(BufferedImage screen, Random random, float quality) {
    BufferedImage soft = defocus(screen, random, 1);
    try {
      return ImageIO.read(new ByteArrayInputStream(TestImages.jpeg(soft, quality)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
