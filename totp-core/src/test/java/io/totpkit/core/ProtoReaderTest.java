package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ProtoReader} and {@link ProtoWriter}: the protocol buffers wire format, as far as exports need it. */
class ProtoReaderTest {
  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** The examples of protobuf.dev "Encoding": field 1 = 150 is 08 96 01; field 2 = "testing" is 12 07 74 65 …. */
  @Test
  void write_protobufEncodingGuideExamples_matchBytes() {
    assertThat(new ProtoWriter().varint(1, 150).toByteArray()).isEqualTo(hex("08 96 01"));
    assertThat(new ProtoWriter().string(2, "testing").toByteArray()).isEqualTo(hex("12 07 74 65 73 74 69 6e 67"));
    assertThat(new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).toByteArray())
        .isEqualTo(hex("1a 03 08 96 01"));
  }

  @Test
  void read_protobufEncodingGuideExamples_readBack() {
    ProtoReader reader = new ProtoReader(hex("08 96 01 12 07 74 65 73 74 69 6e 67"));
    assertThat(reader.readTag()).isEqualTo(1 << 3);
    assertThat(reader.readVarint()).isEqualTo(150);
    assertThat(reader.readTag()).isEqualTo(2 << 3 | 2);
    assertThat(reader.readString()).isEqualTo("testing");
    assertThat(reader.hasMore()).isFalse();
    assertThat(reader.position()).isEqualTo(12);
  }

  /** Varint lengths at each 7-bit boundary; negative numbers always take ten bytes. */
  @ParameterizedTest(name = "[{index}] {0} -> {1} bytes")
  @CsvSource({
    "0, 1", "1, 1", "127, 1", "128, 2", "16383, 2", "16384, 3", "2097151, 3", "2097152, 4", "268435455, 4",
    "268435456, 5", "2147483647, 5", "4294967295, 5", "34359738368, 6", "9223372036854775807, 9",
    "-1, 10", "-2147483648, 10", "-9223372036854775808, 10",
  })
  void varint_boundaries_roundTripWithExpectedLength(long value, int length) {
    byte[] bytes = new ProtoWriter().varint(1, value).toByteArray();
    assertThat(bytes).hasSize(1 + length);
    ProtoReader reader = new ProtoReader(bytes);
    reader.readTag();
    assertThat(reader.readVarint()).isEqualTo(value);
    assertThat(reader.hasMore()).isFalse();
  }

  @Test
  void varint_randomValues_roundTrip() {
    Random random = new Random(0x7a11L);
    for (int i = 0; i < 5_000; i++) {
      long value = random.nextLong() >> random.nextInt(64);
      ProtoReader reader = new ProtoReader(new ProtoWriter().varint(5, value).toByteArray());
      assertThat(reader.readTag()).isEqualTo(5 << 3);
      assertThat(reader.readVarint()).isEqualTo(value);
    }
  }

  /** A non-minimal encoding (0x80 0x00 for zero) is still a number; protobuf readers accept it. */
  @Test
  void readVarint_paddedEncoding_accepted() {
    assertThat(new ProtoReader(hex("80 80 00")).readVarint()).isZero();
    assertThat(new ProtoReader(hex("ff ff ff ff ff ff ff ff ff 01")).readVarint()).isEqualTo(-1);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"80", "ff ff", "80 80 80 80 80 80 80 80 80"})
  void readVarint_cutOff_refusedAtStartOffset(String bytes) {
    assertThatThrownBy(() -> new ProtoReader(hex(bytes)).readVarint())
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessage("the export data is damaged: a number cut off by the end of the data at byte 0");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"ff ff ff ff ff ff ff ff ff 02", "80 80 80 80 80 80 80 80 80 80 01",
      "ff ff ff ff ff ff ff ff ff ff ff ff"})
  void readVarint_longerThan64Bits_refused(String bytes) {
    assertThatThrownBy(() -> new ProtoReader(hex(bytes)).readVarint())
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("longer than 64 bits at byte 0");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"00", "07", "80 00", "80 80 80 80 10", "ff ff ff ff ff ff ff ff ff 01",
      "8a 80 80 80 f0 ff ff ff ff 01"})
  void readTag_fieldZeroOrBeyondInt_refused(String bytes) {
    assertThatThrownBy(() -> new ProtoReader(hex(bytes)).readTag())
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("invalid field number at byte 0");
  }

  @Test
  void readTag_largestAcceptedField_readsBack() {
    int field = Integer.MAX_VALUE >>> 3;
    ProtoReader reader = new ProtoReader(new ProtoWriter().varint(field, 1).toByteArray());
    assertThat(reader.readTag() >>> 3).isEqualTo(field);
  }

  @Test
  void readBytes_lengthBeyondLimit_refused() {
    assertThatThrownBy(() -> new ProtoReader(hex("05 01 02 03")).readBytes())
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("longer than the data that is left at byte 0");
  }

  @Test
  void readMessage_nestedReaderStopsAtItsLimit() {
    byte[] data = new ProtoWriter().message(1, new ProtoWriter().varint(1, 7)).varint(2, 9).toByteArray();
    ProtoReader outer = new ProtoReader(data);
    outer.readTag();
    ProtoReader inner = outer.readMessage();
    assertThat(inner.readTag()).isEqualTo(1 << 3);
    assertThat(inner.readVarint()).isEqualTo(7);
    assertThat(inner.hasMore()).isFalse();
    assertThat(outer.readTag()).isEqualTo(2 << 3);
    assertThat(outer.readVarint()).isEqualTo(9);
  }

  /** A nested message's length must not let its reader run on into the enclosing message's next field. */
  @Test
  void readMessage_innerLengthBeyondItsMessage_refused() {
    // Outer field 1 holds 3 bytes: a bytes field claiming 5 bytes, though the outer message has more after it.
    byte[] data = hex("0a 03 0a 05 01 10 01 18 01");
    ProtoReader outer = new ProtoReader(data);
    outer.readTag();
    ProtoReader inner = outer.readMessage();
    inner.readTag();
    assertThatThrownBy(inner::readBytes)
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("at byte 3");
  }

  @ParameterizedTest(name = "[{index}] wire type {0}")
  @CsvSource({"0, 96 01", "1, 01 02 03 04 05 06 07 08", "2, 03 61 62 63", "5, 01 02 03 04"})
  void skip_supportedWireTypes_advancePastTheField(int wireType, String body) {
    byte[] bytes = hex(body + " 08 2a");
    ProtoReader reader = new ProtoReader(bytes);
    reader.skip(wireType);
    assertThat(reader.readTag()).isEqualTo(1 << 3);
    assertThat(reader.readVarint()).isEqualTo(42);
  }

  @ParameterizedTest(name = "[{index}] wire type {0}")
  @CsvSource({"1, 01 02 03 04 05 06 07", "5, 01 02 03", "2, 04 61 62 63", "0, 80"})
  void skip_cutOff_refused(int wireType, String body) {
    assertThatThrownBy(() -> new ProtoReader(hex(body)).skip(wireType))
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("at byte 0");
  }

  @ParameterizedTest(name = "[{index}] wire type {0}")
  @ValueSource(ints = {3, 4, 6, 7})
  void skip_groupsAndUndefinedWireTypes_refused(int wireType) {
    assertThatThrownBy(() -> new ProtoReader(hex("00 00")).skip(wireType))
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .hasMessageContaining("unsupported wire type " + wireType);
  }

  @Test
  void readString_invalidUtf8_replacedNotThrown() {
    ProtoReader reader = new ProtoReader(hex("02 c3 28"));
    assertThat(reader.readString()).isEqualTo("\ufffd(");
  }

  @Test
  void write_emptyBytesAndSize_consistent() {
    ProtoWriter writer = new ProtoWriter().bytes(1, new byte[0]).string(2, "é");
    assertThat(writer.toByteArray()).isEqualTo(hex("0a 00 12 02 c3 a9"));
    assertThat(writer.size()).isEqualTo(6);
    assertThat(new ProtoReader(writer.toByteArray()).readTag()).isEqualTo(1 << 3 | 2);
    assertThat("é".getBytes(StandardCharsets.UTF_8)).hasSize(2);
  }
}
