package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Stratum HTML export reader ({@link StratumHtmlFormat}) and the URI parser under it: any text it
 * recognises yields accounts and skipped entries or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code StratumHtmlImportFuzzTestInputs/}.
 */
class StratumHtmlImportFuzzTest {
  private final ImportReader reader = new StratumHtmlFormat();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    ImportInput in = new ImportInput(data);
    try {
      if (reader.recognises(in)) {
        reader.read(in, f -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
