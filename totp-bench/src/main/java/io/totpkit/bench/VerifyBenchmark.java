package io.totpkit.bench;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.ReplayGuard;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.core.Verification.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link TotpVerifier#verify(String, CharSequence, Instant)}: a hit and a miss, windows 0, 1, 2 and 5 steps each way,
 * with the real {@link InMemoryReplayGuard} and with an accept-all guard; and the attempt limiter's throttled path on
 * its own. Every call is checked to end with the status it is meant to measure; a trial that saw any other fails.
 *
 * <h2>How each path is kept honest</h2>
 * <ul>
 *   <li><b>Hit with the replay guard.</b> A guard accepts a step once per account, so repeating one code would measure
 *       REPLAYED after the first call. The benchmark walks (account, step) pairs instead: {@value #ACCOUNTS} account
 *       names at step s, then all of them at step s+1, the time advancing with the step, so every call is the first
 *       for its pair and is ACCEPTED. The guard's records expire and are swept as time moves on, as in service. After
 *       all {@value #STEPS} steps a fresh guard starts the walk again (once per 16.7 million calls).
 *   <li><b>Misses.</b> A wrong code for each step (one that matches no step of the window). The limiter allows 100
 *       failures and the account is reset every {@value #RESET_EVERY} calls, so no miss meets a locked account.
 *   <li><b>Throttled.</b> A limiter that locks after one failure (for a year); every call is THROTTLED and no HMAC is
 *       computed.
 * </ul>
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar VerifyBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class VerifyBenchmark {
  static final int STEPS = 4096;
  static final int ACCOUNTS = 4096;
  static final int RESET_EVERY = 64;
  private static final String MISSING = "alice";
  private static final String LOCKED = "mallory";

  /** Steps accepted behind and ahead of the current one. */
  @Param({"0", "1", "2", "5"})
  public int window;

  private Totp totp;
  private Instant[] times;
  private String[] codes;
  private String[] wrongCodes;
  private String[] accounts;

  private TotpVerifier guarded;
  private TotpVerifier unguarded;
  private AttemptLimiter limiter;
  private TotpVerifier throttling;

  private int hits;
  private int misses;
  private long unexpected;

  @Setup(Level.Trial)
  public void setUp() {
    totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    times = new Instant[STEPS];
    codes = new String[STEPS];
    wrongCodes = new String[STEPS];
    for (int s = 0; s < STEPS; s++) {
      times[s] = Instant.ofEpochSecond(Fixtures.START_SECONDS + Fixtures.PERIOD * s);
      codes[s] = totp.generate(times[s]);
      wrongCodes[s] = wrongCode(times[s]);
    }
    accounts = new String[ACCOUNTS];
    for (int a = 0; a < ACCOUNTS; a++) {
      accounts[a] = "user-" + a;
    }
    limiter = AttemptLimiter.inMemory(100, Duration.ofMinutes(1));
    guarded = verifier(new InMemoryReplayGuard(), limiter);
    unguarded = verifier(new AcceptAllReplayGuard(), limiter);
    AttemptLimiter locking = AttemptLimiter.inMemory(1, Duration.ofDays(365));
    throttling = verifier(new InMemoryReplayGuard(), locking);
    throttling.verify(LOCKED, wrongCodes[0], times[0]);   // the one failure that locks the account
    if (throttling.verify(LOCKED, wrongCodes[0], times[STEPS - 1]).status() != Status.THROTTLED) {
      throw new IllegalStateException("the locked account is not throttled");
    }
  }

  private TotpVerifier verifier(ReplayGuard guard, AttemptLimiter attemptLimiter) {
    return TotpVerifier.builder(totp).window(window, window).replayGuard(guard).attemptLimiter(attemptLimiter)
        .build();
  }

  /** A code that matches no step of the window around {@code time}. */
  private String wrongCode(Instant time) {
    int candidate = (totp.generateInt(time) + 1) % 1_000_000;
    while (true) {
      boolean clashes = false;
      for (int offset = -window; offset <= window; offset++) {
        clashes |= totp.generateInt(time.plusSeconds(Fixtures.PERIOD * offset)) == candidate;
      }
      if (!clashes) {
        return String.format(java.util.Locale.ROOT, "%06d", candidate);
      }
      candidate = (candidate + 1) % 1_000_000;
    }
  }

  @TearDown(Level.Trial)
  public void checkStatuses() {
    if (unexpected != 0) {
      throw new IllegalStateException(unexpected + " calls ended with another status than the one measured");
    }
  }

  private Verification expect(Verification verification, Status status) {
    if (verification.status() != status) {
      unexpected++;
    }
    return verification;
  }

  private Verification hit(TotpVerifier verifier) {
    int h = hits++;
    if (h == STEPS * ACCOUNTS) {
      // Every (account, step) pair was accepted once: start again with a fresh guard.
      guarded = verifier(new InMemoryReplayGuard(), limiter);
      verifier = verifier == unguarded ? unguarded : guarded;
      hits = 1;
      h = 0;
    }
    int step = h >>> 12;
    return verifier.verify(accounts[h & (ACCOUNTS - 1)], codes[step], times[step]);
  }

  private Verification miss(TotpVerifier verifier) {
    int m = misses++;
    if ((m & (RESET_EVERY - 1)) == 0) {
      limiter.reset(MISSING);   // far below the lockout (100 failures): the miss is measured, not the throttle
    }
    int step = m & (STEPS - 1);
    return verifier.verify(MISSING, wrongCodes[step], times[step]);
  }

  @Benchmark
  public Verification hitWithReplayGuard() {
    return expect(hit(guarded), Status.ACCEPTED);
  }

  @Benchmark
  public Verification hitWithoutReplayGuard() {
    return expect(hit(unguarded), Status.ACCEPTED);
  }

  @Benchmark
  public Verification missWithReplayGuard() {
    return expect(miss(guarded), Status.REJECTED);
  }

  @Benchmark
  public Verification missWithoutReplayGuard() {
    return expect(miss(unguarded), Status.REJECTED);
  }

  /** The limiter's throttled path alone: the account is locked, no code is computed. */
  @Benchmark
  public Verification throttled() {
    int step = misses++ & (STEPS - 1);
    return expect(throttling.verify(LOCKED, wrongCodes[step], times[step]), Status.THROTTLED);
  }
}
