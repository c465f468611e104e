package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A growable big-endian byte buffer for the vault's binary formats. {@link #wipe()} zeroes what was written, for
 * buffers that held plaintext.
 *
 * <p>Thread-safety: not thread-safe.
 */
final class ByteWriter {
  private byte[] buffer;
  private int size;

  ByteWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      byte[] bigger = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      Wipe.bytes(buffer);
      buffer = bigger;
    }
  }

  ByteWriter u8(int value) {
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  ByteWriter u16(int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("value " + value + " does not fit 16 bits");
    }
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  ByteWriter u32(long value) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  ByteWriter u64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  ByteWriter bytes(byte[] value) {
    return bytes(value, 0, value.length);
  }

  ByteWriter bytes(byte[] value, int offset, int length) {
    ensure(length);
    System.arraycopy(value, offset, buffer, size, length);
    size += length;
    return this;
  }

  /** Writes a u16 length, then the bytes. */
  ByteWriter shortBytes(byte[] value) {
    return u16(value.length).bytes(value);
  }

  /** Writes a u32 length, then the bytes. */
  ByteWriter longBytes(byte[] value) {
    return u32(value.length).bytes(value);
  }

  /** Writes a u16 length, then UTF-8. */
  ByteWriter string(String value) {
    return shortBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes 0 for {@code null}, else 1 and the string. */
  ByteWriter nullableString(String value) {
    if (value == null) {
      return u8(0);
    }
    return u8(1).string(value);
  }

  ByteWriter uuid(UUID id) {
    return u64(id.getMostSignificantBits()).u64(id.getLeastSignificantBits());
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** What was written, without a copy when the buffer was sized exactly (then this writer must not be used again). */
  byte[] exact() {
    return size == buffer.length ? buffer : toByteArray();
  }

  /** Feeds what was written to {@code digest}. */
  void digest(java.security.MessageDigest digest) {
    digest.update(buffer, 0, size);
  }

  /** Overwrites the buffer with zeros. */
  void wipe() {
    Wipe.bytes(buffer);
    size = 0;
  }
}
