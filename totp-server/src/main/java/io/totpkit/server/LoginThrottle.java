package io.totpkit.server;

import io.totpkit.core.AttemptLimiter;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows down guessing of passphrases and tokens, per member (or token) and per client address, before any key
 * derivation runs: an attempt counts as a failure until it succeeds ({@link AttemptLimiter}'s contract), so
 * concurrent guesses cannot slip past the count. The address's count is cleared only by a complete sign-in, so one
 * known passphrase does not reset a guesser's count.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class LoginThrottle {
  private final AttemptLimiter names;
  private final AttemptLimiter addresses;
  private final Clock clock;

  LoginThrottle(AttemptLimiter names, AttemptLimiter addresses, Clock clock) {
    this.names = names;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** Five failures per member lock them out for a minute (doubling), twenty per address likewise. */
  static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(AttemptLimiter.inMemory(5, Duration.ofMinutes(1)),
        AttemptLimiter.inMemory(20, Duration.ofMinutes(1)), clock);
  }

  /**
   * Counts an attempt for {@code name} from {@code address}.
   *
   * @throws ApiError 429 if either must wait
   */
  void acquire(String name, String address) {
    Duration byAddress = addresses.tryAcquire(address, clock.instant());
    if (!byAddress.isZero()) {
      throw ApiError.throttled(byAddress);
    }
    Duration byName = names.tryAcquire(name, clock.instant());
    if (!byName.isZero()) {
      throw ApiError.throttled(byName);
    }
  }

  /** The name's attempt succeeded (a passphrase, a token). */
  void succeeded(String name) {
    names.recordSuccess(name);
  }

  /** A complete sign-in from this address. */
  void signedIn(String name, String address) {
    names.recordSuccess(name);
    addresses.recordSuccess(address);
  }
}
