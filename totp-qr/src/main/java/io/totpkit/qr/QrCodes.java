package io.totpkit.qr;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads authenticator QR codes from pictures and draws enrollment QR codes: the entry point of totp-qr.
 *
 * <pre>{@code
 * List<OtpAuthUri> accounts = QrCodes.read(Path.of("screenshot.png"));
 * for (OtpAuthUri account : accounts) {
 *   System.out.println(account.issuer() + " (" + account.account() + "): " + account.toTotp().now());
 * }
 * byte[] png = QrCodes.png(accounts.get(0), QrOptions.defaults());
 * }</pre>
 *
 * <h2>Reading</h2>
 * {@code read} finds every QR code in a picture (PNG, JPEG, GIF or BMP; a full phone screenshot with the code among
 * text and buttons, a dark-mode screenshot with a light-on-dark code, a recompressed or downscaled copy, a photo of a
 * screen) and returns the authenticator accounts in reading order: top to bottom, then left to right. A Google
 * Authenticator export ({@code otpauth-migration://}) is expanded into its accounts. Codes that are not authenticator
 * codes (a web address next to the code) are skipped; an authenticator code that is malformed fails the whole read,
 * even beside good ones, so that no account is silently lost.
 *
 * <p>The search is a ladder that fails last. A clean screenshot is read by zxing's fast path (tens of milliseconds
 * for a 1080×2340 screenshot). Only a picture the fast path cannot read climbs further: zxing on reduced, enlarged
 * and differently thresholded copies (recompressed and resized screenshots); then, for photos of a screen, zxing on
 * copies with moiré reduced, glare evened out, sharpened or enlarged; then a second decoder (BoofCV), which follows
 * perspective and uneven light better. All of it stays under two seconds of CPU for a 1080×2340 photo. The search
 * stops at the first rung that finds a code, so a second code that only a later rung would find is missed when
 * another was found first. {@code scan} returns the same accounts as {@code read} and says which rung read them
 * ({@link QrScan#method()}, {@link QrScan#describe()}) and, for a Google Authenticator export split over several
 * codes, which part the picture holds ({@link QrScan#exportPart()}).
 *
 * <pre>{@code
 * QrScan scan = QrCodes.scan(Path.of("photo.jpg"));
 * System.out.println(scan.accounts().size() + " accounts, " + scan.describe());
 * }</pre>
 *
 * <p>Every failure is a {@link QrCodeException} whose {@link QrCodeException#reason() reason} the caller can branch
 * on: the bytes are not a readable image, the image is over the limits of {@link QrReadOptions}, there is no QR
 * code, the codes are not authenticator codes, or an authenticator code is malformed. When no code was read the
 * message says what to send instead: a screenshot rather than a photo that is out of focus, a closer photo when the
 * code is too small in it, or a screenshot that shows the whole code.
 *
 * <h2>Writing</h2>
 * {@link #png}, {@link #svg} and {@link #terminal} draw an account's {@link OtpAuthUri#toUriString()} as a QR code;
 * {@code read} reads each of them back to an equal URI.
 *
 * <h2>Security</h2>
 * A QR code's text is key material. No message of this class quotes it; the texts {@link #readText} returns and the
 * pictures the writers return contain the secret and must be handled as secrets. Decoding is guarded against hostile
 * pictures: the declared size is checked against {@link QrReadOptions#maxPixels()} before any pixel is decoded, and
 * streams and files are read up to {@link QrReadOptions#maxBytes()}.
 *
 * <p>Thread-safety: all methods are stateless and safe to call from any number of threads.
 */
public final class QrCodes {
  private QrCodes() {}

  /**
   * Reads every authenticator account from an image file, with the default limits.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the file yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(Path file) {
    return read(file, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from an image file.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the file yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(Path file, QrReadOptions options) {
    return scan(file, options).accounts();
  }

  /** The image formats this class reads, as a phrase for messages: {@code "PNG, JPEG, GIF, BMP"}. */
  public static final String IMAGE_FORMATS = "PNG, JPEG, GIF, BMP";

  /**
   * Whether {@code bytes} begin like an image file this class reads (PNG, JPEG, GIF, BMP), by their first bytes
   * alone: for callers that take a screenshot or an export file in the same place and must tell them apart.
   *
   * @param bytes the file's bytes, or at least its first four
   * @return whether they start with a PNG, JPEG, GIF or BMP signature
   */
  public static boolean isImage(byte[] bytes) {
    int length = bytes.length;
    if (length >= 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
      return true;
    }
    if (length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
      return true;
    }
    if (length >= 4 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == '8') {
      return true;
    }
    return length >= 2 && bytes[0] == 'B' && bytes[1] == 'M';
  }

  /**
   * Decodes an image file as {@link #read(Path, QrReadOptions)} does before it looks for codes — the same formats,
   * limits and errors —, for a caller that also looks at the picture in another way.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the picture
   * @throws QrCodeException with reason {@link QrCodeException.Reason#UNREADABLE_IMAGE} (also for a file that
   *     cannot be opened) or {@link QrCodeException.Reason#IMAGE_TOO_LARGE}
   */
  public static BufferedImage loadImage(Path file, QrReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return ImageLoader.load(file, options);
  }

  /**
   * Decodes the bytes of an image file as {@code read} does before it looks for codes — the same formats, limits and
   * errors —, for a caller that also looks at the picture in another way (totp-ocr reads the printed setup key) and
   * decodes it once.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits; {@link QrReadOptions#maxBytes()} does not apply to bytes already in memory
   * @return the picture
   * @throws QrCodeException with reason {@link QrCodeException.Reason#UNREADABLE_IMAGE} or
   *     {@link QrCodeException.Reason#IMAGE_TOO_LARGE}
   */
  public static BufferedImage loadImage(byte[] image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    return ImageLoader.load(image, options);
  }

  /**
   * Reads every authenticator account from the bytes of an image file, with the default limits.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(byte[] image) {
    return read(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from the bytes of an image file.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits; {@link QrReadOptions#maxBytes()} does not apply to bytes already in memory
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(byte[] image, QrReadOptions options) {
    return scan(image, options).accounts();
  }

  /**
   * Reads every authenticator account from a stream holding an image file, with the default limits. The stream is
   * read to its end or to the byte limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(InputStream image) {
    return read(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from a stream holding an image file. The stream is read to its end or to the
   * byte limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(InputStream image, QrReadOptions options) {
    return scan(image, options).accounts();
  }

  /**
   * Reads every authenticator account from a decoded image, with the default limits.
   *
   * @param image the image; it is not modified
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(BufferedImage image) {
    return read(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from a decoded image.
   *
   * @param image the image; it is not modified
   * @param options the size limits; images over {@link QrReadOptions#maxPixels()} are refused
   * @return the accounts, in reading order, never empty
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static List<OtpAuthUri> read(BufferedImage image, QrReadOptions options) {
    return scan(image, options).accounts();
  }

  /**
   * Reads every authenticator account from an image file and says how they were read, with the default limits.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @return the accounts and how they were read
   * @throws QrCodeException if the file yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(Path file) {
    return scan(file, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from an image file and says how they were read.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the accounts and how they were read
   * @throws QrCodeException if the file yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(Path file, QrReadOptions options) {
    Objects.requireNonNull(file, "file");
    return scan(decode(ImageLoader.load(file, Objects.requireNonNull(options, "options")), options));
  }

  /**
   * Reads every authenticator account from the bytes of an image file and says how they were read, with the default
   * limits.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(byte[] image) {
    return scan(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from the bytes of an image file and says how they were read.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits; {@link QrReadOptions#maxBytes()} does not apply to bytes already in memory
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(byte[] image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return scan(decode(ImageLoader.load(image, Objects.requireNonNull(options, "options")), options));
  }

  /**
   * Reads every authenticator account from a stream holding an image file and says how they were read, with the
   * default limits. The stream is read to its end or to the byte limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(InputStream image) {
    return scan(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from a stream holding an image file and says how they were read. The stream is
   * read to its end or to the byte limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(InputStream image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return scan(decode(ImageLoader.load(image, Objects.requireNonNull(options, "options")), options));
  }

  /**
   * Reads every authenticator account from a decoded image and says how they were read, with the default limits.
   *
   * @param image the image; it is not modified
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(BufferedImage image) {
    return scan(image, QrReadOptions.defaults());
  }

  /**
   * Reads every authenticator account from a decoded image and says how they were read.
   *
   * @param image the image; it is not modified
   * @param options the size limits; images over {@link QrReadOptions#maxPixels()} are refused
   * @return the accounts and how they were read
   * @throws QrCodeException if the image yields no authenticator account; {@link QrCodeException#reason()} says why
   */
  public static QrScan scan(BufferedImage image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return scan(decode(image, Objects.requireNonNull(options, "options")));
  }

  /**
   * Returns the texts of all QR codes in an image file, whatever they hold, with the default limits.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the file is not a readable image, is too large, or holds no QR code
   */
  public static List<String> readText(Path file) {
    return readText(file, QrReadOptions.defaults());
  }

  /**
   * Returns the texts of all QR codes in an image file, whatever they hold.
   *
   * @param file a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the file is not a readable image, is too large, or holds no QR code
   */
  public static List<String> readText(Path file, QrReadOptions options) {
    Objects.requireNonNull(file, "file");
    return decode(ImageLoader.load(file, Objects.requireNonNull(options, "options")), options).texts();
  }

  /**
   * Returns the texts of all QR codes in the bytes of an image file, with the default limits.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the bytes are not a readable image, the image is too large, or it holds no QR code
   */
  public static List<String> readText(byte[] image) {
    return readText(image, QrReadOptions.defaults());
  }

  /**
   * Returns the texts of all QR codes in the bytes of an image file.
   *
   * @param image the bytes of a PNG, JPEG, GIF or BMP file
   * @param options the size limits; {@link QrReadOptions#maxBytes()} does not apply to bytes already in memory
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the bytes are not a readable image, the image is too large, or it holds no QR code
   */
  public static List<String> readText(byte[] image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return decode(ImageLoader.load(image, Objects.requireNonNull(options, "options")), options).texts();
  }

  /**
   * Returns the texts of all QR codes in a stream holding an image file, with the default limits. The stream is read
   * to its end or to the byte limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the stream is not a readable image, the image is too large, or it holds no QR code
   */
  public static List<String> readText(InputStream image) {
    return readText(image, QrReadOptions.defaults());
  }

  /**
   * Returns the texts of all QR codes in a stream holding an image file. The stream is read to its end or to the byte
   * limit, and not closed.
   *
   * @param image a stream of a PNG, JPEG, GIF or BMP file
   * @param options the size limits
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the stream is not a readable image, the image is too large, or it holds no QR code
   */
  public static List<String> readText(InputStream image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return decode(ImageLoader.load(image, Objects.requireNonNull(options, "options")), options).texts();
  }

  /**
   * Returns the texts of all QR codes in a decoded image, with the default limits.
   *
   * @param image the image; it is not modified
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the image is too large or holds no QR code
   */
  public static List<String> readText(BufferedImage image) {
    return readText(image, QrReadOptions.defaults());
  }

  /**
   * Returns the texts of all QR codes in a decoded image.
   *
   * @param image the image; it is not modified
   * @param options the size limits
   * @return the texts, in reading order, without duplicates, never empty; they may contain secrets
   * @throws QrCodeException if the image is too large or holds no QR code
   */
  public static List<String> readText(BufferedImage image, QrReadOptions options) {
    Objects.requireNonNull(image, "image");
    return decode(image, Objects.requireNonNull(options, "options")).texts();
  }

  private static Decoded decode(BufferedImage image, QrReadOptions options) {
    ImageLoader.checkPixels(image.getWidth(), image.getHeight(), options);
    return DecodingLadder.decode(Luminance.of(image));
  }

  private static QrScan scan(Decoded decoded) {
    return AuthenticatorTexts.scan(decoded.texts(), decoded.method, decoded.repairs);
  }

  /**
   * Draws an account's enrollment QR code as a black-and-white PNG.
   *
   * @param uri the account; the code holds {@link OtpAuthUri#toUriString()}, secret included
   * @param options size, quiet zone and error correction
   * @return the PNG file's bytes; they contain the secret
   * @throws IllegalArgumentException if the code does not fit the requested size, or the image would be wider than
   *     {@value QrOptions#MAX_SIZE} pixels
   */
  public static byte[] png(OtpAuthUri uri, QrOptions options) {
    return PngRenderer.render(matrix(uri, options), options);
  }

  /**
   * Draws an account's enrollment QR code as an SVG document: one path of dark modules on a white square, in a
   * {@code viewBox} measured in modules, sized {@link QrOptions#size()} or {@link QrOptions#moduleSize()} pixels per
   * module.
   *
   * @param uri the account; the code holds {@link OtpAuthUri#toUriString()}, secret included
   * @param options size, quiet zone and error correction
   * @return the SVG text; it contains the secret
   */
  public static String svg(OtpAuthUri uri, QrOptions options) {
    return SvgRenderer.render(matrix(uri, options), options);
  }

  /**
   * Draws an account's enrollment QR code as text for a terminal: Unicode half blocks ({@code ▀ ▄ █}) and spaces,
   * one module per column and two per line, with the quiet zone drawn explicitly. Without
   * {@link QrOptions#ansiColors()} the glyphs are the light modules, which suits terminals with a dark background;
   * with it every line sets black on white, which suits every terminal that understands ANSI colours.
   * {@link QrOptions#size()} and {@link QrOptions#moduleSize()} do not apply.
   *
   * @param uri the account; the code holds {@link OtpAuthUri#toUriString()}, secret included
   * @param options quiet zone, error correction and colours
   * @return the lines, each ending with {@code '\n'}; they contain the secret
   */
  public static String terminal(OtpAuthUri uri, QrOptions options) {
    return TerminalRenderer.render(matrix(uri, options), options);
  }

  private static ModuleMatrix matrix(OtpAuthUri uri, QrOptions options) {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(options, "options");
    return ModuleMatrix.encode(uri.toUriString(), options.errorCorrection());
  }

  /** Draws any text, such as a {@link MigrationPayload} export, as a PNG; for tests and examples in this package. */
  static byte[] pngOfText(String text, QrOptions options) {
    return PngRenderer.render(ModuleMatrix.encode(text, options.errorCorrection()), options);
  }
}
