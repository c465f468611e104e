package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Totp;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * What per-thread hashing state costs when every request runs on a new thread, as with virtual threads (one per
 * request). Each operation starts a thread that computes one code and joins it:
 * <ul>
 *   <li>{@code startJoin}: the thread does nothing; the cost of the thread itself;
 *   <li>{@code totpkit}: {@code Totp.generateInt}, whose hashing state lives in slots indexed by thread id, so a new
 *       thread reuses the state an earlier thread left in its slot;
 *   <li>{@code threadLocal}: the same hand-assembled HMAC with its {@code MessageDigest} in a {@code ThreadLocal}, the
 *       usual confinement: every new thread makes and initialises its own digest, and the map entry dies with it.
 * </ul>
 * The differences from {@code startJoin} are the per-thread costs. {@code kind=virtual} needs JDK 21 or later (it is
 * reached by reflection, because the module compiles for release 17); on JDK 17 pass {@code -p kind=platform}.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar VirtualThreadBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class VirtualThreadBenchmark {
  @Param({"virtual", "platform"})
  public String kind;

  private MethodHandle start;
  private Totp totp;
  private ThreadLocalHmac threadLocal;
  private Instant[] times;
  private int next;
  private volatile int sink;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    if (kind.equals("virtual")) {
      if (Runtime.version().feature() < 21) {
        throw new IllegalStateException("virtual threads need JDK 21 or later; on JDK 17 run with -p kind=platform");
      }
      start = MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
          MethodType.methodType(Thread.class, Runnable.class));
    } else {
      start = MethodHandles.lookup().findStatic(VirtualThreadBenchmark.class, "startPlatformThread",
          MethodType.methodType(Thread.class, Runnable.class));
    }
    totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    threadLocal = new ThreadLocalHmac(Fixtures.rfcKey(HmacAlgorithm.SHA1));
    times = Fixtures.times();
    if (threadLocal.code(totp.step(times[1])) != totp.generateInt(times[1])) {
      throw new IllegalStateException("the ThreadLocal HMAC disagrees with totpkit");
    }
  }

  private static Thread startPlatformThread(Runnable task) {
    Thread thread = new Thread(task);
    thread.start();
    return thread;
  }

  private int run(Runnable task) throws Throwable {
    Thread thread = (Thread) start.invokeExact(task);
    thread.join();
    return sink;
  }

  @Benchmark
  public int startJoin() throws Throwable {
    int i = next = (next + 1) & Fixtures.MASK;
    return run(() -> sink = i);
  }

  @Benchmark
  public int totpkit() throws Throwable {
    Instant time = times[next = (next + 1) & Fixtures.MASK];
    return run(() -> sink = totp.generateInt(time));
  }

  @Benchmark
  public int threadLocal() throws Throwable {
    long step = times[next = (next + 1) & Fixtures.MASK].getEpochSecond() / Fixtures.PERIOD;
    return run(() -> sink = threadLocal.code(step));
  }

  /** HMAC-SHA-1 by hand over a {@code MessageDigest} kept in a {@code ThreadLocal}: the common confinement. */
  static final class ThreadLocalHmac {
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(ThreadLocalHmac::newDigest);
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[20]);

    ThreadLocalHmac(byte[] key) {
      for (int i = 0; i < 64; i++) {
        byte b = i < key.length ? key[i] : 0;
        innerPad[i] = (byte) (b ^ 0x36);
        outerPad[i] = (byte) (b ^ 0x5c);
      }
    }

    private static MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }

    int code(long counter) {
      MessageDigest digest = digests.get();
      byte[] buf = buffers.get();
      Fixtures.writeCounter(buf, counter);
      try {
        digest.update(innerPad);
        digest.update(buf, 0, 8);
        digest.digest(buf, 0, 20);
        digest.update(outerPad);
        digest.update(buf, 0, 20);
        digest.digest(buf, 0, 20);
      } catch (DigestException e) {
        throw new AssertionError(e);
      }
      return Fixtures.truncate(buf, 20) % 1_000_000;
    }
  }
}
