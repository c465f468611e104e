package io.totpkit.qr;

/**
 * The repairs the photo rungs try on a picture zxing's ladder found nothing in, each returning a new
 * {@link Luminance} (twice the size for {@link #ENLARGE}, the same size for the others), each named by the phrase
 * {@link QrScan#describe()} uses. They run only on pictures that need them, in time independent of their
 * parameters ({@link Blur}).
 */
enum PhotoRepair {
  /**
   * A photo of a screen samples the screen's pixel grid with the camera's own and shows the beat as moiré: stripes
   * and ripples finer than a module that break the binarizer's thresholds. A blur of about a screen pixel removes
   * them and keeps the modules, which are several pixels wide.
   */
  DEMOIRE("moiré reduced") {
    @Override
    Luminance apply(Luminance image) {
      return image.with(Blur.gaussian(image.pixels, image.width, image.height, DEMOIRE_SIGMA));
    }
  },
  /**
   * Glare and uneven light leave parts of the code with little contrast, which zxing's binarizer reads as all white
   * (it ignores blocks whose range is under 24 grey levels). Each pixel is replaced by its distance from the local mean
   * in units of the local spread, so that every area spans the same range.
   */
  EVEN_CONTRAST("glare evened out") {
    @Override
    Luminance apply(Luminance image) {
      int w = image.width;
      int h = image.height;
      int[] values = new int[image.pixels.length];
      int[] squares = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        int v = image.pixels[i] & 0xff;
        values[i] = v;
        squares[i] = v * v;
      }
      int[] mean = Blur.gaussian(values, w, h, CONTRAST_SIGMA);
      int[] meanSquare = Blur.gaussian(squares, w, h, CONTRAST_SIGMA);
      int[] out = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        double spread = Math.sqrt(Math.max(0, meanSquare[i] - (double) mean[i] * mean[i]));
        out[i] = (int) Math.round(128 + 64 * (values[i] - mean[i]) / (spread + CONTRAST_FLOOR));
      }
      return image.with(out);
    }
  },
  /** Defocus spreads each edge over several pixels; an unsharp mask steepens it again. */
  SHARPEN("sharpened") {
    @Override
    Luminance apply(Luminance image) {
      int[] blurred = Blur.gaussian(image.pixels, image.width, image.height, SHARPEN_SIGMA);
      int[] out = new int[blurred.length];
      for (int i = 0; i < out.length; i++) {
        int v = image.pixels[i] & 0xff;
        out[i] = (int) Math.round(v + SHARPEN_AMOUNT * (v - blurred[i]));
      }
      return image.with(out);
    }
  },
  /**
   * A code far from the camera has modules of a pixel or two, too few for either decoder's sampling grid; an
   * enlarged copy (bilinear, twice the size) gives them room. The costliest copy, so the last.
   */
  ENLARGE("enlarged") {
    @Override
    Luminance apply(Luminance image) {
      return image.upscale(2);
    }

    @Override
    int enlargement() {
      return 2;
    }
  };

  // The parameters were chosen on simulated photos of screens (PhotoRungsTest), among σ 1 to 2 for the de-moiré,
  // window σ 5 to 10 and floor 3 to 10 for the contrast, σ 2 to 3 and amounts 1 to 2 for the mask; those below read
  // the most pictures, and the neighbours within a few pictures of them.
  /** De-moiré: the blur's σ in pixels, about a screen pixel in a photo that shows the screen whole. */
  private static final double DEMOIRE_SIGMA = 1.2;
  /** Contrast: the σ in pixels of the window the local mean and spread are taken over, a few modules wide. */
  private static final double CONTRAST_SIGMA = 5;
  /** Contrast: added to the local spread, so that flat areas (spread 0) and sensor noise are not blown up. */
  private static final double CONTRAST_FLOOR = 6;
  /** Unsharp mask: the σ in pixels of the blur whose difference is added back. */
  private static final double SHARPEN_SIGMA = 2.5;
  /** Unsharp mask: how much of the difference is added back. */
  private static final double SHARPEN_AMOUNT = 1.5;

  /** How {@link QrScan#describe()} names this repair. */
  final String phrase;

  PhotoRepair(String phrase) {
    this.phrase = phrase;
  }

  abstract Luminance apply(Luminance image);

  /** How many times wider the copy is than the picture repaired. */
  int enlargement() {
    return 1;
  }
}
