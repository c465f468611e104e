package io.totpkit.bench.photos;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * What happens to a setup screen on its way to the agency, each kind at increasing levels. Every step is
 * deterministic for a given {@link Random}: the same seed gives the same picture. Sizes are in pixels of a
 * 1080-pixel-wide screen and scale with the screen's width.
 *
 * <p>Thread-safety: stateless; pass each thread its own {@link Random}.
 */
public enum Damage {
  /** The screenshot itself, as a decoded image. */
  CLEAN(List.of("screenshot")) {
    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofImage(shot.image());
    }
  },
  /**
   * A photo with the camera tilted against the screen by 10° to 40°, about its vertical or horizontal centre line,
   * with up to 3° of roll, from 1.6 screen heights away; the screen fills 88% of the frame when square on. Clean
   * anti-aliased resampling, exact colours: geometry alone.
   */
  PERSPECTIVE(List.of("10°", "20°", "30°", "40°")) {
    private final int[] degrees = {10, 20, 30, 40};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      BufferedImage screen = shot.image();
      int width = screen.getWidth();
      int height = screen.getHeight();
      double[] corners = Camera.corners(width, height, width, height, 0.88, degrees[level], random.nextBoolean(),
          (random.nextDouble() * 2 - 1) * 3);
      return Picture.ofImage(Camera.warp(screen, corners, width, height, random));
    }
  },
  /**
   * A square-on photo of the screen's sub-pixel grid by a Bayer sensor at 0.85 camera pixels per screen pixel, the
   * camera rolled by 1° to 3°, then a slight lens blur (σ 0.6 camera pixels); exact colours otherwise. The level is
   * the share of each photosite's footprint that gathers light, from 100% (faint moiré) down to 15% (the stark
   * fringes of a sharp lens and a phone's sharpening): the grids beat against each other in coloured bands.
   */
  MOIRE(List.of("aperture 100%", "aperture 60%", "aperture 35%", "aperture 15%")) {
    private final double[] apertures = {1, 0.6, 0.35, 0.15};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      BufferedImage screen = shot.image();
      double ratio = 0.85;
      int width = (int) Math.round(screen.getWidth() * ratio * 1.06);
      int height = (int) Math.round(screen.getHeight() * ratio * 1.06);
      double roll = (1 + 2 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
      double[] corners = Camera.corners(screen.getWidth(), screen.getHeight(), width, height, 1 / 1.06, 0, true,
          roll);
      BufferedImage photo = Camera.photograph(screen, corners, width, height, apertures[level], false, random);
      return Picture.ofImage(Blur.gaussian(photo, 0.6));
    }
  },
  /**
   * A lamp reflected over the code: an elliptical highlight (core semi-axes 22% and 13% of the code's width, any
   * angle, centred somewhere on the middle 60% of the code) adding 64 to 400 to each channel, clipped at 255.
   */
  GLARE(List.of("+64", "+128", "+255", "+400")) {
    private final int[] strengths = {64, 128, 255, 400};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofImage(glare(shot.image(), shot.code(), strengths[level], random));
    }
  },
  /** An out-of-focus lens: a disc blur of radius 1 to 8 pixels. */
  DEFOCUS(List.of("r 1", "r 2", "r 3", "r 4", "r 6", "r 8")) {
    private final int[] radii = {1, 2, 3, 4, 6, 8};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofImage(Blur.disc(shot.image(), radii[level] * scale(shot)));
    }
  },
  /** The screenshot saved as JPEG at quality 90 down to 15. */
  JPEG(List.of("q 90", "q 70", "q 50", "q 30", "q 15")) {
    private final int[] qualities = {90, 70, 50, 30, 15};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofJpeg(Encoding.jpeg(shot.image(), qualities[level]));
    }
  },
  /** Sent through a messenger twice: each time the long side brought to 1280, 800 or 480 pixels, JPEG quality 70. */
  MESSENGER(List.of("1280 px", "800 px", "480 px")) {
    private final int[] longSides = {1280, 800, 480};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofJpeg(Encoding.messenger(shot.image(), longSides[level], 70, 2));
    }
  },
  /** Sensor noise of a dark room: shot and read noise with a standard deviation at white of 12 to 96 levels. */
  LOW_LIGHT(List.of("σ 12", "σ 24", "σ 48", "σ 96")) {
    private final int[] sigmas = {12, 24, 48, 96};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      return Picture.ofImage(SensorNoise.expose(shot.image(), SensorNoise.photonsForSigmaAtWhite(sigmas[level]),
          random));
    }
  },
  /**
   * A camera photo of the screen, as a client takes it with a second phone: glare over the code, the camera tilted
   * and rolled, the sub-pixel grid (moiré), the photographed screen's lifted black and blue-tinted white, lens blur,
   * sensor noise and the camera's JPEG, in a 1512×2016 frame. Mild: +40 glare, 10° tilt, 3° roll, screen 85% of
   * the frame, aperture 80%, blur σ 0.8, noise σ 6, JPEG 85. Medium: +90, 20°, 6°, 75%, 50%, σ 1.2, σ 12, JPEG 75.
   * Hard: +150, 30°, 10°, 65%, 30%, σ 1.8, σ 20, JPEG 60.
   */
  CAMERA(List.of("mild", "medium", "hard")) {
    private final int[] glare = {40, 90, 150};
    private final int[] tilt = {10, 20, 30};
    private final int[] roll = {3, 6, 10};
    private final double[] fill = {0.85, 0.75, 0.65};
    private final double[] blur = {0.8, 1.2, 1.8};
    private final int[] noise = {6, 12, 20};
    private final int[] quality = {85, 75, 60};
    private final double[] aperture = {0.8, 0.5, 0.3};

    @Override
    Picture apply(Screenshot shot, int level, Random random) {
      BufferedImage screen = glare(shot.image(), shot.code(), glare[level], random);
      int width = 1512;
      int height = 2016;
      double[] corners = Camera.corners(screen.getWidth(), screen.getHeight(), width, height, fill[level],
          tilt[level], random.nextBoolean(), (random.nextDouble() * 2 - 1) * roll[level]);
      BufferedImage photo = Camera.photograph(screen, corners, width, height, aperture[level], true, random);
      photo = Blur.gaussian(photo, blur[level]);
      photo = SensorNoise.expose(photo, SensorNoise.photonsForSigmaAtWhite(noise[level]), random);
      return Picture.ofJpeg(Encoding.jpeg(photo, quality[level]));
    }
  };

  private final List<String> levels;

  Damage(List<String> levels) {
    this.levels = levels;
  }

  /**
   * The levels, mildest first, as short labels for a table ({@code "q 30"}, {@code "20°"}).
   *
   * @return the labels
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * Damages a screenshot.
   *
   * @param shot the screenshot
   * @param level an index into {@link #levels()}
   * @param random the source of every random choice of the damage
   * @return the damaged picture
   * @throws IndexOutOfBoundsException if the level is not one of {@link #levels()}
   */
  public Picture damage(Screenshot shot, int level, Random random) {
    if (level < 0 || level >= levels.size()) {
      throw new IndexOutOfBoundsException(this + " has levels 0 to " + (levels.size() - 1) + ", not " + level);
    }
    return apply(shot, level, random);
  }

  abstract Picture apply(Screenshot shot, int level, Random random);

  /** Pixel sizes are given for a 1080-pixel-wide screen. */
  static double scale(Screenshot shot) {
    return shot.image().getWidth() / 1080.0;
  }

  static BufferedImage glare(BufferedImage image, Rectangle code, double strength, Random random) {
    double cx = code.getCenterX() + (random.nextDouble() - 0.5) * 0.6 * code.width;
    double cy = code.getCenterY() + (random.nextDouble() - 0.5) * 0.6 * code.height;
    return Glare.highlight(image, cx, cy, 0.22 * code.width, 0.13 * code.width, random.nextDouble() * 180,
        strength);
  }
}
