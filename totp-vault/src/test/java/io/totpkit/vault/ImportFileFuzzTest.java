package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the whole import path as callers use it ({@link ImportFile#read}): recognition by every reader in turn, then
 * the reader that claims the bytes. Any input yields a file or a {@link VaultException}: no reader's
 * {@code recognises} may throw on another format's bytes, and no reader may let another exception escape. Seeds:
 * one fixture of each format, in {@code ImportFileFuzzTestInputs/read/}.
 */
class ImportFileFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    try (ImportFile file = ImportFile.read(data, format -> "pw".toCharArray())) {
      file.accounts().forEach(account -> account.uri().toUriString());
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
