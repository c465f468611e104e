package io.totpkit.vault;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A bounds-checked big-endian reader over a byte range; every overrun or malformed value is a
 * {@link VaultCorruptedException} naming {@code what} is being read, never an index exception.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ByteReader {
  private final byte[] data;
  private final int end;
  private final String what;
  private int position;
  private java.nio.charset.CharsetDecoder decoder;

  ByteReader(byte[] data, int offset, int length, String what) {
    this.data = data;
    this.position = offset;
    this.end = offset + length;
    this.what = what;
  }

  ByteReader(byte[] data, String what) {
    this(data, 0, data.length, what);
  }

  byte[] data() {
    return data;
  }

  int position() {
    return position;
  }

  int remaining() {
    return end - position;
  }

  private void need(int count, String field) {
    if (count < 0 || end - position < count) {
      throw corrupt(field + " runs past the end");
    }
  }

  VaultCorruptedException corrupt(String problem) {
    return new VaultCorruptedException("the " + what + " is malformed: " + problem + " (at byte " + position + ")");
  }

  int u8(String field) {
    need(1, field);
    return data[position++] & 0xFF;
  }

  int u16(String field) {
    need(2, field);
    int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
    position += 2;
    return value;
  }

  long u32(String field) {
    need(4, field);
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (data[position++] & 0xFF);
    }
    return value;
  }

  /** Reads a u32 that must fit an array length, at most {@code max}. */
  int length(String field, int max) {
    long value = u32(field);
    if (value > max) {
      throw corrupt(field + " is " + value + ", more than " + max);
    }
    return (int) value;
  }

  long u64(String field) {
    need(8, field);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (data[position++] & 0xFF);
    }
    return value;
  }

  byte[] bytes(int count, String field) {
    need(count, field);
    byte[] out = Arrays.copyOfRange(data, position, position + count);
    position += count;
    return out;
  }

  byte[] shortBytes(String field) {
    return bytes(u16(field + " length"), field);
  }

  byte[] longBytes(String field, int max) {
    return bytes(length(field + " length", max), field);
  }

  String string(String field) {
    int length = u16(field + " length");
    need(length, field);
    if (decoder == null) {
      // One strict decoder per reader: a body of 100 000 entries holds half a million strings.
      decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    try {
      String value = decoder.reset().decode(ByteBuffer.wrap(data, position, length)).toString();
      position += length;
      return value;
    } catch (CharacterCodingException e) {
      throw corrupt(field + " is not valid UTF-8");
    }
  }

  String nullableString(String field) {
    int present = u8(field + " marker");
    if (present == 0) {
      return null;
    }
    if (present != 1) {
      throw corrupt(field + " marker is " + present);
    }
    return string(field);
  }

  UUID uuid(String field) {
    return new UUID(u64(field), u64(field));
  }

  void expectEnd() {
    if (position != end) {
      throw corrupt((end - position) + " unexpected bytes after the last field");
    }
  }
}
