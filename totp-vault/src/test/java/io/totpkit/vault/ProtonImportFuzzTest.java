package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards {@link ProtonFormat} and {@link ProtonTotpUri} directly: any input the reader recognises yields accounts and
 * skipped items, or a {@link VaultException}; nothing else escapes. Seeds: {@code ProtonImportFuzzTestInputs/} (the
 * Proton fixtures, the encrypted one sealed with the fuzzer's password).
 */
class ProtonImportFuzzTest {
  private static final ProtonFormat READER = new ProtonFormat();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    ImportInput in = new ImportInput(data);
    try {
      if (READER.recognises(in)) {
        READER.read(in, format -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
