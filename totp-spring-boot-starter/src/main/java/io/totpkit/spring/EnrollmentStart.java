package io.totpkit.spring;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TotpEnrollment#begin} hands the application to show the user, once: the {@code otpauth://} URI to scan
 * or tap, the same as QR images when totp-qr is on the class path, and the key in groups of four for typing.
 *
 * <h2>Security</h2>
 * Every accessor returns the user's new key in some form: put it on the enrollment page only, served with
 * {@code Cache-Control: no-store}, never in a URL, a log or a redirect. {@link #toString()} shows none of it.
 *
 * <p>Thread-safety: immutable.
 */
public final class EnrollmentStart {
  private final String otpauthUri;
  private final String manualKey;
  private final String pngDataUri;
  private final String svgDataUri;

  EnrollmentStart(String otpauthUri, String manualKey, String pngDataUri, String svgDataUri) {
    this.otpauthUri = Objects.requireNonNull(otpauthUri);
    this.manualKey = Objects.requireNonNull(manualKey);
    this.pngDataUri = pngDataUri;
    this.svgDataUri = svgDataUri;
  }

  /** @return the {@code otpauth://totp/...} URI, holding the key */
  public String otpauthUri() {
    return otpauthUri;
  }

  /** @return the key in Base32, in groups of four separated by spaces, for typing into an app */
  public String manualKey() {
    return manualKey;
  }

  /** @return the QR code as a {@code data:image/png;base64,...} URI, if totp-qr is on the class path */
  public Optional<String> qrPngDataUri() {
    return Optional.ofNullable(pngDataUri);
  }

  /** @return the QR code as a {@code data:image/svg+xml;base64,...} URI, if totp-qr is on the class path */
  public Optional<String> qrSvgDataUri() {
    return Optional.ofNullable(svgDataUri);
  }

  @Override
  public String toString() {
    return "EnrollmentStart{key redacted" + (pngDataUri == null ? "" : ", with QR images") + "}";
  }
}
