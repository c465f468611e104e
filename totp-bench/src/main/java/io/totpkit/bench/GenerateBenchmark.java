package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Hotp;
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
 * totpkit's generation across the matrix: TOTP and HOTP, SHA-1/256/512, 6 and 8 digits, the number
 * ({@code generateInt}, the allocation-free hot path) and the text ({@code generate}, one String). The baselines for
 * each hash are in {@link HashBaselineBenchmark}; the peers, for SHA-1, in {@link PeerBenchmark}.
 *
 * <p>Inputs are precomputed: {@value Fixtures#TIMES} times one step apart (TOTP) and as many counters (HOTP), walked
 * in turn.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar GenerateBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class GenerateBenchmark {
  @Param({"SHA1", "SHA256", "SHA512"})
  public HmacAlgorithm algorithm;

  @Param({"6", "8"})
  public int digits;

  private Totp totp;
  private Hotp hotp;
  private Instant[] times;
  private long[] counters;
  private int next;

  @Setup
  public void setUp() {
    totp = Totp.builder(Fixtures.secret(algorithm)).algorithm(algorithm).digits(digits).build();
    hotp = Hotp.builder(Fixtures.secret(algorithm)).algorithm(algorithm).digits(digits).build();
    times = Fixtures.times();
    counters = new long[Fixtures.TIMES];
    for (int i = 0; i < counters.length; i++) {
      counters[i] = 1_000_000L + i;
    }
  }

  private int nextIndex() {
    return next = (next + 1) & Fixtures.MASK;
  }

  @Benchmark
  public int totpGenerateInt() {
    return totp.generateInt(times[nextIndex()]);
  }

  @Benchmark
  public String totpGenerate() {
    return totp.generate(times[nextIndex()]);
  }

  @Benchmark
  public int hotpGenerateInt() {
    return hotp.generateInt(counters[nextIndex()]);
  }

  @Benchmark
  public String hotpGenerate() {
    return hotp.generate(counters[nextIndex()]);
  }
}
