package io.totpkit.qr;

import boofcv.abst.fiducial.QrCodePreciseDetector;
import boofcv.alg.fiducial.qrcode.PositionPatternNode;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_F64;
import georegression.struct.shapes.Polygon2D_F64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ddogleg.struct.DogArray;

/**
 * The second decoder: BoofCV's QR detector, the only class that touches BoofCV. Where zxing scans rows for the
 * 1:1:3:1:1 ratio of a finder pattern, BoofCV finds the finder patterns as squares in a binarized picture, fits a
 * homography to them and samples the modules through it, which follows perspective and uneven light much better.
 *
 * <p>Besides the codes it reads, it reports what it saw of codes it could not read: how many finder-pattern-like
 * squares, and how wide their modules are, which {@link PictureDiagnosis} uses to say what to send instead.
 *
 * <p>BoofCV's jars are not Java modules and share packages between them, so they cannot sit on a module path: they
 * stay on the class path, and when this module runs as a named module it reads the class path's unnamed module
 * (below). A detector is built per call: BoofCV's detectors keep state and are not thread-safe.
 */
final class SecondDecoder {
  static {
    Module self = SecondDecoder.class.getModule();
    ClassLoader loader = SecondDecoder.class.getClassLoader();
    if (self.isNamed() && loader != null) {
      self.addReads(loader.getUnnamedModule());
    }
  }

  private SecondDecoder() {}

  /** What BoofCV read in one picture and what it saw of codes it could not read. */
  static final class Seen {
    static final Seen NOTHING = new Seen(List.of(), 0, Double.NaN);

    /** The codes read, in reading order, in the original picture's coordinates. */
    final List<QrScanner.Found> found;
    /**
     * How many squares looked like finder patterns and were paired with another one as corners of one code (a lone
     * square is as often a letter or an icon).
     */
    final int finderPatterns;
    /** The median module width of those squares in the original picture's pixels, or NaN when there were none. */
    final double moduleSize;

    Seen(List<QrScanner.Found> found, int finderPatterns, double moduleSize) {
      this.found = found;
      this.finderPatterns = finderPatterns;
      this.moduleSize = moduleSize;
    }
  }

  /**
   * Reads every QR code in {@code image}; {@code scale} maps its coordinates back to the original picture. BoofCV
   * failing on a hostile picture counts as reading nothing.
   */
  static Seen read(Luminance image, float scale) {
    if (image.width < 21 || image.height < 21) {
      return Seen.NOTHING;
    }
    GrayU8 gray = new GrayU8(image.width, image.height);
    System.arraycopy(image.pixels, 0, gray.data, 0, image.pixels.length);
    QrCodePreciseDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    try {
      detector.process(gray);
    } catch (RuntimeException e) {
      return Seen.NOTHING;   // a picture BoofCV cannot handle is a picture it did not read
    }
    Map<String, QrScanner.Found> found = new LinkedHashMap<>();
    for (QrCode code : detector.getDetections()) {
      if (code.message != null && !found.containsKey(code.message)) {
        found.put(code.message, found(code.message, code.bounds, scale));
      }
    }
    DogArray<PositionPatternNode> patterns = detector.getDetectPositionPatterns().getPositionPatterns();
    double[] modules = new double[patterns.size()];
    int paired = 0;
    for (int i = 0; i < patterns.size(); i++) {
      PositionPatternNode node = patterns.get(i);
      if (node.getNumberOfConnections() > 0) {
        // A finder pattern is 7 modules wide; its sides differ under perspective, so take their mean.
        modules[paired++] = (node.largestSide + node.smallestSide) / 2 / 7 * scale;
      }
    }
    Arrays.sort(modules, 0, paired);
    double moduleSize = paired == 0 ? Double.NaN : modules[paired / 2];
    return new Seen(QrScanner.inReadingOrder(new ArrayList<>(found.values())), paired, moduleSize);
  }

  private static QrScanner.Found found(String text, Polygon2D_F64 bounds, float scale) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < bounds.size(); i++) {
      Point2D_F64 corner = bounds.get(i);
      minX = Math.min(minX, (float) corner.x * scale);
      minY = Math.min(minY, (float) corner.y * scale);
      maxX = Math.max(maxX, (float) corner.x * scale);
      maxY = Math.max(maxY, (float) corner.y * scale);
    }
    if (minX > maxX) {
      minX = minY = maxX = maxY = 0;
    }
    return new QrScanner.Found(text, minX, minY, maxX, maxY);
  }
}
