package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Aegis import ({@link AegisFormat}, behind {@link ImportFile#read}) and the JSON reader under it:
 * any plain JSON export yields accounts and skipped items, or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code AegisImportFuzzTestInputs/}.
 */
class AegisImportFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void readPlain(byte[] data) {
    try {
      ImportFile.read(data, ImportPassword.NONE);
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
