package io.totpkit.vault;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Guards {@link Vault#open} against a mutated file opened with the right passphrase: the result is an open vault whose
 * entries and codes can be read, or a {@link VaultException}; nothing else escapes. The fuzzer mutates the golden
 * vault (seeds in {@code VaultOpenFuzzTestInputs/open/}: files without their checksum trailer, which is recomputed).
 * Slots that ask for more than the least Argon2 cost are skipped: they are legal, capped by {@link KdfParams}, and
 * would only slow the fuzzer down.
 */
class VaultOpenFuzzTest {
  private static final byte[] AUDIT = resource(GoldenFileTest.NAME + ".audit");
  private static final byte[] HEAD = resource(GoldenFileTest.NAME + ".head");

  @FuzzTest(maxDuration = "10m")
  void open(byte[] contents) throws IOException {
    byte[] file = VaultFuzzing.withChecksum(contents);
    try {
      if (VaultFile.parse(file).slots.stream().anyMatch(VaultOpenFuzzTest::costly)) {
        return;
      }
    } catch (VaultException refused) {
      return;   // VaultFileFuzzTest covers the parser alone
    }
    Path dir = Files.createTempDirectory("vault-fuzz");
    try {
      Path path = dir.resolve("fuzz.vault");
      Files.write(path, file);
      Files.write(path.resolveSibling(path.getFileName() + ".audit"), AUDIT);
      Files.write(path.resolveSibling(path.getFileName() + ".head"), HEAD);
      try (Vault vault = Vault.open(path, "maria", GoldenFileTest.OWNER_PASSPHRASE.toCharArray(),
          TestVaults.fast())) {
        vault.entries().forEach(entry -> vault.code(entry.id()));
        vault.members();
      } catch (VaultException expected) {
        // refused with the typed exception: fine
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(VaultOpenFuzzTest::delete);
      }
    }
  }

  private static boolean costly(Slot slot) {
    return slot.kdf.memoryKib() > VaultOptions.MIN_ARGON2_MEMORY_KIB
        || slot.kdf.iterations() > VaultOptions.MIN_ARGON2_ITERATIONS || slot.kdf.parallelism() > 1;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = VaultOpenFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
