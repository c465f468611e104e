package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * For each hash, side by side: the floor (two compressions through {@code MessageDigest}), a cached and initialised
 * JCA {@code Mac} with truncation, and totpkit's {@code Totp.generateInt} (6 digits). The SHA-256 and SHA-512 targets
 * are read here: totpkit no slower than a cached {@code Mac} of the same hash, and allocating nothing.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar HashBaselineBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class HashBaselineBenchmark {
  @Param({"SHA1", "SHA256", "SHA512"})
  public HmacAlgorithm algorithm;

  private Secret secret;
  private Floor floor;
  private CachedMac mac;
  private Totp totp;
  private Instant[] times;
  private long[] steps;
  private int next;

  @Setup
  public void setUp() {
    secret = Fixtures.secret(algorithm);
    floor = new Floor(algorithm);
    mac = new CachedMac(algorithm, Fixtures.rfcKey(algorithm), 6);
    totp = Totp.builder(Fixtures.secret(algorithm)).algorithm(algorithm).build();
    times = Fixtures.times();
    steps = new long[times.length];
    for (int i = 0; i < times.length; i++) {
      steps[i] = totp.step(times[i]);
      if (mac.code(steps[i]) != totp.generateInt(times[i])) {
        throw new IllegalStateException("the cached Mac and totpkit disagree at " + times[i]);
      }
    }
  }

  private int nextIndex() {
    return next = (next + 1) & Fixtures.MASK;
  }

  @Benchmark
  public int floor() {
    return floor.twoCompressions(steps[nextIndex()]);
  }

  @Benchmark
  public int cachedMac() {
    return mac.code(steps[nextIndex()]);
  }

  @Benchmark
  public int totpkitGenerateInt() {
    return totp.generateInt(times[nextIndex()]);
  }

  /**
   * A generator built for one request and used once, as a service does that loads each account's secret when the
   * user logs in: the key's pads are computed, then one code.
   */
  @Benchmark
  public int buildAndGenerateInt() {
    return Totp.builder(secret).algorithm(algorithm).build().generateInt(times[nextIndex()]);
  }
}
