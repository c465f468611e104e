package io.totpkit.bench.photos;

/**
 * A plane-to-plane projective map, as a pinhole camera makes of a flat screen: {@code (x, y) -> ((a x + b y + c) / (g
 * x + h y + i), (d x + e y + f) / (g x + h y + i))}. Built from where four corners go, in double precision (zxing's
 * {@code PerspectiveTransform} is the same construction in floats).
 *
 * <p>Thread-safety: immutable.
 */
final class Homography {
  private final double a;
  private final double b;
  private final double c;
  private final double d;
  private final double e;
  private final double f;
  private final double g;
  private final double h;
  private final double i;

  private Homography(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    this.g = g;
    this.h = h;
    this.i = i;
  }

  /**
   * The map that takes the quadrilateral {@code from} (x0, y0, … x3, y3, in order around it) to {@code to}.
   */
  static Homography quadToQuad(double[] from, double[] to) {
    return squareToQuad(to).times(squareToQuad(from).inverse());
  }

  /** The map of the unit square (0,0) (1,0) (1,1) (0,1) onto a quadrilateral (Heckbert, 1989). */
  private static Homography squareToQuad(double[] q) {
    double dx3 = q[0] - q[2] + q[4] - q[6];
    double dy3 = q[1] - q[3] + q[5] - q[7];
    if (dx3 == 0 && dy3 == 0) {
      return new Homography(q[2] - q[0], q[4] - q[2], q[0], q[3] - q[1], q[5] - q[3], q[1], 0, 0, 1);
    }
    double dx1 = q[2] - q[4];
    double dx2 = q[6] - q[4];
    double dy1 = q[3] - q[5];
    double dy2 = q[7] - q[5];
    double denominator = dx1 * dy2 - dx2 * dy1;
    double g = (dx3 * dy2 - dx2 * dy3) / denominator;
    double h = (dx1 * dy3 - dx3 * dy1) / denominator;
    return new Homography(q[2] - q[0] + g * q[2], q[6] - q[0] + h * q[6], q[0],
        q[3] - q[1] + g * q[3], q[7] - q[1] + h * q[7], q[1], g, h, 1);
  }

  private Homography inverse() {
    // The adjugate: a projective map is defined up to scale, so no division by the determinant is needed.
    return new Homography(e * i - f * h, c * h - b * i, b * f - c * e,
        f * g - d * i, a * i - c * g, c * d - a * f,
        d * h - e * g, b * g - a * h, a * e - b * d);
  }

  private Homography times(Homography o) {
    return new Homography(
        a * o.a + b * o.d + c * o.g, a * o.b + b * o.e + c * o.h, a * o.c + b * o.f + c * o.i,
        d * o.a + e * o.d + f * o.g, d * o.b + e * o.e + f * o.h, d * o.c + e * o.f + f * o.i,
        g * o.a + h * o.d + i * o.g, g * o.b + h * o.e + i * o.h, g * o.c + h * o.f + i * o.i);
  }

  /** Maps a point; writes x and y into {@code out}. */
  void map(double x, double y, double[] out) {
    double w = g * x + h * y + i;
    out[0] = (a * x + b * y + c) / w;
    out[1] = (d * x + e * y + f) / w;
  }
}
