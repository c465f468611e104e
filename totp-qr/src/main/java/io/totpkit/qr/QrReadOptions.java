package io.totpkit.qr;

import java.util.Locale;

/**
 * Limits that protect a reader from hostile pictures: the most pixels an image may declare and the most bytes read
 * from a stream or file. Both are checked before any pixel is decoded, so a small file that declares a huge image (a
 * decompression bomb) is refused without allocating its pixels.
 *
 * <pre>{@code
 * QrReadOptions options = QrReadOptions.builder().maxPixels(20_000_000).build();
 * List<OtpAuthUri> found = QrCodes.read(path, options);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class QrReadOptions {
  /** The default pixel limit: 50 megapixels, twice a 48-megapixel phone photo and far above any screenshot. */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
  /** The default byte limit for files and streams: 64 MiB. */
  public static final long DEFAULT_MAX_BYTES = 64L << 20;
  /** The highest pixel limit a caller may set: the luminance copy of the image must fit one Java array. */
  public static final long MAX_PIXELS_LIMIT = Integer.MAX_VALUE - 8L;
  /** The highest byte limit a caller may set: the bytes of a stream are held in one Java array. */
  public static final long MAX_BYTES_LIMIT = Integer.MAX_VALUE - 8L;

  private static final QrReadOptions DEFAULTS = new QrReadOptions(DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES);

  private final long maxPixels;
  private final long maxBytes;

  private QrReadOptions(long maxPixels, long maxBytes) {
    this.maxPixels = maxPixels;
    this.maxBytes = maxBytes;
  }

  /**
   * Returns the defaults: {@value #DEFAULT_MAX_PIXELS} pixels and {@value #DEFAULT_MAX_BYTES} bytes.
   *
   * @return the default options
   */
  public static QrReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the most pixels (width × height) an image may declare.
   *
   * @return the pixel limit
   */
  public long maxPixels() {
    return maxPixels;
  }

  /**
   * Returns the most bytes read from a file or stream.
   *
   * @return the byte limit
   */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QrReadOptions
        && ((QrReadOptions) other).maxPixels == maxPixels
        && ((QrReadOptions) other).maxBytes == maxBytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(maxPixels) * 31 + Long.hashCode(maxBytes);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "QrReadOptions[maxPixels=%d, maxBytes=%d]", maxPixels, maxBytes);
  }

  /**
   * Builds {@link QrReadOptions}; each setter checks its argument.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private long maxPixels = DEFAULT_MAX_PIXELS;
    private long maxBytes = DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * Sets the most pixels (width × height) an image may declare; larger images are refused with
     * {@link QrCodeException.Reason#IMAGE_TOO_LARGE} before their pixels are decoded.
     *
     * @param maxPixels from 1 to {@value QrReadOptions#MAX_PIXELS_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxPixels(long maxPixels) {
      if (maxPixels < 1 || maxPixels > MAX_PIXELS_LIMIT) {
        throw new IllegalArgumentException("maxPixels must be between 1 and " + MAX_PIXELS_LIMIT + ", was "
            + maxPixels);
      }
      this.maxPixels = maxPixels;
      return this;
    }

    /**
     * Sets the most bytes read from a file or stream; longer input is refused with
     * {@link QrCodeException.Reason#IMAGE_TOO_LARGE}. A {@code byte[]} is already in memory and is not checked.
     *
     * @param maxBytes from 1 to {@value QrReadOptions#MAX_BYTES_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < 1 || maxBytes > MAX_BYTES_LIMIT) {
        throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_BYTES_LIMIT + ", was "
            + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public QrReadOptions build() {
      return new QrReadOptions(maxPixels, maxBytes);
    }
  }
}
