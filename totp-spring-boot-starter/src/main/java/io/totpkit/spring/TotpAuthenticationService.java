package io.totpkit.spring;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.ReplayGuard;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a user's code against their confirmed TOTP key with totpkit's {@link TotpVerifier}: the configured window,
 * the shared replay guard and attempt limiter. The factor's filter calls it for the signed-in user; an application
 * may call it too (to confirm a sensitive action, say).
 *
 * <pre>{@code
 * TotpVerificationResult result = totp.verify(authentication.getName(), typedCode);
 * if (result.isAccepted()) { ... }
 * }</pre>
 *
 * <h2>Security</h2>
 * Pass the username of the already authenticated principal, never one taken from the request. The key is decrypted
 * for the one check and wiped after it; a record under an older application key is re-encrypted with the current one
 * after a correct code. Results, logs and exceptions carry neither the code nor the key.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class TotpAuthenticationService {
  private final EncryptedKeys keys;
  private final ReplayGuard replayGuard;
  private final AttemptLimiter attemptLimiter;
  private final TotpProperties.Window window;
  private final Clock clock;
  private final List<VerificationObserver> observers;

  TotpAuthenticationService(EncryptedKeys keys, ReplayGuard replayGuard, AttemptLimiter attemptLimiter,
      TotpProperties.Window window, Clock clock, List<VerificationObserver> observers) {
    this.keys = keys;
    this.replayGuard = replayGuard;
    this.attemptLimiter = attemptLimiter;
    this.window = window;
    this.clock = clock;
    this.observers = List.copyOf(observers);
  }

  /**
   * Checks {@code code} for {@code username}'s confirmed key.
   *
   * @param username the authenticated principal's name
   * @param code what the user typed
   * @return the outcome and drift offset; {@link TotpOutcome#NOT_ENROLLED} if the user has no confirmed key
   * @throws TotpKeyStoreException if the user's key cannot be read or decrypted
   * @throws io.totpkit.guard.GuardStoreException if the shared guards' database fails (treat as a failed sign-in)
   */
  public TotpVerificationResult verify(String username, CharSequence code) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(code, "code");
    Optional<StoredTotpKey> record = keys.active(username);
    TotpVerificationResult result =
        record.isEmpty() ? TotpVerificationResult.notEnrolled() : check(record.get(), code);
    for (VerificationObserver observer : observers) {
      observer.verified(result);
    }
    return result;
  }

  /** Checks {@code code} against {@code record} (active or pending) with the guards; rotates its key on success. */
  TotpVerificationResult check(StoredTotpKey record, CharSequence code) {
    byte[] plain = keys.open(record);
    try {
      Secret secret = Secret.fromBytes(plain);
      try {
        Totp totp = Totp.builder(secret).algorithm(record.algorithm()).digits(record.digits())
            .period(record.period()).clock(clock).build();
        TotpVerifier verifier = TotpVerifier.builder(totp).window(window.behind(), window.ahead())
            .replayGuard(replayGuard).attemptLimiter(attemptLimiter).build();
        Verification verification = verifier.verify(record.username(), code, clock.instant());
        if (verification.isAccepted()) {
          keys.rotateIfOld(record, plain);
        }
        return TotpVerificationResult.of(verification);
      } finally {
        secret.destroy();
      }
    } finally {
      EncryptedKeys.close(plain);
    }
  }

  /**
   * Reports whether {@code username} has a confirmed key, so that an application can send a user to enrollment
   * instead of the code page.
   *
   * @param username the user
   * @return {@code true} if the user completed enrollment
   */
  public boolean isEnrolled(String username) {
    return keys.active(username).isPresent();
  }

  @Override
  public String toString() {
    return "TotpAuthenticationService{window " + window.behind() + "/" + window.ahead() + "}";
  }
}
