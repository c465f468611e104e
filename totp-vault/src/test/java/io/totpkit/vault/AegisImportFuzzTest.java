package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Guards the Aegis import ({@link AegisFormat#read}, behind {@link Vault#importAegis}) and the JSON reader under it:
 * any plain JSON export yields accounts and skipped items, or a {@link VaultException}; nothing else escapes. Seeds:
 * {@code AegisImportFuzzTestInputs/}.
 */
class AegisImportFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void readPlain(byte[] data) {
    try {
      AegisFormat.read(new String(data, StandardCharsets.UTF_8), null);
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
