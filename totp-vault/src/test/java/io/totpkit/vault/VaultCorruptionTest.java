package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every damaged byte is caught before any key is tried; tampering is told apart from a wrong passphrase. */
class VaultCorruptionTest {
  @TempDir Path dir;
  private Path path;
  private byte[] original;

  @BeforeEach
  void createSmallVault() throws Exception {
    path = dir.resolve("small.vault");
    try (Vault vault = TestVaults.create(path)) {
      TestVaults.add(vault, GITHUB, "acme");
    }
    original = Files.readAllBytes(path);
  }

  private int variant;

  /** Opens the bytes as a vault; each variant gets a new file (rewriting one file in place makes ext4 flush). */
  private Throwable openWith(byte[] bytes) throws Exception {
    Path damaged = dir.resolve("variant-" + variant++ + ".vault");
    Files.write(damaged, bytes);
    return catchThrowable(() -> Vault.open(damaged, "maria", pw("correct horse battery staple"),
        TestVaults.fast()).close());
  }

  @Test
  void open_everySingleByteFlipped_corruptionNeverGarbage() throws Exception {
    for (int i = 0; i < original.length; i++) {
      for (int mask : new int[] {0x01, 0xFF}) {
        byte[] damaged = original.clone();
        damaged[i] ^= (byte) mask;
        Throwable thrown = openWith(damaged);
        assertThat(thrown).as("byte %d ^ %02x of %d", i, mask, original.length)
            .isInstanceOf(VaultCorruptedException.class);
        if (i >= VaultFile.MAGIC.length) {
          assertThat(thrown).isNotInstanceOf(NotAVaultFileException.class);
        }
      }
    }
  }

  @Test
  void open_truncatedAtEveryLength_corruption() throws Exception {
    for (int length = 0; length < original.length; length++) {
      Throwable thrown = openWith(Arrays.copyOf(original, length));
      assertThat(thrown).as("truncated to %d of %d", length, original.length)
          .isInstanceOf(VaultCorruptedException.class).isNotInstanceOf(NotAVaultFileException.class);
    }
  }

  @Test
  void open_bytesAppended_corruption() throws Exception {
    for (int extra : new int[] {1, 2, 31, 32, 33, 1000}) {
      byte[] longer = Arrays.copyOf(original, original.length + extra);
      assertThat(openWith(longer)).as("%d bytes appended", extra).isInstanceOf(VaultCorruptedException.class)
          .hasMessageContaining("checksum");
    }
    // Appending a copy of the real checksum still fails: the checksum covers the position of the end.
    byte[] doubled = Arrays.copyOf(original, original.length + 32);
    System.arraycopy(original, original.length - 32, doubled, original.length, 32);
    assertThat(openWith(doubled)).isInstanceOf(VaultCorruptedException.class);
  }

  @Test
  void open_notAVault_saysSo() throws Exception {
    Files.writeString(path, "{\"version\":1}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(NotAVaultFileException.class)
        .hasMessageContaining("not a totpkit vault file");
  }

  @Test
  void open_newerVersionWithValidChecksum_asksToUpgrade() throws Exception {
    byte[] newer = original.clone();
    newer[9] = (byte) (VaultFile.VERSION + 1);
    rechecksum(newer);
    assertThat(openWith(newer)).isInstanceOf(UnsupportedVaultVersionException.class)
        .hasMessageContaining("upgrade totpkit");
  }

  /** A forger who recomputes the unkeyed checksum still cannot change authenticated bytes unnoticed. */
  @Test
  void open_bodyAlteredChecksumRecomputed_tamperedNotWrongPassphrase() throws Exception {
    byte[] forged = original.clone();
    forged[forged.length - 32 - 20] ^= 1;   // inside the body ciphertext
    rechecksum(forged);
    assertThat(openWith(forged)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("fails authentication");

    byte[] headerForged = original.clone();
    headerForged[VaultFile.PREFIX_LENGTH + 16 + 3] ^= 1;   // generation: header bytes are the body's associated data
    rechecksum(headerForged);
    assertThat(openWith(headerForged)).isInstanceOf(VaultTamperedException.class);

    byte[] commitmentForged = original.clone();
    commitmentForged[VaultFile.PREFIX_LENGTH + 16 + 16] ^= 1;
    rechecksum(commitmentForged);
    assertThat(openWith(commitmentForged)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("commitment");

    // The same file with its right checksum and a wrong passphrase is a wrong passphrase.
    assertThatThrownBy(() -> Vault.open(path, "maria", pw("not it"), TestVaults.fast()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void open_wrappedDataKeyAlteredChecksumRecomputed_tampered() throws Exception {
    VaultFile file = VaultFile.parse(original);
    Slot slot = file.slots.get(0);
    int at = indexOf(original, slot.wrapped);
    byte[] forged = original.clone();
    forged[at + 15] ^= 1;
    rechecksum(forged);
    assertThat(openWith(forged)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("slot");
  }

  @Test
  void open_hostileKdfParameters_refusedBeforeDerivation() throws Exception {
    VaultFile file = VaultFile.parse(original);
    int at = indexOf(original, file.slots.get(0).publicKey) + 32;   // u32 memory follows the public key
    byte[] hostile = original.clone();
    hostile[at] = 0x01;   // 16 GiB
    rechecksum(hostile);
    long start = System.nanoTime();
    assertThat(openWith(hostile)).isInstanceOf(VaultCorruptedException.class)
        .hasMessageContaining("KDF parameters are refused");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void open_emptyFile_corruption() throws Exception {
    assertThat(openWith(new byte[0])).isInstanceOf(VaultCorruptedException.class).hasMessageContaining("empty");
  }

  static void rechecksum(byte[] file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(file, 0, file.length - 32);
    digest.digest(file, file.length - 32, 32);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
