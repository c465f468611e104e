package io.totpkit.qr;

import io.totpkit.core.OtpException;
import java.util.Objects;

/**
 * Thrown when a picture does not yield an authenticator code; {@link #reason()} tells the caller which of the few
 * things went wrong, so that it can answer the person who sent the picture.
 *
 * <p>Messages are written for that person ("no QR code found; send a screenshot that shows the whole code"). They
 * never contain the QR code's text or a secret: a code that is not an authenticator code is described by its scheme
 * alone ({@code https}), and a malformed authenticator code by the secret-free message of totp-core's exception,
 * which is kept as the cause.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class QrCodeException extends OtpException {
  private static final long serialVersionUID = 1L;

  /**
   * Why a picture yielded no authenticator code.
   *
   * <p>Thread-safety: immutable.
   */
  public enum Reason {
    /** The bytes are not an image totpkit can read: not an image, truncated, damaged, or an unsupported format. */
    UNREADABLE_IMAGE,
    /** The image is larger than the configured pixel or byte limit; it was refused before its pixels were decoded. */
    IMAGE_TOO_LARGE,
    /** The image was read but no QR code could be found in it. */
    NO_QR_CODE,
    /**
     * QR codes were found, but none holds an {@code otpauth://}, {@code steam://} or {@code otpauth-migration://}
     * text.
     */
    NOT_AUTHENTICATOR_CODE,
    /** An authenticator QR code was found, but its text is not a usable key; the cause is totp-core's exception. */
    INVALID_AUTHENTICATOR_CODE
  }

  /** Why the picture yielded no authenticator code. */
  private final Reason reason;

  QrCodeException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  QrCodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Returns why the picture yielded no authenticator code.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
