package io.totpkit.ocr;

import io.totpkit.ocr.OcrException.Reason;
import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrReadOptions;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Reads the setup key printed under the QR code of a setup screen ("Can't scan? Enter this key: JBSW Y3DP EHPK
 * 3PXP"): the entry point of totp-ocr, for pictures whose QR code cannot be read.
 *
 * <pre>{@code
 * PrintedKey key = PrintedKeys.read(Files.readAllBytes(Path.of("screenshot.png")));
 * if (key.certain()) {
 *   Secret secret = Secret.fromBase32(key.candidate());
 * }
 * }</pre>
 *
 * <h2>How</h2>
 * A first OCR pass reads every line of the picture and picks the lines that look like a Base32 key: words of four
 * capitals and digits (or small letters, as Google prints them), or one long run of them, and the lines that
 * continue it when it wraps. Each such line is cut out of the full-resolution picture, enlarged and read again at two
 * sizes with Tesseract restricted to the Base32 alphabet, character by character with confidences and alternatives.
 * {@link PrintedKey} then says which characters are in doubt.
 *
 * <h2>Requirements</h2>
 * The system's Tesseract 4.1 or later with its English model: on Debian and Ubuntu
 * {@code apt-get install libtesseract5 tesseract-ocr-eng}. The model is looked for where {@code TESSDATA_PREFIX}
 * points, then where Debian installs it. Without them every read throws an {@link OcrException} with reason
 * {@link OcrException.Reason#OCR_UNAVAILABLE} that says what to install; {@link #isAvailable()} asks beforehand.
 * A read takes a few tenths of a second for a phone screenshot.
 *
 * <h2>Security</h2>
 * The key read is key material: no message of this module quotes it, and the diagnostics of Tesseract and of
 * Leptonica under it are discarded. OCR can swap a character for another valid one, so a key that is not
 * {@link PrintedKey#certain() certain} must be confirmed (by the person, or by a code the platform accepts) before
 * it is used. Pictures are decoded with the
 * limits of {@link QrReadOptions}, as totp-qr decodes them.
 *
 * <p>Thread-safety: all methods are safe to call from any number of threads.
 */
public final class PrintedKeys {
  /**
   * Pictures wider than this (or taller than four times this) are shrunk for the first pass, which reads every line
   * and whose time grows with the picture; the key is read again at full resolution.
   */
  private static final int FIRST_PASS_WIDTH = 1080;

  private PrintedKeys() {}

  /**
   * Returns whether Tesseract and its English model are installed and load, so that a caller can offer reading a
   * printed key at all. The first call loads the library (a fraction of a second).
   *
   * @return whether {@link #read(BufferedImage)} can run here
   */
  public static boolean isAvailable() {
    try {
      Tesseract.get();
      return true;
    } catch (OcrException e) {
      return false;
    }
  }

  /**
   * Reads the printed key from the bytes of an image file, with the default limits.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @return the key read
   * @throws OcrException if no key is found, the image cannot be read or is too large, or Tesseract is not installed;
   *     {@link OcrException#reason()} says which
   */
  public static PrintedKey read(byte[] image) {
    return read(image, QrReadOptions.defaults());
  }

  /**
   * Reads the printed key from the bytes of an image file.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits, as for {@link QrCodes#read(byte[], QrReadOptions)}
   * @return the key read
   * @throws OcrException if no key is found, the image cannot be read or is too large, or Tesseract is not installed;
   *     {@link OcrException#reason()} says which
   */
  public static PrintedKey read(byte[] image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    Tesseract tesseract = Tesseract.get();   // first: a missing library is the operator's problem, whatever the image
    BufferedImage decoded;
    try {
      decoded = QrCodes.loadImage(image, options);
    } catch (QrCodeException e) {
      Reason reason = e.reason() == QrCodeException.Reason.IMAGE_TOO_LARGE ? Reason.IMAGE_TOO_LARGE
          : Reason.UNREADABLE_IMAGE;
      throw new OcrException(reason, e.getMessage(), e);
    }
    return read(tesseract, decoded);
  }

  /**
   * Reads the printed key from a picture.
   *
   * @param image a screenshot or photo of a setup screen
   * @return the key read
   * @throws OcrException if no key is found, or Tesseract is not installed; {@link OcrException#reason()} says which
   */
  public static PrintedKey read(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    return read(Tesseract.get(), image);
  }

  private static PrintedKey read(Tesseract tesseract, BufferedImage image) {
    KeyReadings readings = readings(tesseract, image);
    if (readings == null) {
      throw new OcrException(Reason.NO_KEY_FOUND, "no setup key found: no line of the picture looks like a key"
          + " printed in groups of letters and digits; send a screenshot that shows the whole key under the QR code");
    }
    return KeyJudge.judge(readings);
  }

  /** The readings of the first likely key that holds key-sized text, or {@code null}. */
  static KeyReadings readings(Tesseract tesseract, BufferedImage image) {
    GreyImage picture = GreyImage.of(image);
    double scale = Math.max(1, Math.max((double) picture.width / FIRST_PASS_WIDTH,
        (double) picture.height / (4 * FIRST_PASS_WIDTH)));
    GreyImage firstPass = scale > 1 ? picture.scaled(1 / scale) : picture;
    if (firstPass.median() < 128) {
      firstPass = firstPass.inverted();   // dark mode: Tesseract reads dark text on a light background best
    }
    for (KeyLineFinder.Found key : KeyLineFinder.find(tesseract.lines(firstPass))) {
      KeyReadings readings = KeyLineReader.read(tesseract, picture, scale, key);
      if (KeyJudge.judge(readings) != null) {
        return readings;
      }
    }
    return null;
  }
}
