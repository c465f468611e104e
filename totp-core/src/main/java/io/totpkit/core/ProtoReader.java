package io.totpkit.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the protocol buffers wire format, just enough of it for Google Authenticator exports: varints, length-
 * delimited fields, and skipping the other wire types. Every read is bounds-checked against the enclosing message,
 * and every failure is an {@link InvalidMigrationPayloadException} naming the byte offset.
 */
final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] data;
  private int position;
  private final int limit;

  ProtoReader(byte[] data) {
    this(data, 0, data.length);
  }

  private ProtoReader(byte[] data, int position, int limit) {
    this.data = data;
    this.position = position;
    this.limit = limit;
  }

  boolean hasMore() {
    return position < limit;
  }

  /** Reads a field's tag; returns it whole (field number shifted left by 3, or-ed with the wire type). */
  int readTag() {
    int at = position;
    long tag = readVarint();
    // A tag is a uint32: a negative (10-byte) varint must not be cut down to its low bits and read as a field.
    if (tag < 8 || tag > Integer.MAX_VALUE) {
      throw error("an invalid field number", at);
    }
    return (int) tag;
  }

  long readVarint() {
    int at = position;
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= limit) {
        throw error("a number cut off by the end of the data", at);
      }
      byte b = data[position++];
      if (shift == 63 && (b & 0xfe) != 0) {
        throw error("a number longer than 64 bits", at);
      }
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw error("a number longer than 64 bits", at);
  }

  /** Reads a length-delimited field's bytes into a new array. */
  byte[] readBytes() {
    int start = lengthDelimitedStart();
    return Arrays.copyOfRange(data, start, position);
  }

  String readString() {
    int start = lengthDelimitedStart();
    return new String(data, start, position - start, StandardCharsets.UTF_8);
  }

  /** Reads a length-delimited field as a nested message, sharing this reader's array. */
  ProtoReader readMessage() {
    int start = lengthDelimitedStart();
    return new ProtoReader(data, start, position);
  }

  void skip(int wireType) {
    int at = position;
    switch (wireType) {
      case VARINT:
        readVarint();
        break;
      case FIXED64:
        advance(8, at);
        break;
      case LENGTH_DELIMITED:
        lengthDelimitedStart();
        break;
      case FIXED32:
        advance(4, at);
        break;
      default:
        throw error("unsupported wire type " + wireType, at);
    }
  }

  /** Reads a length prefix, checks it against the data left, advances past the field, returns where it starts. */
  private int lengthDelimitedStart() {
    int at = position;
    long length = readVarint();
    if (length < 0 || length > limit - position) {
      throw error("a field longer than the data that is left", at);
    }
    int start = position;
    position += (int) length;
    return start;
  }

  private void advance(int bytes, int at) {
    if (bytes > limit - position) {
      throw error("a field cut off by the end of the data", at);
    }
    position += bytes;
  }

  int position() {
    return position;
  }

  static InvalidMigrationPayloadException error(String what, int offset) {
    return new InvalidMigrationPayloadException("the export data is damaged: " + what + " at byte " + offset);
  }
}
