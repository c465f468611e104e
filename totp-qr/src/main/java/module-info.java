/**
 * totpkit qr: reads authenticator QR codes from screenshots and photos and writes enrollment QR codes (PNG, SVG,
 * terminal text). The entry point is {@link io.totpkit.qr.QrCodes}; no zxing or BoofCV type appears in the API.
 *
 * <p>BoofCV, the second decoder for photos, is not required here: its jars share packages, so they cannot be
 * modules and stay on the class path, which this module reads at run time (SecondDecoder) and at compile time
 * ({@code --add-reads io.totpkit.qr=ALL-UNNAMED} in the POM).
 */
@SuppressWarnings("requires-automatic")   // zxing core ships an Automatic-Module-Name, no descriptor
module io.totpkit.qr {
  requires transitive io.totpkit.core;
  requires transitive java.desktop;   // BufferedImage is part of the API (QrCodes.read(BufferedImage))
  requires com.google.zxing;

  exports io.totpkit.qr;
}
