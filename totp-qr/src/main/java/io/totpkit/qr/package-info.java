/**
 * Reads authenticator QR codes from screenshots and photos and draws enrollment QR codes. Start with
 * {@link io.totpkit.qr.QrCodes}; failures are {@link io.totpkit.qr.QrCodeException}s with a
 * {@link io.totpkit.qr.QrCodeException.Reason}; {@link io.totpkit.qr.QrReadOptions} sets the limits that guard
 * against hostile pictures and {@link io.totpkit.qr.QrOptions} how codes are drawn.
 *
 * <p>Scope: QR codes only (no other barcode formats), the first frame of an animated GIF, and the image formats the
 * JDK's ImageIO reads (PNG, JPEG, GIF, BMP, WBMP, TIFF); HEIC and WebP screenshots must be converted first.
 */
package io.totpkit.qr;
