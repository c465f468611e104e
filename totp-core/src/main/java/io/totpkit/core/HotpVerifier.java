package io.totpkit.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks HOTP codes against the counter the service expects, with RFC 4226 §7.4 look-ahead and resynchronisation.
 *
 * <pre>{@code
 * HotpVerifier verifier = HotpVerifier.builder(hotp)
 *     .lookAhead(10).replayGuard(replayGuard).attemptLimiter(attemptLimiter).build();
 * Verification v = verifier.verify("alice", "755224", storedCounter);
 * if (v.isAccepted()) storedCounter = v.matchedStep().getAsLong() + 1;
 * }</pre>
 *
 * <p>The service stores each account's next expected counter. A code may match that counter or up to
 * {@link Builder#lookAhead(int)} beyond it (the token was pressed without logging in); the caller then stores the
 * matched counter plus one. The replay guard records the matched counter atomically, so two concurrent requests with
 * the same code cannot both succeed even before the caller has stored the new counter.
 *
 * <p>Thread-safety: immutable; safe to share between threads, as are the guard and limiter it is given.
 */
public final class HotpVerifier {
  /** The largest look-ahead window. */
  public static final int MAX_LOOK_AHEAD = 100;
  /** The largest resynchronisation search. */
  public static final int MAX_RESYNC_WINDOW = 1000;

  private final Hotp hotp;
  private final CodeGenerator generator;
  private final int lookAhead;
  private final int resyncWindow;
  private final Protection protection;
  private final Clock clock;

  private HotpVerifier(Builder builder) {
    this.hotp = builder.hotp;
    this.generator = hotp.generator();
    this.lookAhead = builder.lookAhead;
    this.resyncWindow = builder.resyncWindow;
    this.protection = builder.protection();
    this.clock = builder.clock;
  }

  /**
   * Starts a builder. Defaults: a look-ahead of 10 counters, a resynchronisation search of 100, the system clock in
   * UTC for the attempt limiter; the replay guard and attempt limiter must be given.
   *
   * @param hotp the account's generator
   * @return a new builder
   */
  public static Builder builder(Hotp hotp) {
    return new Builder(hotp);
  }

  /**
   * Checks {@code code} against counters {@code expectedCounter} to {@code expectedCounter + lookAhead}.
   *
   * @param account the account's identifier in the replay guard and the limiter, normalized by
   *     {@link AccountId#normalize}
   * @param code what the user typed
   * @param expectedCounter the account's stored next counter, 0 or more
   * @return the outcome; when accepted, {@link Verification#matchedStep()} is the counter that matched
   * @throws IllegalArgumentException if {@code expectedCounter} is negative, or {@code account} is not a usable
   *     identifier ({@link AccountId#normalize})
   */
  public Verification verify(String account, CharSequence code, long expectedCounter) {
    String key = AccountId.normalize(account);
    Objects.requireNonNull(code, "code");
    OtpParameters.checkCounter("expected counter", expectedCounter);
    long typed = generator.parse(code);
    if (typed < 0) {
      return Verification.malformed();
    }
    Instant now = clock.instant();
    Verification throttled = protection.throttled(key, now);
    return throttled != null ? throttled
        : accept(key, hotp.firstMatch(typed, expectedCounter, lookAhead), expectedCounter, now);
  }

  /**
   * Resynchronises a counter that has drifted beyond the look-ahead (RFC 4226 §7.4): finds two consecutive codes
   * within the resynchronisation window after {@code expectedCounter}.
   *
   * @param account the account's identifier in the replay guard and the limiter, normalized by
   *     {@link AccountId#normalize}
   * @param firstCode the first of two codes the user produced one after the other
   * @param secondCode the next code
   * @param expectedCounter the account's stored next counter, 0 or more
   * @return the outcome; when accepted, {@link Verification#matchedStep()} is the counter of {@code secondCode}
   * @throws IllegalArgumentException if {@code expectedCounter} is negative, or {@code account} is not a usable
   *     identifier ({@link AccountId#normalize})
   */
  public Verification resynchronize(String account, CharSequence firstCode, CharSequence secondCode,
      long expectedCounter) {
    String key = AccountId.normalize(account);
    Objects.requireNonNull(firstCode, "firstCode");
    Objects.requireNonNull(secondCode, "secondCode");
    OtpParameters.checkCounter("expected counter", expectedCounter);
    long first = generator.parse(firstCode);
    long second = generator.parse(secondCode);
    if (first < 0 || second < 0) {
      return Verification.malformed();
    }
    Instant now = clock.instant();
    Verification throttled = protection.throttled(key, now);
    return throttled != null ? throttled
        : accept(key, hotp.firstPairMatch(first, second, expectedCounter, resyncWindow), expectedCounter, now);
  }

  private Verification accept(String account, long matched, long expectedCounter, Instant now) {
    // A HOTP counter never leaves the window by itself: the guard must keep the record.
    return matched < 0 ? Verification.rejected()
        : protection.accept(account, matched, expectedCounter, now, Instant.MAX);
  }

  @Override
  public String toString() {
    return "HotpVerifier[" + generator + ", look-ahead " + lookAhead + "]";
  }

  /**
   * Configures a {@link HotpVerifier}.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder extends VerifierBuilder<Builder> {
    private final Hotp hotp;
    private int lookAhead = 10;
    private int resyncWindow = 100;
    private Clock clock = Clock.systemUTC();

    private Builder(Hotp hotp) {
      this.hotp = Objects.requireNonNull(hotp, "hotp");
    }

    /**
     * Sets how many counters beyond the expected one a code may match; the default is 10.
     *
     * @param counters 0 to {@value HotpVerifier#MAX_LOOK_AHEAD}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder lookAhead(int counters) {
      this.lookAhead = Hotp.checkLookAhead(counters);
      return this;
    }

    /**
     * Sets how far {@link HotpVerifier#resynchronize} searches; the default is 100 counters.
     *
     * @param counters 1 to {@value HotpVerifier#MAX_RESYNC_WINDOW}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder resyncWindow(int counters) {
      if (counters < 1 || counters > MAX_RESYNC_WINDOW) {
        throw new IllegalArgumentException("resynchronisation window must be from 1 to " + MAX_RESYNC_WINDOW
            + " counters, was " + counters);
      }
      this.resyncWindow = counters;
      return this;
    }

    /**
     * Sets the clock the attempt limiter reads; the default is {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws IllegalStateException if the replay guard or the attempt limiter was not set
     */
    public HotpVerifier build() {
      return new HotpVerifier(this);
    }
  }
}
