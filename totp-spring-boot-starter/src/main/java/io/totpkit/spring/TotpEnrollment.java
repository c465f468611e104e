package io.totpkit.spring;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.Wipe;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.util.ClassUtils;

/**
 * Enrolls a user in TOTP: {@link #begin} creates a key (20 random bytes from {@link SecureRandom}) and stores it
 * encrypted as <em>pending</em>; {@link #confirm} makes it the user's active key only after a correct code from it,
 * so a user who never finished scanning keeps their old key (or none). A pending key expires after 15 minutes.
 *
 * <pre>{@code
 * EnrollmentStart start = enrollment.begin(auth.getName(), auth.getName());   // show start.qrSvgDataUri() once
 * TotpVerificationResult r = enrollment.confirm(auth.getName(), typedCode);  // ACCEPTED: the key is active
 * }</pre>
 *
 * <h2>Security</h2>
 * Call both for the authenticated principal only (a user replacing an active key should have proven it, or a
 * recovery code, in this session). The key exists in plain form only in the returned {@link EnrollmentStart}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class TotpEnrollment {
  /** How long a pending key waits for its confirming code. */
  public static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);

  private static final int KEY_LENGTH = 20;
  /** Whether totp-qr is on the class path: {@link QrImages}, which links to it, is loaded only then. */
  static final boolean QR_ON_CLASS_PATH =
      ClassUtils.isPresent("io.totpkit.qr.QrCodes", TotpEnrollment.class.getClassLoader());

  private final EncryptedKeys keys;
  private final TotpAuthenticationService service;
  private final TotpProperties properties;
  private final SecureRandom random;
  private final Clock clock;
  private final boolean qrImages;

  TotpEnrollment(EncryptedKeys keys, TotpAuthenticationService service, TotpProperties properties,
      SecureRandom random, Clock clock, boolean qrImages) {
    if (properties.issuer() == null) {
      throw new InvalidTotpPropertyException("totpkit.issuer", "must be set to enroll users: it is the name"
          + " authenticator apps show above the code (for example totpkit.issuer=Example Corp)");
    }
    this.keys = keys;
    this.service = service;
    this.properties = properties;
    this.random = random;
    this.clock = clock;
    this.qrImages = qrImages;
  }

  /**
   * Creates a new pending key for {@code username}, replacing any earlier pending one.
   *
   * @param username the authenticated principal's name, under which the key is stored
   * @param accountName the account shown in the authenticator app (often the username or an e-mail address)
   * @return what to show the user, once
   */
  public EnrollmentStart begin(String username, String accountName) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(accountName, "accountName");
    Secret secret = Secret.generate(KEY_LENGTH, random);
    byte[] plain = secret.bytes();
    try {
      StoredTotpKey pending = keys.seal(username, plain, false, clock.instant(), Totp.builder(secret)
          .algorithm(properties.algorithm()).digits(properties.digits()).period(properties.period()).build());
      keys.repository().save(pending);
      return show(secret, pending, accountName);
    } finally {
      Wipe.bytes(plain);
      secret.destroy();
    }
  }

  /**
   * Shows {@code username}'s pending key again if it has not expired, else begins a new one: a page that is
   * reloaded, or shown again after a mistyped code, keeps the QR code the user may already have scanned.
   *
   * @param username the authenticated principal's name
   * @param accountName the account shown in the authenticator app
   * @return what to show the user
   */
  public EnrollmentStart beginOrResume(String username, String accountName) {
    Optional<StoredTotpKey> pending = keys.pending(username);
    if (pending.isEmpty() || expired(pending.get())) {
      return begin(username, accountName);
    }
    byte[] plain = keys.open(pending.get());
    Secret secret = Secret.fromBytes(plain);
    try {
      return show(secret, pending.get(), accountName);
    } finally {
      Wipe.bytes(plain);
      secret.destroy();
    }
  }

  private EnrollmentStart show(Secret secret, StoredTotpKey record, String accountName) {
    OtpAuthUri uri = OtpAuthUri.totp(secret).issuer(properties.issuer()).account(accountName)
        .algorithm(record.algorithm()).digits(record.digits()).period(record.period()).build();
    String manual = secret.toBase32().replaceAll("(.{4})(?!$)", "$1 ");
    return qrImages
        ? new EnrollmentStart(uri.toUriString(), manual, QrImages.pngDataUri(uri), QrImages.svgDataUri(uri))
        : new EnrollmentStart(uri.toUriString(), manual, null, null);
  }

  private boolean expired(StoredTotpKey pending) {
    return pending.createdAt().plus(PENDING_LIFETIME).isBefore(clock.instant());
  }

  /**
   * Activates {@code username}'s pending key if {@code code} is a correct code from it. The code goes through the
   * same replay guard and attempt limiter as a sign-in.
   *
   * @param username the authenticated principal's name
   * @param code what the user typed
   * @return ACCEPTED if the key is now active; NOT_ENROLLED if there is no pending key or it expired; otherwise
   *     the verification's outcome
   */
  public TotpVerificationResult confirm(String username, CharSequence code) {
    Optional<StoredTotpKey> pending = keys.pending(username);
    if (pending.isEmpty() || expired(pending.get())) {
      return TotpVerificationResult.notEnrolled();
    }
    TotpVerificationResult result = service.check(pending.get(), code);
    if (result.isAccepted() && !keys.repository().activate(pending.get())) {
      return TotpVerificationResult.notEnrolled();
    }
    return result;
  }

  @Override
  public String toString() {
    return "TotpEnrollment{issuer " + properties.issuer() + "}";
  }
}
