package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the 1Password CSV import ({@link OnePasswordCsvFormat}) and the CSV reader under it: any bytes it recognises
 * yield accounts and skipped items, or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code OnePasswordCsvImportFuzzTestInputs/}.
 */
class OnePasswordCsvImportFuzzTest {
  private final OnePasswordCsvFormat reader = new OnePasswordCsvFormat();

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
