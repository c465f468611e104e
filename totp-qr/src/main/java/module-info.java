/**
 * totpkit qr: reads authenticator QR codes from screenshots and photos and writes enrollment QR codes (PNG, SVG,
 * terminal text). The entry point is {@link io.totpkit.qr.QrCodes}; no zxing type appears in the API.
 */
@SuppressWarnings("requires-automatic")   // zxing core ships an Automatic-Module-Name, no descriptor
module io.totpkit.qr {
  requires transitive io.totpkit.core;
  requires transitive java.desktop;   // BufferedImage is part of the API (QrCodes.read(BufferedImage))
  requires com.google.zxing;

  exports io.totpkit.qr;
}
