package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

  /** {@code prefix} (magic, version, header), a u32 body length, the body, then a correct checksum. */
  private static byte[] frame(byte[] prefix, int declaredBodyLength, byte[] body) throws Exception {
    ByteWriter out = new ByteWriter(prefix.length + body.length + 40);
    out.bytes(prefix).u32(declaredBodyLength).bytes(body);
    byte[] unsummed = out.toByteArray();
    byte[] file = Arrays.copyOf(unsummed, unsummed.length + VaultFile.CHECKSUM_LENGTH);
    byte[] sum = MessageDigest.getInstance("SHA-256").digest(unsummed);
    System.arraycopy(sum, 0, file, unsummed.length, sum.length);
    return file;
  }

  @Test
  void write_bodyOver64KiB_parsesBackWithEveryField() throws Exception {
    VaultFile template = real();
    byte[] dataKey = new byte[32];
    byte[] plaintext = new byte[70_000];
    Arrays.fill(plaintext, (byte) 7);
    byte[] bytes = VaultFile.write(template.vaultId, 42, 1234, dataKey, template.slots, plaintext,
        TestVaults.seeded(1));
    VaultFile file = VaultFile.parse(bytes);
    assertThat(file.vaultId).isEqualTo(template.vaultId);
    assertThat(file.generation).isEqualTo(42);
    assertThat(file.savedAtMillis).isEqualTo(1234);
    assertThat(file.bodyLength).isEqualTo(70_000 + Aead.OVERHEAD);
    assertThat(file.bodyOffset + file.bodyLength + VaultFile.CHECKSUM_LENGTH).isEqualTo(bytes.length);
    assertThat(file.slots).hasSameSizeAs(template.slots);
  }

  @Test
  void parse_aByteMoreInTheHeaderOrAfterTheBody_corrupt() throws Exception {
    VaultFile file = real();
    byte[] prefix = Arrays.copyOf(file.file, file.headerEnd);
    byte[] body = Arrays.copyOfRange(file.file, file.bodyOffset, file.bodyOffset + file.bodyLength);
    assertThat(VaultFile.parse(frame(prefix, body.length, body)).bodyLength).isEqualTo(body.length);

    byte[] longerHeader = Arrays.copyOf(prefix, prefix.length + 1);
    int headerLength = prefix.length - VaultFile.PREFIX_LENGTH + 1;
    for (int i = 0; i < 4; i++) {
      longerHeader[VaultFile.PREFIX_LENGTH - 4 + i] = (byte) (headerLength >>> (24 - 8 * i));
    }
    assertThatThrownBy(() -> VaultFile.parse(frame(longerHeader, body.length, body)))
        .isInstanceOf(VaultCorruptedException.class).hasMessageContaining("vault header")
        .hasMessageContaining("1 unexpected bytes");
    byte[] bodyAndOne = Arrays.copyOf(body, body.length + 1);
    assertThatThrownBy(() -> VaultFile.parse(frame(prefix, body.length, bodyAndOne)))
        .isInstanceOf(VaultCorruptedException.class).hasMessageContaining("1 unexpected bytes");
  }

  @Test
  void parse_bodyShorterThanNonceAndTag_corruptAtExactlyThatLength() throws Exception {
    VaultFile file = real();
    byte[] prefix = Arrays.copyOf(file.file, file.headerEnd);
    assertThat(VaultFile.parse(frame(prefix, Aead.OVERHEAD, new byte[Aead.OVERHEAD])).bodyLength)
        .isEqualTo(Aead.OVERHEAD);
    assertThatThrownBy(() -> VaultFile.parse(frame(prefix, Aead.OVERHEAD - 1, new byte[Aead.OVERHEAD - 1])))
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
