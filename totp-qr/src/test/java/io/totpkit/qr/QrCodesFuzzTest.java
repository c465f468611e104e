package io.totpkit.qr;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards {@link QrCodes#read(byte[], QrReadOptions)} on arbitrary bytes (PNG, JPEG, GIF, BMP, damaged or hostile):
 * the result is accounts or a {@link QrCodeException}; nothing else escapes, nothing hangs or runs out of memory. The
 * pixel limit is lowered to 4 MP so that each input stays cheap; the default-limit decompression bomb is a unit test
 * in {@link QrCodesReadTest}. Seeds: {@code QrCodesFuzzTestInputs/read/}.
 */
class QrCodesFuzzTest {
  private static final QrReadOptions OPTIONS = QrReadOptions.builder().maxPixels(4_000_000).build();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] image) {
    try {
      QrCodes.read(image, OPTIONS);
    } catch (QrCodeException expected) {
      // refused with the typed exception: fine
    }
  }
}
