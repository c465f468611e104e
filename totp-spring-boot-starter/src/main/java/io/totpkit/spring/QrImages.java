package io.totpkit.spring;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The only class that touches totp-qr, an optional dependency: renders an enrollment's QR code as PNG and SVG
 * {@code data:} URIs. Loaded only when {@link TotpEnrollment} found totp-qr on the class path.
 *
 * <p>Thread-safety: stateless.
 */
final class QrImages {
  private QrImages() {}

  static String pngDataUri(OtpAuthUri uri) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(uri, QrOptions.defaults()));
  }

  static String svgDataUri(OtpAuthUri uri) {
    byte[] svg = QrCodes.svg(uri, QrOptions.defaults()).getBytes(StandardCharsets.UTF_8);
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg);
  }
}
