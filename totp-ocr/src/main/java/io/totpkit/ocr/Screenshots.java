package io.totpkit.ocr;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrReadOptions;
import io.totpkit.qr.QrScan;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a screenshot or photo of a setup screen the way an agency needs it read: the QR code through totp-qr's whole
 * decoding ladder; when no code can be read, the setup key printed under it, by OCR; and when both are there, the
 * printed key as a check on the code. The one place that rule is written: the {@code totp} tool and the code server
 * both come here.
 *
 * <pre>{@code
 * ScreenshotReading reading = Screenshots.read(Path.of("client.png"));
 * System.out.println(reading.describe());   // "QR code; the printed key agrees"
 * if (reading.crossCheck() == ScreenshotReading.CrossCheck.DIFFERS) { ... have a person look ... }
 * }</pre>
 *
 * <p>Without Tesseract ({@link PrintedKeys#isAvailable()} is {@code false}) this is {@link QrCodes#scan}: the
 * printed key is neither a fallback nor a check. A picture that holds several accounts (a Google Authenticator
 * export) is not compared: its screen prints no key. A comparison costs an OCR pass, a few tenths of a second.
 *
 * <p>Thread-safety: all methods are safe to call from any number of threads.
 */
public final class Screenshots {
  private Screenshots() {}

  /**
   * Reads a picture file with the default limits.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @return the reading
   * @throws QrCodeException if the file cannot be read, or neither a QR code nor a printed key is found in it: the
   *     QR code's error, whose message says what to send instead
   * @throws OcrException if the QR code cannot be read and Tesseract fails in a way other than finding no key
   */
  public static ScreenshotReading read(Path file) {
    return read(file, QrReadOptions.defaults());
  }

  /**
   * Reads a picture file.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the reading
   * @throws QrCodeException if the file cannot be read, or neither a QR code nor a printed key is found in it
   * @throws OcrException if the QR code cannot be read and Tesseract fails in a way other than finding no key
   */
  public static ScreenshotReading read(Path file, QrReadOptions options) {
    return read(QrCodes.loadImage(Objects.requireNonNull(file, "file"), options), options);
  }

  /**
   * Reads the bytes of a picture file.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the reading
   * @throws QrCodeException if the bytes are not a picture, or neither a QR code nor a printed key is found in it
   * @throws OcrException if the QR code cannot be read and Tesseract fails in a way other than finding no key
   */
  public static ScreenshotReading read(byte[] image, QrReadOptions options) {
    return read(QrCodes.loadImage(Objects.requireNonNull(image, "image"), options), options);
  }

  /**
   * Reads a picture.
   *
   * @param image the picture
   * @param options the size limits
   * @return the reading
   * @throws QrCodeException if neither a QR code nor a printed key is found in it
   * @throws OcrException if the QR code cannot be read and Tesseract fails in a way other than finding no key
   */
  public static ScreenshotReading read(BufferedImage image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    QrScan scan;
    try {
      scan = QrCodes.scan(image, options);
    } catch (QrCodeException noCode) {
      if (noCode.reason() != QrCodeException.Reason.NO_QR_CODE || !PrintedKeys.isAvailable()) {
        throw noCode;
      }
      PrintedKey printed = printedKey(image);
      if (printed == null) {
        throw noCode;   // its message says what to send instead; the printed key adds nothing to it
      }
      return ScreenshotReading.ofPrintedKey(printed);
    }
    if (scan.accounts().size() != 1 || scan.exportPart().isPresent() || !PrintedKeys.isAvailable()) {
      return ScreenshotReading.ofQr(scan, null, CrossCheck.NOT_CHECKED);
    }
    PrintedKey printed;
    try {
      printed = printedKey(image);
    } catch (OcrException e) {
      return ScreenshotReading.ofQr(scan, null, CrossCheck.NOT_CHECKED);   // the check failed, not the reading
    }
    if (printed == null) {
      return ScreenshotReading.ofQr(scan, null, CrossCheck.NO_PRINTED_KEY);
    }
    return ScreenshotReading.ofQr(scan, printed, compare(scan.accounts().get(0), printed));
  }

  /** How the printed key compares with the QR code's. */
  static CrossCheck compare(OtpAuthUri fromQr, PrintedKey printed) {
    if (printed.matches(fromQr.secret())) {
      return CrossCheck.AGREES;
    }
    return printed.certain() ? CrossCheck.DIFFERS : CrossCheck.UNCONFIRMED;
  }

  /** The printed key, or {@code null} when the picture shows none; other OCR failures propagate. */
  private static PrintedKey printedKey(BufferedImage image) {
    try {
      return PrintedKeys.read(image);
    } catch (OcrException e) {
      if (e.reason() == OcrException.Reason.NO_KEY_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
