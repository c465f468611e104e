package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault file's frame (FORMAT.md, "file"): lengths written big-endian, and not one byte more or less read. */
class VaultFileTest {
  @TempDir Path dir;

  private VaultFile real() throws Exception {
    Path path = dir.resolve("v");
    TestVaults.create(path).close();
    return VaultFile.parse(Files.readAllBytes(path));
  }

  /** {@code before} then {@code after}, with a correct checksum. */
  private static byte[] frame(byte[] before, byte[] after) throws Exception {
    return Forge.withChecksum(new ByteWriter(before.length + after.length).bytes(before).bytes(after).toByteArray());
  }

  /** The bytes between the header and the checksum: the sealed parts and the sections. */
  private static byte[] parts(VaultFile file) {
    return Arrays.copyOfRange(file.file, file.headerEnd, file.file.length - VaultFile.CHECKSUM_LENGTH);
  }

  @Test
  void write_partOver64KiB_parsesBackWithEveryField() throws Exception {
    VaultFile template = real();
    byte[] big = new byte[70_000];
    Arrays.fill(big, (byte) 7);
    byte[] bytes = VaultFile.write(template.vaultId, 42, 1234, template.commitment, template.slots, 0,
        (header, out) -> {
          out.bytes(new byte[Section.SALT_LENGTH]).longBytes(big);
          out.bytes(new byte[Section.SALT_LENGTH]).longBytes(new byte[Aead.OVERHEAD]);
          out.u32(0);
        });
    VaultFile file = VaultFile.parse(bytes);
    assertThat(file.vaultId).isEqualTo(template.vaultId);
    assertThat(file.generation).isEqualTo(42);
    assertThat(file.savedAtMillis).isEqualTo(1234);
    assertThat(file.parts[1] - file.parts[0]).isEqualTo(Section.SALT_LENGTH + 4 + 70_000);
    assertThat(file.sections).isEmpty();
    assertThat(file.slots).hasSameSizeAs(template.slots);
  }

  @Test
  void parse_aByteMoreInTheHeaderOrAfterTheSections_corrupt() throws Exception {
    VaultFile file = real();
    byte[] prefix = Arrays.copyOf(file.file, file.headerEnd);
    assertThat(VaultFile.parse(frame(prefix, parts(file))).sections).hasSameSizeAs(file.sections);

    byte[] longerHeader = Arrays.copyOf(prefix, prefix.length + 1);
    int headerLength = prefix.length - VaultFile.PREFIX_LENGTH + 1;
    for (int i = 0; i < 4; i++) {
      longerHeader[VaultFile.PREFIX_LENGTH - 4 + i] = (byte) (headerLength >>> (24 - 8 * i));
    }
    assertThatThrownBy(() -> VaultFile.parse(frame(longerHeader, parts(file))))
        .isInstanceOf(VaultCorruptedException.class).hasMessageContaining("vault header")
        .hasMessageContaining("1 unexpected bytes");
    byte[] partsAndOne = Arrays.copyOf(parts(file), parts(file).length + 1);
    assertThatThrownBy(() -> VaultFile.parse(frame(prefix, partsAndOne)))
        .isInstanceOf(VaultCorruptedException.class).hasMessageContaining("1 unexpected bytes");
  }

  @Test
  void parse_sectionShorterThanNonceAndTag_corruptAtExactlyThatLength() throws Exception {
    VaultFile file = real();
    byte[] head = Arrays.copyOf(file.file, file.parts[2]);
    ByteWriter section = new ByteWriter(256).u32(1).u16(1).bytes(new byte[Section.REF_LENGTH
        + Section.WRAPPED_LENGTH]).bytes(new byte[Section.SALT_LENGTH]);
    byte[] exact = section.toByteArray();
    byte[] fits = new ByteWriter(512).bytes(exact).u32(Aead.OVERHEAD).bytes(new byte[Aead.OVERHEAD]).toByteArray();
    assertThat(VaultFile.parse(frame(head, fits)).sections).hasSize(1);
    byte[] short1 = new ByteWriter(512).bytes(exact).u32(Aead.OVERHEAD - 1).bytes(new byte[Aead.OVERHEAD - 1])
        .toByteArray();
    assertThatThrownBy(() -> VaultFile.parse(frame(head, short1)))
        .isInstanceOf(VaultCorruptedException.class).hasMessageContaining("shorter than its nonce and tag");
  }

  @Test
  void parse_shortestFrame_truncatedOnlyBelowIt() {
    int shortest = VaultFile.PREFIX_LENGTH + 4 + VaultFile.CHECKSUM_LENGTH;
    byte[] tooShort = Arrays.copyOf(VaultFile.MAGIC, shortest - 1);
    assertThatThrownBy(() -> VaultFile.parse(tooShort)).isInstanceOf(VaultCorruptedException.class)
        .hasMessageContaining("truncated");
    byte[] justLongEnough = Arrays.copyOf(VaultFile.MAGIC, shortest);
    assertThatThrownBy(() -> VaultFile.parse(justLongEnough)).isInstanceOf(VaultCorruptedException.class)
        .hasMessageContaining("checksum");
  }
}
