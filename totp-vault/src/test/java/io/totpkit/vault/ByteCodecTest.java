package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The vault format's byte writer and reader: big-endian fields, growth, bounds kept inside a slice of an array. */
class ByteCodecTest {
  @Test
  void writeThenRead_everyFieldKind_roundTripsThroughGrowth() {
    ByteWriter out = new ByteWriter(0);   // 16 bytes to start: every field below makes it grow
    UUID id = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    out.u8(0xAB).u16(0xFEDC).u32(0xF1E2D3C4L).u64(0x8877665544332211L).uuid(id).string("żółw").nullableString(null)
        .nullableString("x").shortBytes(new byte[300]).longBytes(new byte[] {7, 8});
    byte[] bytes = out.toByteArray();
    assertThat(out.size()).isEqualTo(bytes.length).isEqualTo(1 + 2 + 4 + 8 + 16 + 2 + 7 + 1 + 4 + 2 + 300 + 4 + 2);
    assertThat(bytes[1]).isEqualTo((byte) 0xFE);
    assertThat(bytes[2]).isEqualTo((byte) 0xDC);

    ByteReader in = new ByteReader(bytes, "test");
    assertThat(in.u8("a")).isEqualTo(0xAB);
    assertThat(in.u16("b")).isEqualTo(0xFEDC);
    assertThat(in.u32("c")).isEqualTo(0xF1E2D3C4L);
    assertThat(in.u64("d")).isEqualTo(0x8877665544332211L);
    assertThat(in.uuid("e")).isEqualTo(id);
    assertThat(in.string("f")).isEqualTo("żółw");
    assertThat(in.nullableString("g")).isNull();
    assertThat(in.nullableString("h")).isEqualTo("x");
    assertThat(in.shortBytes("i")).hasSize(300).containsOnly(0);
    assertThat(in.remaining()).isEqualTo(6);
    assertThat(in.longBytes("j", 2)).containsExactly(7, 8);
    in.expectEnd();
  }

  @Test
  void u16_outOfRange_refused() {
    assertThat(new ByteWriter(1).u16(0xFFFF).toByteArray()).containsExactly(0xFF, 0xFF);
    assertThatThrownBy(() -> new ByteWriter(1).u16(0x10000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ByteWriter(1).u16(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wipe_zeroesTheBufferAndEveryOutgrownOne() throws Exception {
    ByteWriter out = new ByteWriter(16);
    java.lang.reflect.Field field = ByteWriter.class.getDeclaredField("buffer");
    field.setAccessible(true);
    byte[] first = (byte[]) field.get(out);
    out.bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
    out.u8(1);   // exactly one past the capacity: grows
    byte[] second = (byte[]) field.get(out);
    assertThat(second).isNotSameAs(first).hasSize(32);
    assertThat(first).containsOnly(0);
    out.wipe();
    assertThat(second).containsOnly(0);
    assertThat(out.size()).isZero();
  }

  @Test
  void read_pastTheEndOfItsSlice_corruptEvenWhenTheArrayGoesOn() {
    byte[] data = new byte[64];
    for (int width : new int[] {1, 2, 4, 8}) {
      for (int slice = 0; slice < width; slice++) {
        ByteReader in = new ByteReader(data, 10, slice, "slice");
        assertThatThrownBy(() -> {
          switch (width) {
            case 1: in.u8("f"); break;
            case 2: in.u16("f"); break;
            case 4: in.u32("f"); break;
            default: in.u64("f");
          }
        }).isInstanceOf(VaultCorruptedException.class).hasMessageContaining("f runs past the end")
            .hasMessageContaining("at byte 10");
      }
    }
    byte[] shortString = {0, 5, 'a', 'b', 'c', 'd', 'e'};
    assertThatThrownBy(() -> new ByteReader(shortString, 0, 6, "s").string("name"))
        .isInstanceOf(VaultCorruptedException.class);
    assertThatThrownBy(() -> new ByteReader(shortString, 0, 6, "s").bytes(7, "b"))
        .isInstanceOf(VaultCorruptedException.class);
    assertThat(new ByteReader(shortString, 2, 4, "s").bytes(4, "b")).containsExactly('a', 'b', 'c', 'd');
  }

  @Test
  void length_atAndAboveTheCap() {
    byte[] five = {0, 0, 0, 5};
    assertThat(new ByteReader(five, "l").length("n", 5)).isEqualTo(5);
    assertThatThrownBy(() -> new ByteReader(five, "l").length("n", 4)).isInstanceOf(VaultCorruptedException.class)
        .hasMessageContaining("n is 5, more than 4");
    ByteReader extra = new ByteReader(new byte[] {1, 2, 3}, "e");
    extra.u8("a");
    assertThatThrownBy(extra::expectEnd).hasMessageContaining("2 unexpected bytes");
  }
}
