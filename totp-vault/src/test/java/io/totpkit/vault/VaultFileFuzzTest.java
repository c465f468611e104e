package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the parsers below the vault's AEAD, which a hostile file reaches without any key: the container and header
 * ({@link VaultFile#parse}) and the decrypted body ({@link VaultBody#decode}). Any bytes yield a result or a
 * {@link VaultException}; nothing else escapes. Seeds: {@code VaultFileFuzzTestInputs/}.
 */
class VaultFileFuzzTest {
  /** {@code contents}: a vault file without its checksum trailer, which is recomputed. */
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] contents) {
    try {
      VaultFile.parse(VaultFuzzing.withChecksum(contents));
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }

  /** {@code plaintext}: a decrypted common part, then (the same bytes) a decrypted section. */
  @FuzzTest(maxDuration = "10m")
  void decodeBody(byte[] plaintext) {
    try {
      VaultBody.decodeCommon(plaintext, new byte[VaultFile.VAULT_ID_LENGTH]);
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
    try {
      new VaultBody().decodeSection(plaintext);
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
