package io.totpkit.qr;

import java.util.Arrays;

/**
 * Turns a fuzzer's bytes into a small grey picture, for the fuzz tests that drive the decoding ladder's parts
 * directly: byte 0 is the width less one (1 to 256 pixels), the bytes after it the pixels row after row (0 black, 255
 * white); the height is however many whole rows follow, at most 256, and bytes beyond them are ignored. Seeds in this
 * layout end in {@code .grey}; {@link #encode} writes one from a rendered picture.
 */
final class FuzzedGrey {
  /** The largest side: 256 × 256 pixels keep one input to milliseconds even when every rung runs. */
  static final int MAX_SIDE = 256;

  private FuzzedGrey() {}

  /**
   * The picture in {@code data} from index {@code from} on.
   *
   * @return the picture, or {@code null} when the bytes hold less than one row
   */
  static Luminance decode(byte[] data, int from) {
    if (data.length <= from) {
      return null;
    }
    int width = (data[from] & 0xff) + 1;
    int height = Math.min(MAX_SIDE, (data.length - from - 1) / width);
    if (height == 0) {
      return null;
    }
    return new Luminance(Arrays.copyOfRange(data, from + 1, from + 1 + width * height), width, height);
  }

  /** The bytes {@link #decode} reads back as {@code image} (at most {@value #MAX_SIDE} pixels a side). */
  static byte[] encode(Luminance image) {
    if (image.width > MAX_SIDE || image.height > MAX_SIDE) {
      throw new IllegalArgumentException("at most " + MAX_SIDE + " pixels a side, was " + image.width + "×"
          + image.height);
    }
    byte[] data = new byte[1 + image.pixels.length];
    data[0] = (byte) (image.width - 1);
    System.arraycopy(image.pixels, 0, data, 1, image.pixels.length);
    return data;
  }
}
