package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An entry's body encoding is read back only when every field is inside its documented range (FORMAT.md). */
class StoredEntryTest {
  private static final UUID ID = UUID.fromString("3b8d5f5e-6a0c-4d7e-9a51-0c8d3f1b2a01");

  /**
   * Writes an entry's body encoding field by field (FORMAT.md, "entry"), so that values no VaultEntry can hold (5
   * digits without Steam, a zero period) can be written at all.
   */
  private static byte[] encoded(OtpType type, boolean steam, int algorithm, int digits, long period, long counter,
      int sealedLength) {
    ByteWriter out = new ByteWriter(160);
    out.uuid(ID).u8(type == OtpType.TOTP ? 0 : 1).u8(steam ? 1 : 0).nullableString("Acme").nullableString(null)
        .string("ops").u8(algorithm).u8(digits).u64(period).u64(counter);
    out.u16(1).string("image").string("x");
    out.u16(1).string("t");
    out.u64(1).u64(2).shortBytes(new byte[sealedLength]);
    return out.toByteArray();
  }

  @ParameterizedTest
  @CsvSource({
      // type, steam, algorithm, digits, period, counter, sealed length, accepted
      "TOTP, false, 0, 6, 30, 0, 29, true",
      "TOTP, false, 2, 10, 1, 0, 1024, true",
      "TOTP, false, 0, 6, 4294967296, 0, 29, true",
      "TOTP, true, 0, 5, 30, 0, 29, true",
      "HOTP, false, 0, 6, 0, 0, 29, true",
      "HOTP, false, 0, 8, 0, 9223372036854775807, 29, true",
      "TOTP, false, 3, 6, 30, 0, 29, false",
      "TOTP, false, 0, 5, 30, 0, 29, false",
      "TOTP, false, 0, 11, 30, 0, 29, false",
      "TOTP, false, 0, 6, 0, 0, 29, false",
      "TOTP, false, 0, 6, 4294967297, 0, 29, false",
      "TOTP, true, 0, 6, 30, 0, 29, false",
      "HOTP, true, 0, 5, 0, 0, 29, false",
      "HOTP, false, 0, 6, 0, -1, 29, false",
      "TOTP, false, 0, 6, 30, 0, 28, false",
      "TOTP, false, 0, 6, 30, 0, 1025, false",
  })
  void read_fieldsAtAndJustPastTheirLimits(OtpType type, boolean steam, int algorithm, int digits, long period,
      long counter, int sealedLength, boolean accepted) {
    byte[] bytes = encoded(type, steam, algorithm, digits, period, counter, sealedLength);
    ByteReader in = new ByteReader(bytes, "body");
    if (accepted) {
      StoredEntry read = StoredEntry.read(in);
      in.expectEnd();
      assertThat(read.encoded()).isEqualTo(bytes);
      assertThat(read.sealedSecret).hasSize(sealedLength);
      VaultEntry e = read.entry;
      assertThat(e.id()).isEqualTo(ID);
      assertThat(e.parameters().digits()).isEqualTo(digits);
      assertThat(e.rawCounter()).isEqualTo(type == OtpType.HOTP ? counter : 0);
      assertThat(e.otherParameters()).containsEntry("image", "x");
      assertThat(e.tags()).containsExactly("t");
      assertThat(e.createdAt()).isEqualTo(Instant.ofEpochMilli(1));
      assertThat(e.updatedAt()).isEqualTo(Instant.ofEpochMilli(2));
    } else {
      assertThatThrownBy(() -> StoredEntry.read(in)).isInstanceOf(VaultCorruptedException.class);
    }
  }
}
