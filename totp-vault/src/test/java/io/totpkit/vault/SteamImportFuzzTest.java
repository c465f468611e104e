package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Steam maFile reader ({@link SteamFormat}): any JSON it recognises, a maFile or a manifest, yields one
 * account, a skipped entry or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code SteamImportFuzzTestInputs/}.
 */
class SteamImportFuzzTest {
  private final ImportReader reader = new SteamFormat();

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
