package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An entry's body encoding is read back only when every field is inside its documented range (FORMAT.md). */
class StoredEntryTest {
  private static final UUID ID = UUID.fromString("3b8d5f5e-6a0c-4d7e-9a51-0c8d3f1b2a01");

  private static byte[] encoded(OtpType type, boolean steam, int algorithm, int digits, long period, long counter,
      int sealedLength) {
    VaultEntry entry = new VaultEntry(ID, type, "Acme", null, "ops", HmacAlgorithm.values()[Math.min(algorithm,
        HmacAlgorithm.values().length - 1)], digits, steam, period, counter, Map.of("image", "x"), List.of("t"),
        Instant.ofEpochMilli(1), Instant.ofEpochMilli(2));
    byte[] bytes = new StoredEntry(entry, new byte[sealedLength]).encoded().clone();
    if (algorithm >= HmacAlgorithm.values().length) {
      bytes[16 + 2 + 7 + 1 + 2 + 3] = (byte) algorithm;   // id, type, steam, "Acme", null issuer, "ops"
    }
    return bytes;
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
      assertThat(e.digits()).isEqualTo(digits);
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
