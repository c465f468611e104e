package io.totpkit.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 3986 §2.1) of UTF-8 text, for {@code otpauth://} labels and query values.
 *
 * <p>Decoding is lenient about what authenticator QR codes carry in practice (raw spaces and raw non-ASCII
 * characters pass through) and strict about what cannot be read (a {@code %} without two hex digits, bytes that are
 * not UTF-8, unpaired surrogates). Errors give the position in the URI and the part, never the decoded text.
 */
final class PercentCodec {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentCodec() {}

  /**
   * Returns {@code text}, refusing an unpaired surrogate: {@link #encode} writes UTF-8, which would turn it into
   * {@code '?'}, and the text would not read back the same.
   *
   * @param what the text's name, for the message ("issuer", "parameter value")
   * @throws IllegalArgumentException if {@code text} has an unpaired surrogate
   */
  static String requireEncodable(String text, String what) {
    int surrogate = text == null ? -1 : unpairedSurrogate(text, 0, text.length());
    if (surrogate >= 0) {
      throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + surrogate
          + ", which is not Unicode text");
    }
    return text;
  }

  /** Returns the index of the first unpaired surrogate in {@code text[from, to)}, or -1: UTF-8 cannot hold one. */
  private static int unpairedSurrogate(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Decodes {@code text[from, to)}; with {@code plusIsSpace} (query values) a {@code +} means a space.
   *
   * @param part what is being decoded, for messages ("the label", "parameter 'issuer'")
   */
  static String decode(String text, int from, int to, boolean plusIsSpace, String part) {
    int surrogate = unpairedSurrogate(text, from, to);
    if (surrogate >= 0) {
      throw new InvalidOtpAuthUriException("bad text in " + part + " at position " + (surrogate + 1)
          + ": an unpaired surrogate, which is not Unicode text");
    }
    boolean plain = true;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      plain &= c != '%' && !(plusIsSpace && c == '+');
    }
    if (plain) {
      return text.substring(from, to);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 2 < to ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
        if (low < 0 || !isAsciiHex(text.charAt(i + 1)) || !isAsciiHex(text.charAt(i + 2))) {
          throw new InvalidOtpAuthUriException("bad percent-encoding in " + part + " at position " + (i + 1)
              + ": '%' must be followed by two hexadecimal digits");
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (plusIsSpace && c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidOtpAuthUriException("bad percent-encoding in " + part + ": the bytes are not UTF-8 text");
    }
  }

  /** Encodes {@code text} as UTF-8, leaving RFC 3986 unreserved characters and {@code @} as they are. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >>> 4]).append(HEX[c & 15]);
      }
    }
    return out.toString();
  }

  private static boolean isAsciiHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
