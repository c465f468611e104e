package io.totpkit.qr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The decoding ladder, which fails last: each rung runs only when every rung before it found nothing, so a clean
 * screenshot pays for the fast path alone and only pictures that need them pay for the slow rungs.
 *
 * <ol>
 *   <li>zxing's fast path, then zxing's own ladder of reduced, enlarged and globally thresholded copies
 *       ({@link QrScanner}): screenshots, also recompressed and resized ones.</li>
 *   <li>The photo rungs: copies repaired for what photographing a screen does ({@link PhotoRepair}: moiré, glare,
 *       defocus, a code far from the camera), each read by zxing the way the fast path reads.</li>
 *   <li>The second decoder ({@link SecondDecoder}, BoofCV) on the picture and on the repaired copies it reads best.</li>
 *   <li>Nothing read: {@link PictureDiagnosis} says why and what to send instead.</li>
 * </ol>
 *
 * <p>Steps 2 and 3 work on a copy of at most {@value #PHOTO_MAX_PIXELS} pixels (a larger photo is block-averaged
 * down to it), which bounds their time: on a 1080×2340 picture, which is read at full size, all of them together
 * took at most about a second of CPU on the simulated photos (the budget is two; totp-qr/README.md has the figures).
 *
 * <p>Thread-safety: stateless.
 */
final class DecodingLadder {
  /** The photo rungs and the second decoder read copies no larger than this. */
  static final int PHOTO_MAX_PIXELS = 3_200_000;

  /**
   * The photo rungs, in order. De-moiré first: its copy is the cheapest, reads the most photos, and two later copies
   * build on it; the enlarged copy, the costliest, last. The order was chosen on simulated photos of screens, where
   * each rung read photos the ones before it missed; PhotoRungsTest proves each alone on photos zxing's ladder misses.
   */
  static final List<List<PhotoRepair>> PHOTO_RUNGS = List.of(
      List.of(PhotoRepair.DEMOIRE),
      List.of(PhotoRepair.DEMOIRE, PhotoRepair.EVEN_CONTRAST),
      List.of(PhotoRepair.EVEN_CONTRAST),
      List.of(PhotoRepair.DEMOIRE, PhotoRepair.SHARPEN),
      List.of(PhotoRepair.SHARPEN),
      List.of(PhotoRepair.ENLARGE));

  /** The repaired copies the second decoder reads after the picture itself, best first. */
  static final List<List<PhotoRepair>> SECOND_DECODER_COPIES = List.of(
      List.of(PhotoRepair.DEMOIRE, PhotoRepair.SHARPEN),
      List.of(PhotoRepair.SHARPEN),
      List.of(PhotoRepair.ENLARGE));

  private DecodingLadder() {}

  /**
   * Returns what the first rung that read a code read.
   *
   * @throws QrCodeException with {@link QrCodeException.Reason#NO_QR_CODE} when no rung read one
   */
  static Decoded decode(Luminance image) {
    Decoded decoded = QrScanner.scan(image);
    if (!decoded.isEmpty()) {
      return decoded;
    }
    if (image.width < 21 || image.height < 21) {
      throw PictureDiagnosis.nothingRead(null, 1, SecondDecoder.Seen.NOTHING);
    }
    int factor = 1;
    while ((long) image.width * image.height / ((long) factor * factor) > PHOTO_MAX_PIXELS) {
      factor++;
    }
    Luminance working = factor == 1 ? image : image.downscale(factor);
    boolean invertFirst = QrScanner.invertFirst(working);
    Map<List<PhotoRepair>, Luminance> copies = new HashMap<>();
    for (List<PhotoRepair> rung : PHOTO_RUNGS) {
      List<QrScanner.Found> found = QrScanner.read(repaired(working, rung, copies), scale(factor, rung),
          invertFirst);
      if (!found.isEmpty()) {
        return Decoded.of(found, QrScan.Method.QR_AFTER_REPAIR, phrase(rung));
      }
    }
    SecondDecoder.Seen best = SecondDecoder.read(working, factor);
    if (!best.found.isEmpty()) {
      return Decoded.of(best.found, QrScan.Method.SECOND_DECODER, "");
    }
    for (List<PhotoRepair> repairs : SECOND_DECODER_COPIES) {
      SecondDecoder.Seen seen = SecondDecoder.read(repaired(working, repairs, copies), scale(factor, repairs));
      if (!seen.found.isEmpty()) {
        return Decoded.of(seen.found, QrScan.Method.SECOND_DECODER, phrase(repairs));
      }
      if (!repairs.contains(PhotoRepair.SHARPEN) && seen.finderPatterns > best.finderPatterns) {
        // Not from sharpened copies: the unsharp mask rings dark letters with light halos, which look like finder
        // patterns (on a reduced screenshot without a code, twenty of them).
        best = seen;
      }
    }
    throw PictureDiagnosis.nothingRead(working, factor, best);
  }

  /** Applies {@code repairs} in order, reusing a copy made earlier for the same or a leading part of them. */
  private static Luminance repaired(Luminance working, List<PhotoRepair> repairs,
      Map<List<PhotoRepair>, Luminance> copies) {
    Luminance copy = copies.get(repairs);
    if (copy == null) {
      List<PhotoRepair> leading = repairs.subList(0, repairs.size() - 1);
      Luminance before = leading.isEmpty() ? working : repaired(working, leading, copies);
      copy = repairs.get(repairs.size() - 1).apply(before);
      copies.put(List.copyOf(repairs), copy);
    }
    return copy;
  }

  /** Maps a repaired copy's coordinates back to the original picture's. */
  private static float scale(int factor, List<PhotoRepair> repairs) {
    float scale = factor;
    for (PhotoRepair repair : repairs) {
      scale /= repair.enlargement();
    }
    return scale;
  }

  private static String phrase(List<PhotoRepair> repairs) {
    StringJoiner phrase = new StringJoiner(", ", "photo of a screen: ", "");
    for (PhotoRepair repair : repairs) {
      phrase.add(repair.phrase);
    }
    return phrase.toString();
  }
}
