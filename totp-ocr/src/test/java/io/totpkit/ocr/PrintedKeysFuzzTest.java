package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.totpkit.qr.QrReadOptions;

/**
 * Guards {@link PrintedKeys#read(byte[], QrReadOptions)} on arbitrary bytes: the result is a key (a non-empty
 * candidate, a confidence from 0 to 1, at most {@link PrintedKey#MAX_CANDIDATES} candidates) or an
 * {@link OcrException}; nothing else escapes, nothing hangs, and the native Tesseract under it does not crash the JVM
 * on any picture that decodes. The pixel limit is lowered to 300,000 (a phone screenshot at a quarter of its width),
 * so that each input reaches Tesseract and stays cheap. Skipped where Tesseract is not installed. Seeds:
 * {@code PrintedKeysFuzzTestInputs/read/}, small setup screens drawn by {@link SetupScreens}.
 */
class PrintedKeysFuzzTest {
  private static final QrReadOptions OPTIONS = QrReadOptions.builder().maxPixels(300_000).build();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] image) {
    assumeTrue(PrintedKeys.isAvailable(), "Tesseract is not installed");
    try {
      PrintedKey key = PrintedKeys.read(image, OPTIONS);
      assertThat(key.length()).isPositive();
      assertThat(key.confidence()).isBetween(0.0, 1.0);
      assertThat(key.candidates()).hasSizeBetween(1, PrintedKey.MAX_CANDIDATES);
    } catch (OcrException expected) {
      assertThat(expected.reason()).isNotEqualTo(OcrException.Reason.OCR_UNAVAILABLE);
    }
  }
}
