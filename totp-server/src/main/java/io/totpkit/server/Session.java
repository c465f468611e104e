package io.totpkit.server;

import io.totpkit.core.Secret;
import io.totpkit.vault.Vault;
import java.time.Instant;

/**
 * A staff member's sign-in: their vault, opened with their passphrase and held in memory only until sign-out or
 * expiry; past its first step until their own TOTP code is checked. A member enrolling their first factor holds the
 * new factor's key here until the code confirms it.
 */
final class Session {
  /** How far the sign-in has come. */
  enum Stage {
    PASSPHRASE_CHECKED, SIGNED_IN
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  final String member;
  final Vault vault;
  final Instant created;
  /** The CSRF token of this session's forms: 256 random bits, compared in constant time. */
  final String csrf;
  private Stage stage = Stage.PASSPHRASE_CHECKED;
  private Secret enrolling;
  private java.util.List<io.totpkit.vault.ImportFile.Account> pendingAdd;
  private io.totpkit.ocr.ScreenshotReading pendingPicture;
  private Instant lastSeen;
  private boolean closed;

  Session(String member, Vault vault, Instant created, Secret enrolling) {
    this.member = member;
    this.vault = vault;
    this.created = created;
    this.lastSeen = created;
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    this.csrf = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    this.enrolling = enrolling;
  }

  /** Holds what the add page found until it is confirmed (or replaced, or the session ends). */
  synchronized void pendingAdd(java.util.List<io.totpkit.vault.ImportFile.Account> found) {
    pendingAdd = found == null ? null : java.util.List.copyOf(found);
  }

  /** Takes what the add page found: it is added once at most. */
  synchronized java.util.List<io.totpkit.vault.ImportFile.Account> takePendingAdd() {
    java.util.List<io.totpkit.vault.ImportFile.Account> found = pendingAdd;
    pendingAdd = null;
    return found;
  }

  /**
   * Holds a picture the add page read but could not add yet (a printed key that needs names or a code, a printed key
   * that differs from the QR code), so that the member need not send it again; {@code null} forgets it.
   */
  synchronized void pendingPicture(io.totpkit.ocr.ScreenshotReading reading) {
    pendingPicture = reading;
  }

  /** The picture waiting for what the add page asked, or {@code null}. */
  synchronized io.totpkit.ocr.ScreenshotReading pendingPicture() {
    return pendingPicture;
  }

  synchronized Stage stage() {
    return stage;
  }

  synchronized Secret enrolling() {
    return enrolling;
  }

  synchronized void signedIn() {
    stage = Stage.SIGNED_IN;
    if (enrolling != null) {
      enrolling.destroy();
      enrolling = null;
    }
  }

  synchronized void touch(Instant now) {
    lastSeen = now;
  }

  synchronized Instant lastSeen() {
    return lastSeen;
  }

  /** Whether {@code token} is this session's CSRF token; in constant time. */
  boolean csrfMatches(String token) {
    return token != null && java.security.MessageDigest.isEqual(csrf.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** The caller this session acts as, once signed in. */
  Caller caller() {
    return new Caller(Caller.Kind.SESSION, member, vault, vault.role() != io.totpkit.vault.Role.OPERATOR);
  }

  /** Zeroes the keys the session holds: the vault's and an enrolling factor's. */
  synchronized void close() {
    if (!closed) {
      closed = true;
      pendingAdd = null;
      pendingPicture = null;
      vault.close();
      if (enrolling != null) {
        enrolling.destroy();
        enrolling = null;
      }
    }
  }

  @Override
  public String toString() {
    return "Session[" + member + ", " + stage + "]";
  }
}
