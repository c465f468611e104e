package io.totpkit.spring;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Ten single-use recovery codes per user, for when the phone is lost: each 80 random bits from {@link SecureRandom},
 * shown once as 16 Base32 characters in groups of four ({@code ABCD-EFGH-JKLM-NPQR}), stored as SHA-256 hashes.
 *
 * <pre>{@code
 * List<String> codes = recoveryCodes.generate(auth.getName());   // show once; replaces any earlier codes
 * TotpOutcome o = recoveryCodes.use(auth.getName(), typed);       // ACCEPTED once per code
 * int left = recoveryCodes.remaining(auth.getName());
 * }</pre>
 *
 * <h2>Security</h2>
 * Typed codes are matched by hash, so no comparison ever runs over a code; the hash covers the username, so a code
 * of one user is no use to another. Attempts share the TOTP attempt limiter: guessing is throttled like codes. With
 * 80 bits per code a hash is out of reach of brute force, so a plain (unsalted, fast) hash suffices.
 *
 * <p>Thread-safety: safe for concurrent use; concurrent uses of one code succeed once.
 */
public final class RecoveryCodes {
  /** How many codes {@link #generate} makes. */
  public static final int COUNT = 10;

  private static final int CODE_BYTES = 10;
  private static final Pattern SHAPE = Pattern.compile("[A-Z2-7]{16}");

  private final RecoveryCodeRepository repository;
  private final AttemptLimiter attemptLimiter;
  private final SecureRandom random;
  private final Clock clock;

  RecoveryCodes(RecoveryCodeRepository repository, AttemptLimiter attemptLimiter, SecureRandom random, Clock clock) {
    this.repository = repository;
    this.attemptLimiter = attemptLimiter;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Makes ten new codes for {@code username}, replacing the old ones.
   *
   * @param username the authenticated principal's name
   * @return the codes, to show once; they are not kept
   */
  public List<String> generate(String username) {
    Objects.requireNonNull(username, "username");
    List<String> codes = new ArrayList<>(COUNT);
    List<byte[]> hashes = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT; i++) {
      byte[] bytes = new byte[CODE_BYTES];
      random.nextBytes(bytes);
      // Secret's Base32 (RFC 4648 alphabet) of 10 bytes is exactly 16 characters, without padding.
      Secret secret = Secret.fromBytes(bytes);
      String code = secret.toBase32();
      secret.destroy();
      Wipe.bytes(bytes);
      hashes.add(hash(username, code));
      codes.add(String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12),
          code.substring(12)));
    }
    repository.replaceAll(username, hashes);
    return List.copyOf(codes);
  }

  /**
   * Uses one of {@code username}'s codes: each is accepted once. Case, spaces and hyphens do not matter.
   *
   * @param username the authenticated principal's name
   * @param typed what the user typed
   * @return ACCEPTED (the code is now used up), REJECTED, THROTTLED or MALFORMED
   */
  public TotpOutcome use(String username, CharSequence typed) {
    Objects.requireNonNull(username, "username");
    String code = normalize(typed);
    if (code == null) {
      return TotpOutcome.MALFORMED;
    }
    if (!attemptLimiter.tryAcquire(username, clock.instant()).isZero()) {
      return TotpOutcome.THROTTLED;
    }
    if (repository.consume(username, hash(username, code))) {
      attemptLimiter.recordSuccess(username);
      return TotpOutcome.ACCEPTED;
    }
    return TotpOutcome.REJECTED;
  }

  /**
   * Counts {@code username}'s unused codes, so the application can urge the user to make new ones.
   *
   * @param username the user
   * @return 0 to {@value #COUNT}
   */
  public int remaining(String username) {
    return repository.count(username);
  }

  /** Whether {@code typed} has the shape of a recovery code (as opposed to a TOTP code). */
  static boolean looksLikeRecoveryCode(CharSequence typed) {
    return normalize(typed) != null;
  }

  private static String normalize(CharSequence typed) {
    if (typed == null || typed.length() > 64) {
      return null;
    }
    String code = typed.toString().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    return SHAPE.matcher(code).matches() ? code : null;
  }

  static byte[] hash(String username, String code) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("totpkit-recovery\0".getBytes(StandardCharsets.US_ASCII));
      sha256.update(username.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return sha256.digest(code.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is in every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "RecoveryCodes{" + COUNT + " per user}";
  }
}
