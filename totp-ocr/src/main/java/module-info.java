/**
 * totpkit ocr: reads the printed setup key ({@code JBSW Y3DP EHPK 3PXP}) under the QR code of a setup screen, through
 * the system's Tesseract OCR library, and says which characters it is unsure of. The entry point is
 * {@link io.totpkit.ocr.PrintedKeys}; no JNA type appears in the API.
 */
@SuppressWarnings("requires-automatic")   // JNA ships an Automatic-Module-Name, no descriptor
module io.totpkit.ocr {
  requires transitive io.totpkit.core;   // Secret is in the API (PrintedKey.matches)
  requires transitive io.totpkit.qr;     // QrReadOptions is in the API; brings java.desktop (BufferedImage)
  requires com.sun.jna;

  exports io.totpkit.ocr;
}
