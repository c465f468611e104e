package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Bitwarden JSON import ({@link BitwardenJsonFormat}), plain and password-protected (the password given
 * is "pw", which opens the seed {@code protected-pw.json}), and the readers under it: any bytes it recognises yield
 * accounts and skipped items, or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code BitwardenJsonImportFuzzTestInputs/}.
 */
class BitwardenJsonImportFuzzTest {
  private final BitwardenJsonFormat reader = new BitwardenJsonFormat();

  @FuzzTest(maxDuration = "10m")
  void readJson(byte[] data) {
    ImportInput in = new ImportInput(data);
    try {
      if (reader.recognises(in)) {
        reader.read(in, format -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
