package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Bitwarden CSV import ({@link BitwardenCsvFormat}) and the CSV reader under it: any bytes it recognises
 * yield accounts and skipped items, or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code BitwardenCsvImportFuzzTestInputs/}.
 */
class BitwardenCsvImportFuzzTest {
  private final BitwardenCsvFormat reader = new BitwardenCsvFormat();

  @FuzzTest(maxDuration = "10m")
  void readCsv(byte[] data) {
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
