package io.totpkit.bench;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cross-check of the JMH ratios that other processes on the machine cannot skew: the candidates run in
 * alternating batches on one thread, each batch timed in that thread's CPU time (which does not count time spent
 * waiting for a core), and each candidate is scored by its fastest batch after warm-up. Not a replacement for JMH (no
 * forks, no blackhole; each result is summed into a sink), but on a machine whose load swings from 2 to 15, the
 * ratio of two candidates that ran seconds apart in JMH can be off by half, and these cannot.
 *
 * <p>Run: {@code java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.CpuTimeRatios}
 */
public final class CpuTimeRatios {
  private static final int BATCH = 100_000;
  private static final int ROUNDS = 40;
  private static final int WARM_UP_ROUNDS = 10;
  private static volatile long sink;

  private CpuTimeRatios() {}

  public static void main(String[] args) throws GeneralSecurityException {
    Instant[] times = Fixtures.times();
    long[] steps = new long[times.length];
    for (int i = 0; i < times.length; i++) {
      steps[i] = times[i].getEpochSecond() / Fixtures.PERIOD;
    }
    for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
      Floor floor = new Floor(algorithm);
      CachedMac mac = new CachedMac(algorithm, Fixtures.rfcKey(algorithm), 6);
      Totp totp = Totp.builder(Fixtures.secret(algorithm)).algorithm(algorithm).build();
      double[] best = compare(
          i -> floor.twoCompressions(steps[i]),
          i -> mac.code(steps[i]),
          i -> totp.generateInt(times[i]));
      System.out.printf(Locale.ROOT, "%-6s floor %5.0f ns, cached Mac %5.0f ns, totpkit generateInt %5.0f ns:"
          + " %.2fx the floor, %.2fx the Mac%n", algorithm, best[0], best[1], best[2], best[2] / best[0],
          best[2] / best[1]);
    }

    Totp totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    TimeBasedOneTimePasswordGenerator javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6,
        TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    Key key = new SecretKeySpec(Fixtures.rfcKey(HmacAlgorithm.SHA1), javaOtp.getAlgorithm());
    AttemptLimiter limiter = AttemptLimiter.inMemory(100, Duration.ofMinutes(1));
    TotpVerifier verifier = TotpVerifier.builder(totp).window(1, 1).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(limiter).build();
    String[] wrong = new String[times.length];
    int[] wrongCodes = new int[times.length];
    for (int i = 0; i < times.length; i++) {
      int code = (totp.generateInt(times[i]) + 500_000) % 1_000_000;
      while (code == totp.generateInt(times[i].minusSeconds(30)) || code == totp.generateInt(times[i])
          || code == totp.generateInt(times[i].plusSeconds(30))) {
        code = (code + 1) % 1_000_000;
      }
      wrongCodes[i] = code;
      wrong[i] = String.format(Locale.ROOT, "%06d", code);
    }
    Floor floor = new Floor(HmacAlgorithm.SHA1);
    double[] best = compare(
        i -> floor.twoCompressions(steps[i]),
        i -> totp.generateInt(times[i]),
        i -> generate(javaOtp, key, times[i]),
        i -> {
          if ((i & 63) == 0) {
            limiter.reset("alice");
          }
          return verifier.verify("alice", wrong[i], times[i]).status().ordinal();
        },
        i -> {
          int typed = wrongCodes[i];
          boolean match = generate(javaOtp, key, times[i].minusSeconds(30)) == typed;
          match |= generate(javaOtp, key, times[i]) == typed;
          match |= generate(javaOtp, key, times[i].plusSeconds(30)) == typed;
          return match ? 1 : 0;
        });
    System.out.printf(Locale.ROOT, "SHA1   floor %5.0f ns, totpkit generateInt %5.0f ns (%.2fx the floor),"
        + " java-otp %5.0f ns (totpkit %.2fx as fast)%n", best[0], best[1], best[1] / best[0], best[2],
        best[2] / best[1]);
    System.out.printf(Locale.ROOT, "SHA1   totpkit failing verify ±1 %5.0f ns (%.2fx the floor), java-otp three"
        + " generations %5.0f ns (totpkit %.2fx as fast)%n", best[3], best[3] / best[0], best[4], best[4] / best[3]);
  }

  private static int generate(TimeBasedOneTimePasswordGenerator generator, Key key, Instant time) {
    try {
      return generator.generateOneTimePassword(key, time);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs the candidates in alternating batches and returns each one's fastest batch, in CPU ns per call. */
  private static double[] compare(IntUnaryOperator... candidates) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] best = new double[candidates.length];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int round = 0; round < ROUNDS; round++) {
      for (int c = 0; c < candidates.length; c++) {
        IntUnaryOperator candidate = candidates[c];
        long sum = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < BATCH; i++) {
          sum += candidate.applyAsInt(i & Fixtures.MASK);
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        sink += sum;
        if (round >= WARM_UP_ROUNDS) {
          best[c] = Math.min(best[c], cpu / (double) BATCH);
        }
      }
    }
    return best;
  }
}
