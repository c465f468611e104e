package io.totpkit.ocr;

import io.totpkit.core.OtpException;
import java.util.Objects;

/**
 * Thrown when a picture yields no printed setup key; {@link #reason()} tells the caller which of the few things went
 * wrong, so that it can answer the person who sent the picture or the operator who installs the server.
 *
 * <p>Messages are written for that person ("no setup key found; send a screenshot that shows the key under the QR
 * code") or, for {@link Reason#OCR_UNAVAILABLE}, for the operator ("install Tesseract: apt-get install libtesseract5
 * tesseract-ocr-eng"). They never contain text read from the picture: a printed key is a secret.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class OcrException extends OtpException {
  private static final long serialVersionUID = 1L;

  /**
   * Why a picture yielded no printed setup key.
   *
   * <p>Thread-safety: immutable.
   */
  public enum Reason {
    /**
     * Tesseract cannot run here: the library {@code libtesseract.so.5} or its English data {@code eng.traineddata}
     * is not installed, or does not load. The message says what to install.
     */
    OCR_UNAVAILABLE,
    /** The bytes are not an image totpkit can read: not an image, truncated, damaged, or an unsupported format. */
    UNREADABLE_IMAGE,
    /** The image is larger than the configured pixel or byte limit; it was refused before its pixels were decoded. */
    IMAGE_TOO_LARGE,
    /** The image was read, but no line in it looks like a setup key printed in Base32. */
    NO_KEY_FOUND
  }

  /** Why the picture yielded no printed setup key. */
  private final Reason reason;

  OcrException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  OcrException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the picture yielded no printed setup key.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
