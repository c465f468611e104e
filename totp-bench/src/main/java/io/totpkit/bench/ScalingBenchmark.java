package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Totp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one {@link Totp} shared by one thread and by two: the generator keeps no lock, and each thread borrows
 * hashing state from a slot indexed by its id. The floor (two compressions, each thread with its own digest) is run the
 * same way, so the machine's own scaling is in the same run: on a shared 2-core machine, other builds take cores.
 *
 * <p>The same class on virtual threads (JDK 21+):
 * {@code java -jar totp-bench/target/benchmarks.jar ScalingBenchmark -jvmArgsAppend -Djmh.executor=VIRTUAL}.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar ScalingBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ScalingBenchmark {
  /** The generator every thread shares. */
  @State(Scope.Benchmark)
  public static class Shared {
    Totp totp;

    @Setup
    public void setUp() {
      totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    }
  }

  /** Each thread's own walk over the times, and its own floor. */
  @State(Scope.Thread)
  public static class Walk {
    Instant[] times;
    long[] steps;
    Floor floor;
    int next;

    @Setup
    public void setUp() {
      times = Fixtures.times();
      steps = new long[times.length];
      for (int i = 0; i < times.length; i++) {
        steps[i] = times[i].getEpochSecond() / Fixtures.PERIOD;
      }
      floor = new Floor(HmacAlgorithm.SHA1);
    }

    int nextIndex() {
      return next = (next + 1) & Fixtures.MASK;
    }
  }

  @Benchmark
  @Threads(1)
  public int generateIntOneThread(Shared shared, Walk walk) {
    return shared.totp.generateInt(walk.times[walk.nextIndex()]);
  }

  @Benchmark
  @Threads(2)
  public int generateIntTwoThreads(Shared shared, Walk walk) {
    return shared.totp.generateInt(walk.times[walk.nextIndex()]);
  }

  /**
   * More threads than cores, as in a server's request pool: threads are preempted in the middle of an HMAC while
   * holding their slot, so this is where threads whose ids share a slot meet.
   */
  @Benchmark
  @Threads(8)
  public int generateIntEightThreads(Shared shared, Walk walk) {
    return shared.totp.generateInt(walk.times[walk.nextIndex()]);
  }

  @Benchmark
  @Threads(1)
  public int floorOneThread(Walk walk) {
    return walk.floor.twoCompressions(walk.steps[walk.nextIndex()]);
  }

  @Benchmark
  @Threads(2)
  public int floorTwoThreads(Walk walk) {
    return walk.floor.twoCompressions(walk.steps[walk.nextIndex()]);
  }
}
