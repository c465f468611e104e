/**
 * Reads authenticator QR codes from screenshots and photos and draws enrollment QR codes. Start with
 * {@link io.totpkit.qr.QrCodes}; {@link io.totpkit.qr.QrScan} says how a picture was read; failures are
 * {@link io.totpkit.qr.QrCodeException}s with a {@link io.totpkit.qr.QrCodeException.Reason};
 * {@link io.totpkit.qr.QrReadOptions} sets the limits that guard against hostile pictures and
 * {@link io.totpkit.qr.QrOptions} how codes are drawn.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Reading tries a fast strategy first (local-threshold binarization at full size, likelier polarity first,
 *       multi-code then single-code reader) and a ladder of slower ones only when it finds nothing: zxing on scaled
 *       and globally thresholded copies, zxing on copies repaired for photos of a screen (moiré, glare, defocus, a
 *       distant code), then BoofCV as a second decoder; the first rung that finds a code ends the search, and
 *       {@link io.totpkit.qr.QrScan} says which one it was.</li>
 *   <li>BoofCV's jars are not Java modules (they share packages), so they stay on the class path: this module reads
 *       the class path's unnamed module when it runs as a named module, and names no BoofCV type in its API.</li>
 *   <li>Only {@code otpauth://}, {@code steam://} and {@code otpauth-migration://} codes count as authenticator codes;
 *       others are skipped, and named by a well-known scheme only in messages, never quoted.</li>
 *   <li>Codes without an ECI segment are decoded as UTF-8 when their bytes are valid UTF-8 and as ISO-8859-1
 *       otherwise (zxing's guess), which reads what issuers actually write.</li>
 *   <li>Written codes hold {@link io.totpkit.core.OtpAuthUri#toUriString()}, which is percent-encoded ASCII, so they
 *       carry no ECI segment that old scanners might stumble over.</li>
 *   <li>The declared image size is checked before decoding (default 50 megapixels), and files and streams are read
 *       up to a byte limit (default 64 MiB).</li>
 * </ul>
 *
 * <p>Scope: QR codes only (no other barcode formats), the first frame of an animated GIF, and the image formats the
 * JDK's ImageIO reads (PNG, JPEG, GIF, BMP, WBMP, TIFF); HEIC and WebP screenshots must be converted first.
 */
package io.totpkit.qr;
