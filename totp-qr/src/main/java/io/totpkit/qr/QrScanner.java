package io.totpkit.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Finds every QR code in a grey-scale image, combining zxing's strategies so that the usual case is fast and the hard
 * cases are still found.
 *
 * <p>First the fast path: the local-threshold ({@link HybridBinarizer}) picture at full size (pictures over
 * {@value #FAST_PATH_MAX_PIXELS} pixels block-averaged down to that), in the polarity the image's brightness suggests
 * (dark-mode pictures inverted first), then in the other one; each through the multi-code reader and, if that finds
 * nothing, the single-code reader. On the generated robustness set the fast path finds every code but the few in
 * heavily downscaled JPEGs. Only when it finds nothing does the ladder run: block-averaged copies at 1/2, 1/3 and 1/4
 * size (they smooth JPEG noise, blur and moiré), the global-histogram binarizer, and, for small pictures, enlarged
 * copies (doubled, doubled and sharpened, tripled) for modules of one or two pixels. The first step that finds a code
 * ends the search; codes found by a step are deduplicated by text and returned in reading order, with the step's
 * phrase for {@link QrScan#describe()}. These are the first two rungs of {@link DecodingLadder}; its photo rungs read
 * their repaired copies through {@link #read}.
 *
 * <p>{@code TRY_HARDER} is always on: without it zxing's finder steps over 3/388 of the height between scanned rows
 * (18 rows of a 2340-pixel screenshot), which misses the finder patterns of a code whose modules are 3 pixels wide.
 * Inverted pictures are made by inverting the luminance ourselves, not with {@code ALSO_INVERTED}, which only the
 * multi-format reader honours. Rotated copies are not tried: QR detection already works at any angle.
 *
 * <p>Thread-safety: stateless; the zxing readers are created per call.
 */
final class QrScanner {
  /** Images above this size take the fast path on a reduced copy; the full size is tried in the ladder. */
  static final int FAST_PATH_MAX_PIXELS = 6_000_000;
  /** The ladder tries no copy larger than this. */
  static final int LADDER_MAX_PIXELS = 16_000_000;
  /** Small images are also tried doubled in size, for modules of one or two pixels. */
  static final int UPSCALE_MAX_PIXELS = 1_500_000;
  /** Smaller images are also tried tripled in size. */
  static final int TRIPLE_MAX_PIXELS = 700_000;

  private static final Map<DecodeHintType, Object> HINTS = hints();

  private QrScanner() {}

  /** A decoded code and its bounding box in the coordinates of the original image. */
  static final class Found {
    final String text;
    final float minX;
    final float minY;
    final float maxX;
    final float maxY;

    Found(String text, float minX, float minY, float maxX, float maxY) {
      this.text = text;
      this.minX = minX;
      this.minY = minY;
      this.maxX = maxX;
      this.maxY = maxY;
    }

    float centreX() {
      return (minX + maxX) / 2;
    }

    float centreY() {
      return (minY + maxY) / 2;
    }
  }

  private enum Kind {
    HYBRID(HybridBinarizer::new),
    GLOBAL(GlobalHistogramBinarizer::new);

    final Function<LuminanceSource, Binarizer> binarizer;

    Kind(Function<LuminanceSource, Binarizer> binarizer) {
      this.binarizer = binarizer;
    }
  }

  /**
   * Runs the fast path and then zxing's ladder; returns what the first strategy that found a code found, with
   * {@link QrScan.Method#QR} for the fast path and {@link QrScan.Method#QR_AFTER_REPAIR} and the step's phrase for a
   * ladder step, or {@link Decoded#NOTHING}.
   */
  static Decoded scan(Luminance image) {
    if (image.width < 21 || image.height < 21) {
      return Decoded.NOTHING;   // the smallest QR code is 21 modules wide
    }
    boolean invertFirst = invertFirst(image);
    long pixels = (long) image.width * image.height;
    // Never reduce a side below 21 pixels, however long and thin the picture.
    int maxFactor = Math.max(1, Math.min(image.width, image.height) / 21);
    int fastFactor = Math.min(maxFactor, smallestFactor(pixels, FAST_PATH_MAX_PIXELS));
    Map<Integer, Luminance> scaled = new HashMap<>();
    scaled.put(1, image);

    List<Found> found = pass(scaled(image, scaled, fastFactor), fastFactor, Kind.HYBRID, invertFirst);
    if (!found.isEmpty()) {
      return Decoded.of(inReadingOrder(found), QrScan.Method.QR, "");
    }
    // The ladder: each step costs more or helps rarer pictures than the one before. Huge pictures are not tried
    // at a size above LADDER_MAX_PIXELS: their codes are large, and a full-size pass would cost seconds.
    int base = Math.min(maxFactor, smallestFactor(pixels, LADDER_MAX_PIXELS));
    int[][] ladder = fastFactor == 1
        ? new int[][] {{2, 0}, {3, 0}, {1, 1}, {4, 0}, {2, 1}}
        : new int[][] {{base, 0}, {fastFactor * 2, 0}, {fastFactor, 1}, {base, 1}};
    for (int[] step : ladder) {
      if (step[0] == fastFactor && step[1] == 0) {
        continue;   // that was the fast path
      }
      Luminance copy = scaled(image, scaled, step[0]);
      if (copy == null || copy.width < 21 || copy.height < 21) {
        continue;
      }
      Kind kind = step[1] == 0 ? Kind.HYBRID : Kind.GLOBAL;
      found = pass(copy, step[0], kind, invertFirst);
      if (!found.isEmpty()) {
        return repaired(found, step[0] > fastFactor ? "reduced in size" : step[0] < fastFactor ? "read at a larger size"
            : "", kind == Kind.GLOBAL ? "one brightness threshold for the whole picture" : "");
      }
    }
    if (pixels <= UPSCALE_MAX_PIXELS) {
      // Modules of one or two pixels (a screenshot downscaled and recompressed on its way): enlarged copies, plain
      // and sharpened, then tripled; on JPEGs at 45% with 3-pixel modules each finds codes the others miss. They are
      // the costliest copies, so the sharpened and tripled ones are tried in the likelier polarity only.
      Luminance doubled = image.upscale(2);
      found = pass(doubled, 0.5f, Kind.HYBRID, invertFirst);
      if (!found.isEmpty()) {
        return repaired(found, "enlarged");
      }
      found = onePolarity(doubled.sharpen(), 0.5f, invertFirst);
      if (!found.isEmpty()) {
        return repaired(found, "enlarged", "sharpened");
      }
      if (pixels <= TRIPLE_MAX_PIXELS) {
        found = onePolarity(image.upscale(3), 1 / 3f, invertFirst);
        if (!found.isEmpty()) {
          return repaired(found, "enlarged");
        }
      }
    }
    return Decoded.NOTHING;
  }

  /** A mostly dark picture (dark mode) most likely holds a light-on-dark code: it is tried inverted first. */
  static boolean invertFirst(Luminance image) {
    return image.sampledMedian() < 128;
  }

  /**
   * Scans a repaired copy of a picture the way the fast path scans the picture (local threshold, likelier polarity
   * first, multi-code then single-code reader); {@code scale} maps its coordinates back to the original.
   */
  static List<Found> read(Luminance copy, float scale, boolean invertFirst) {
    return inReadingOrder(pass(copy, scale, Kind.HYBRID, invertFirst));
  }

  private static Decoded repaired(List<Found> found, String... phrases) {
    StringJoiner repairs = new StringJoiner(", ");
    for (String phrase : phrases) {
      if (!phrase.isEmpty()) {
        repairs.add(phrase);
      }
    }
    return Decoded.of(inReadingOrder(found), QrScan.Method.QR_AFTER_REPAIR, repairs.toString());
  }

  /** Returns the smallest whole factor that brings {@code pixels} down to {@code limit} or fewer. */
  private static int smallestFactor(long pixels, long limit) {
    int factor = 1;
    while (pixels / ((long) factor * factor) > limit) {
      factor++;
    }
    return factor;
  }

  private static Luminance scaled(Luminance image, Map<Integer, Luminance> cache, int factor) {
    return cache.computeIfAbsent(factor, image::downscale);
  }

  private static List<Found> onePolarity(Luminance copy, float scale, boolean inverted) {
    LuminanceSource source = new ImageLuminanceSource(copy);
    Map<String, Found> found = new LinkedHashMap<>();
    decode(inverted ? source.invert() : source, Kind.HYBRID, scale, found);
    return new ArrayList<>(found.values());
  }

  /** Scans one copy of the image in both polarities; {@code scale} maps its coordinates back to the original. */
  private static List<Found> pass(Luminance copy, float scale, Kind kind, boolean invertFirst) {
    LuminanceSource source = new ImageLuminanceSource(copy);
    Map<String, Found> found = new LinkedHashMap<>();
    decode(invertFirst ? source.invert() : source, kind, scale, found);
    if (found.isEmpty()) {
      decode(invertFirst ? source : source.invert(), kind, scale, found);
    }
    return new ArrayList<>(found.values());
  }

  private static void decode(LuminanceSource source, Kind kind, float scale, Map<String, Found> found) {
    BitMatrix matrix;
    try {
      matrix = kind.binarizer.apply(source).getBlackMatrix();
    } catch (ReaderException e) {
      return;   // the global binarizer gives up on pictures without contrast
    }
    BinaryBitmap bitmap = new BinaryBitmap(new FixedBinarizer(source, matrix));
    try {
      for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
        add(result, scale, found);
      }
    } catch (ReaderException | RuntimeException e) {
      // Nothing found by the multi-code detector (zxing also throws runtime exceptions on odd geometry).
    }
    if (found.isEmpty()) {
      try {
        add(new QRCodeReader().decode(bitmap, HINTS), scale, found);
      } catch (ReaderException | RuntimeException e) {
        // Nothing found by the single-code detector either.
      }
    }
  }

  private static void add(Result result, float scale, Map<String, Found> found) {
    String text = result.getText();
    if (text == null || found.containsKey(text)) {
      return;
    }
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    ResultPoint[] points = result.getResultPoints();
    for (ResultPoint point : points == null ? new ResultPoint[0] : points) {
      if (point != null) {
        minX = Math.min(minX, point.getX() * scale);
        minY = Math.min(minY, point.getY() * scale);
        maxX = Math.max(maxX, point.getX() * scale);
        maxY = Math.max(maxY, point.getY() * scale);
      }
    }
    if (minX > maxX) {
      minX = minY = maxX = maxY = 0;
    }
    found.put(text, new Found(text, minX, minY, maxX, maxY));
  }

  /**
   * Orders codes as a reader would: rows from top to bottom, each row from left to right. A code belongs to the row
   * of the code above it when its centre lies within that code's vertical extent.
   */
  static List<Found> inReadingOrder(List<Found> found) {
    List<Found> byTop = new ArrayList<>(found);
    byTop.sort(Comparator.comparingDouble((Found f) -> f.centreY()).thenComparingDouble(Found::centreX));
    List<Found> ordered = new ArrayList<>(found.size());
    int rowStart = 0;
    while (rowStart < byTop.size()) {
      Found first = byTop.get(rowStart);
      int rowEnd = rowStart + 1;
      while (rowEnd < byTop.size() && byTop.get(rowEnd).centreY() <= first.maxY) {
        rowEnd++;
      }
      List<Found> row = new ArrayList<>(byTop.subList(rowStart, rowEnd));
      row.sort(Comparator.comparingDouble(Found::centreX));
      ordered.addAll(row);
      rowStart = rowEnd;
    }
    return ordered;
  }

  private static Map<DecodeHintType, Object> hints() {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    // No CHARACTER_SET: without an ECI segment zxing tells UTF-8 (what most issuers write) from ISO-8859-1 (the
    // standard's default) by whether the bytes are valid UTF-8, which reads both right.
    return hints;
  }

  /** Hands zxing a matrix that was already binarized, so that both readers share one binarization. */
  private static final class FixedBinarizer extends Binarizer {
    private final BitMatrix matrix;

    FixedBinarizer(LuminanceSource source, BitMatrix matrix) {
      super(source);
      this.matrix = matrix;
    }

    @Override
    public com.google.zxing.common.BitArray getBlackRow(int y, com.google.zxing.common.BitArray row) {
      return matrix.getRow(y, row);
    }

    @Override
    public BitMatrix getBlackMatrix() {
      return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
      throw new UnsupportedOperationException("a fixed binarization cannot be redone for another source");
    }
  }
}
