package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the Stratum backup reader ({@link StratumFormat}, with {@link StratumDecryption}): any bytes it recognises,
 * plain JSON or either encrypted construction under the password {@code "pw"}, yield accounts and skipped entries or
 * a {@link VaultException}; nothing else escapes. Seeds: {@code StratumImportFuzzTestInputs/}, the plain, strong and
 * legacy fixtures (the encrypted ones do not open with {@code "pw"}: the reader's wrong-password and damage paths are
 * what they reach). A strong backup costs an Argon2id of 64 MiB, seconds under the fuzzer's instrumentation, so
 * inputs with its header are read without a password: they still reach the header and length checks, and
 * {@link StratumImportTest} covers their decryption with real fixtures.
 */
class StratumImportFuzzTest {
  private final ImportReader reader = new StratumFormat();

  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    ImportInput in = new ImportInput(data);
    try {
      if (reader.recognises(in)) {
        reader.read(in, in.startsWith(StratumDecryption.STRONG_HEADER) ? ImportPassword.NONE : f -> "pw".toCharArray());
      }
    } catch (VaultException expected) {
      // refused with the typed exception: fine
    }
  }
}
