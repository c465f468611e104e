package io.totpkit.qr;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How {@link QrCodes} draws a QR code: the size of a module or of the whole image, the quiet zone around the code, the
 * error-correction level, and whether terminal output sets its own colours.
 *
 * <pre>{@code
 * QrOptions big = QrOptions.builder().size(400).errorCorrection(QrOptions.ErrorCorrection.Q).build();
 * byte[] png = QrCodes.png(uri, big);
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class QrOptions {
  /** The default module size in pixels. */
  public static final int DEFAULT_MODULE_SIZE = 8;
  /** The default quiet zone: four modules, as ISO/IEC 18004 requires. */
  public static final int DEFAULT_MARGIN = 4;
  /** The largest module size in pixels. */
  public static final int MAX_MODULE_SIZE = 64;
  /** The smallest image size: a version 1 code without a quiet zone is 21 modules wide. */
  public static final int MIN_SIZE = 21;
  /** The largest image width and height in pixels, for {@link #size()} and for the image a module size gives. */
  public static final int MAX_SIZE = 8192;
  /** The widest quiet zone, in modules. */
  public static final int MAX_MARGIN = 40;

  private static final QrOptions DEFAULTS = new Builder().build();

  /**
   * How much of a damaged code can be recovered, at the cost of a denser code (ISO/IEC 18004 §7.5.1). Enrollment
   * codes shown on a screen need little; {@link #M} is the usual choice.
   *
   * <p>Thread-safety: immutable.
   */
  public enum ErrorCorrection {
    /** About 7% of the codewords can be restored. */
    L,
    /** About 15% of the codewords can be restored; the default. */
    M,
    /** About 25% of the codewords can be restored. */
    Q,
    /** About 30% of the codewords can be restored. */
    H
  }

  private final int moduleSize;
  private final int size;
  private final int margin;
  private final ErrorCorrection errorCorrection;
  private final boolean ansiColors;

  private QrOptions(Builder builder) {
    this.moduleSize = builder.moduleSize;
    this.size = builder.size;
    this.margin = builder.margin;
    this.errorCorrection = builder.errorCorrection;
    this.ansiColors = builder.ansiColors;
  }

  /**
   * Returns the defaults: {@value #DEFAULT_MODULE_SIZE}-pixel modules, a {@value #DEFAULT_MARGIN}-module quiet zone,
   * error correction {@link ErrorCorrection#M}, plain terminal text.
   *
   * @return the default options
   */
  public static QrOptions defaults() {
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
   * Returns the width of one module in pixels, used when no {@link #size()} is set.
   *
   * @return the module size, from 1 to {@value #MAX_MODULE_SIZE}
   */
  public int moduleSize() {
    return moduleSize;
  }

  /**
   * Returns the width and height of the whole image in pixels, if set: the code is then drawn with the largest whole
   * module size that fits, and centred, so that its quiet zone is at least {@link #margin()} modules.
   *
   * @return the image size, or empty when {@link #moduleSize()} decides it
   */
  public OptionalInt size() {
    return size == 0 ? OptionalInt.empty() : OptionalInt.of(size);
  }

  /**
   * Returns the quiet zone around the code, in modules.
   *
   * @return the margin, from 0 to {@value #MAX_MARGIN}
   */
  public int margin() {
    return margin;
  }

  /**
   * Returns the error-correction level.
   *
   * @return the level
   */
  public ErrorCorrection errorCorrection() {
    return errorCorrection;
  }

  /**
   * Returns whether {@link QrCodes#terminal} sets black-on-white colours with ANSI escape sequences, which makes the
   * code right on any terminal theme; without them the code's light parts are drawn in the terminal's foreground
   * colour, right on dark themes and inverted on light ones.
   *
   * @return whether ANSI colours are written
   */
  public boolean ansiColors() {
    return ansiColors;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof QrOptions)) {
      return false;
    }
    QrOptions that = (QrOptions) other;
    return moduleSize == that.moduleSize && size == that.size && margin == that.margin
        && errorCorrection == that.errorCorrection && ansiColors == that.ansiColors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(moduleSize, size, margin, errorCorrection, ansiColors);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "QrOptions[%s, margin=%d, errorCorrection=%s, ansiColors=%b]",
        size == 0 ? "moduleSize=" + moduleSize : "size=" + size, margin, errorCorrection, ansiColors);
  }

  /**
   * Builds {@link QrOptions}; each setter checks its argument.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private int moduleSize = DEFAULT_MODULE_SIZE;
    private int size;
    private int margin = DEFAULT_MARGIN;
    private ErrorCorrection errorCorrection = ErrorCorrection.M;
    private boolean ansiColors;

    private Builder() {}

    /**
     * Sets the width of one module in pixels and clears any {@link #size(int) size}.
     *
     * @param pixels from 1 to {@value QrOptions#MAX_MODULE_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder moduleSize(int pixels) {
      if (pixels < 1 || pixels > MAX_MODULE_SIZE) {
        throw new IllegalArgumentException("moduleSize must be between 1 and " + MAX_MODULE_SIZE + " pixels, was "
            + pixels);
      }
      this.moduleSize = pixels;
      this.size = 0;
      return this;
    }

    /**
     * Sets the width and height of the whole image in pixels; the module size is then the largest that fits.
     *
     * @param pixels from {@value QrOptions#MIN_SIZE} to {@value QrOptions#MAX_SIZE}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder size(int pixels) {
      if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
        throw new IllegalArgumentException("size must be between " + MIN_SIZE + " and " + MAX_SIZE
            + " pixels, was " + pixels);
      }
      this.size = pixels;
      return this;
    }

    /**
     * Sets the quiet zone around the code, in modules. Scanners need about four; less is for codes placed on an
     * already light background.
     *
     * @param modules from 0 to {@value QrOptions#MAX_MARGIN}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder margin(int modules) {
      if (modules < 0 || modules > MAX_MARGIN) {
        throw new IllegalArgumentException("margin must be between 0 and " + MAX_MARGIN + " modules, was "
            + modules);
      }
      this.margin = modules;
      return this;
    }

    /**
     * Sets the error-correction level; the default is {@link ErrorCorrection#M}.
     *
     * @param level the level
     * @return this builder
     */
    public Builder errorCorrection(ErrorCorrection level) {
      this.errorCorrection = Objects.requireNonNull(level, "errorCorrection");
      return this;
    }

    /**
     * Sets whether terminal output sets black-on-white colours with ANSI escapes; the default is plain text.
     *
     * @param ansiColors whether to write colour escapes
     * @return this builder
     */
    public Builder ansiColors(boolean ansiColors) {
      this.ansiColors = ansiColors;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public QrOptions build() {
      return new QrOptions(this);
    }
  }
}
