package io.totpkit.qr;

import io.totpkit.qr.QrCodeException.Reason;

/** Says why no rung read a code and what to send instead. */
final class PictureDiagnosis {
  private PictureDiagnosis() {}

  /**
   * The exception for a picture no rung read.
   *
   * @param working the copy the photo rungs read, or {@code null} when the picture was too small to try
   * @param factor how many original pixels one pixel of {@code working} spans
   * @param seen what the second decoder saw where it saw the most finder patterns
   */
  static QrCodeException nothingRead(Luminance working, int factor, SecondDecoder.Seen seen) {
    return new QrCodeException(Reason.NO_QR_CODE, "no QR code found; send a screenshot that shows the whole code,"
        + " sharp and uncropped");
  }
}
