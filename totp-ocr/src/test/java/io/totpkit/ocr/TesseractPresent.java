package io.totpkit.ocr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;

/**
 * The one reason a test of this module may skip: the machine has no libtesseract. Everything else missing (the
 * English model) fails the test, and CI installs both ({@code apt-get install libtesseract5 tesseract-ocr-eng}).
 */
final class TesseractPresent {
  private static final boolean PRESENT = present();

  private TesseractPresent() {}

  private static boolean present() {
    try {
      NativeLibrary.getInstance("tesseract");
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  /** Skips the calling test when libtesseract cannot be loaded; returns the system's Tesseract otherwise. */
  static Tesseract assume() {
    assumeTrue(PRESENT, "libtesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
    return Tesseract.get();
  }
}
