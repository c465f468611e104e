package io.totpkit.vault;

import java.security.MessageDigest;
import java.util.Arrays;

/** Shared by the vault fuzz tests: turns fuzzer bytes into a file whose unkeyed checksum holds. */
final class VaultFuzzing {
  private VaultFuzzing() {}

  /**
   * Appends the SHA-256 trailer to {@code contents} (a vault file without its last 32 bytes), so that mutations get
   * past the checksum to the parsers and the AEAD behind it; a bad checksum is a plain unit test's job.
   */
  static byte[] withChecksum(byte[] contents) {
    MessageDigest digest = Digests.sha256();
    byte[] file = Arrays.copyOf(contents, contents.length + VaultFile.CHECKSUM_LENGTH);
    byte[] checksum = digest.digest(contents);
    System.arraycopy(checksum, 0, file, contents.length, checksum.length);
    return file;
  }
}
