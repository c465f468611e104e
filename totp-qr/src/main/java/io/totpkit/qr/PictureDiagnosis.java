package io.totpkit.qr;

import io.totpkit.qr.QrCodeException.Reason;

/**
 * Says why no rung read a code and what to send instead, from two cheap measures: how wide the picture's sharpest
 * edges are ({@link #blurWidth}), and what the second decoder saw of codes it could not read (finder-pattern-like
 * squares and their module width).
 *
 * <ul>
 *   <li>Edges wider than {@value #BLURRED_WIDTH} pixels (a Gaussian blur's σ; a sharp photo measures 0.6 to 1.0):
 *       "the code is out of focus; send a screenshot instead of a photo".</li>
 *   <li>At least {@value #MIN_FINDER_PATTERNS} finder patterns seen, with modules narrower than
 *       {@value #TOO_SMALL_MODULE} pixels: "the code is too small in the picture; send a closer photo or a
 *       screenshot".</li>
 *   <li>Otherwise: "no QR code found; send a screenshot that shows the whole code, sharp and uncropped".</li>
 * </ul>
 *
 * <p>Widths are measured in the copy the photo rungs read, where the thresholds were set on simulated photos
 * (PhotoRungsTest): defocused by σ ≥ 2 pixels they measure 1.8 or more, everything else under 1.4; a screen
 * photographed from afar shows its finder patterns, on the enlarged copy, with modules of 1 to 2 pixels, a picture
 * without a code none. All three cases keep {@link Reason#NO_QR_CODE}: every caller handles them alike (show the
 * message, or try another way such as reading the printed key), and only the advice differs.
 */
final class PictureDiagnosis {
  /** Edges wider than this (σ of a Gaussian blur, in pixels) mean the picture is out of focus. */
  static final double BLURRED_WIDTH = 1.8;
  /** Modules narrower than this, in pixels, are too small to read in a photo. */
  static final double TOO_SMALL_MODULE = 2.5;
  /** How many finder-pattern-like squares count as a code seen. */
  static final int MIN_FINDER_PATTERNS = 2;

  static final String BLURRED = "the code is out of focus; send a screenshot instead of a photo";
  static final String TOO_SMALL = "the code is too small in the picture; send a closer photo or a screenshot";
  static final String NOT_FOUND = "no QR code found; send a screenshot that shows the whole code, sharp and"
      + " uncropped";

  private PictureDiagnosis() {}

  /**
   * The exception for a picture no rung read.
   *
   * @param working the copy the photo rungs read, or {@code null} when the picture was too small to try
   * @param factor how many original pixels one pixel of {@code working} spans
   * @param seen what the second decoder saw where it saw the most finder patterns
   */
  static QrCodeException nothingRead(Luminance working, int factor, SecondDecoder.Seen seen) {
    String message = NOT_FOUND;
    if (working != null && blurWidth(working) >= BLURRED_WIDTH) {
      message = BLURRED;
    } else if (seen.finderPatterns >= MIN_FINDER_PATTERNS && seen.moduleSize / factor < TOO_SMALL_MODULE) {
      message = TOO_SMALL;
    }
    return new QrCodeException(Reason.NO_QR_CODE, message);
  }

  /**
   * Estimates how wide the picture's sharpest edges are, as the σ in pixels of a Gaussian blur: a step of height C
   * blurred by σ rises at most C / (σ √(2π)) per pixel. C is the spread of grey levels (1st to 99th percentile), the
   * rise the 99.5th percentile of the larger central difference at each pixel, so that the picture's sharpest edges
   * count and its flat areas and noise do not.
   */
  static double blurWidth(Luminance image) {
    int w = image.width;
    int h = image.height;
    byte[] p = image.pixels;
    int[] levels = new int[256];
    int[] rises = new int[128];
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1, at = y * w + 1; x < w - 1; x++, at++) {
        levels[p[at] & 0xff]++;
        int dx = Math.abs((p[at + 1] & 0xff) - (p[at - 1] & 0xff));
        int dy = Math.abs((p[at + w] & 0xff) - (p[at - w] & 0xff));
        rises[Math.max(dx, dy) / 2]++;
      }
    }
    long count = (long) (w - 2) * (h - 2);
    if (count <= 0) {
      return 0;
    }
    double contrast = percentile(levels, count, 0.99) - percentile(levels, count, 0.01);
    double rise = Math.max(1, percentile(rises, count, 0.995));
    return contrast / (rise * Math.sqrt(2 * Math.PI));
  }

  private static int percentile(int[] histogram, long count, double fraction) {
    long wanted = (long) Math.ceil(count * fraction);
    long seen = 0;
    for (int level = 0; level < histogram.length; level++) {
      seen += histogram[level];
      if (seen >= wanted) {
        return level;
      }
    }
    return histogram.length - 1;
  }
}
