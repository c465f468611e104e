package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the andOTP readers ({@link AndOtpFormat}, {@link AndOtpEncryptedFormat}), fed bytes directly: what either
 * recognises yields accounts and skipped entries, or a {@link VaultException}; nothing else escapes. The encrypted
 * target mostly exercises the header and the wrong-password path: a mutated file never passes GCM's tag, so what the
 * backup holds is fuzzed through the plain target. Seeds: {@code AndOtpImportFuzzTestInputs/}.
 */
class AndOtpImportFuzzTest {
  private static final ImportReader PLAIN = new AndOtpFormat();
  private static final ImportReader ENCRYPTED = new AndOtpEncryptedFormat();

  @FuzzTest(maxDuration = "10m")
  void readPlain(byte[] data) {
    read(PLAIN, data);
  }

  @FuzzTest(maxDuration = "10m")
  void readEncrypted(byte[] data) {
    read(ENCRYPTED, data);
  }

  private static void read(ImportReader reader, byte[] data) {
    try {
      ImportInput in = new ImportInput(data);
      if (reader.recognises(in)) {
        reader.read(in, format -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
