package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards {@link TwoFasFormat} directly: any input it recognises yields accounts and skipped items, or a
 * {@link VaultException}; nothing else escapes. Encrypted inputs are opened with a fixed password, so the fuzzer also
 * reaches the reference check, the decryption and the decrypted services. Seeds: {@code TwoFasImportFuzzTestInputs/}
 * (the 2FAS fixtures; the encrypted ones are sealed with the fuzzer's password).
 */
class TwoFasImportFuzzTest {
  private static final TwoFasFormat READER = new TwoFasFormat();

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
