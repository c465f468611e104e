package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the FreeOTP+ reader ({@link FreeOtpPlusFormat}), fed bytes directly: what it recognises yields accounts and
 * skipped tokens, or a {@link VaultException}; nothing else escapes. Seeds: {@code FreeOtpPlusImportFuzzTestInputs/}.
 */
class FreeOtpPlusImportFuzzTest {
  private static final ImportReader READER = new FreeOtpPlusFormat();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    try {
      ImportInput in = new ImportInput(data);
      if (READER.recognises(in)) {
        READER.read(in, format -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
