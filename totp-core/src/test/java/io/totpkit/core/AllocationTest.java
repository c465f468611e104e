package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path allocates nothing: {@link Totp#generateInt(Instant)} over many calls, measured by HotSpot's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean}, reached by reflection because this module reads
 * {@code java.base} alone). JMH's {@code -prof gc} gives the same figure in the benchmarks.
 */
class AllocationTest {
  /** Reads this thread's allocated-bytes counter. */
  private static final class AllocationCounter {
    private final Object threads;
    private final Method allocatedBytes;

    AllocationCounter() throws ReflectiveOperationException {
      threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      Class<?> hotSpotBean = Class.forName("com.sun.management.ThreadMXBean");
      assumeTrue(hotSpotBean.isInstance(threads), "needs HotSpot's allocation counter");
      allocatedBytes = hotSpotBean.getMethod("getThreadAllocatedBytes", long.class);
    }

    long read() throws ReflectiveOperationException {
      return (Long) allocatedBytes.invoke(threads, Thread.currentThread().getId());
    }
  }

  @ParameterizedTest
  @EnumSource(HmacAlgorithm.class)
  void generateInt_afterWarmUp_allocatesNothing(HmacAlgorithm algorithm) throws ReflectiveOperationException {
    AllocationCounter counter = new AllocationCounter();
    Totp totp = Totp.builder(Secret.generate(algorithm)).algorithm(algorithm).digits(8).build();
    Instant[] times = new Instant[1024];
    for (int i = 0; i < times.length; i++) {
      times[i] = Instant.ofEpochSecond(1_700_000_000L + 30L * i);
    }
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += totp.generateInt(times[i & 1023]);
    }
    int calls = 100_000;
    long before = counter.read();
    for (int i = 0; i < calls; i++) {
      sink += totp.generateInt(times[i & 1023]);
    }
    long allocated = counter.read() - before;
    assertThat(sink).isNotZero();
    // Zero per call; a little slack for the reflective call that reads the counter.
    assertThat(allocated).as("bytes allocated by %d calls", calls).isLessThan(1_000);
  }

  /** A wrong code with a ±1 window: three HMACs, the limiter counting the failure, and no garbage. */
  @Test
  void verify_failingWithWindowAndLimiter_allocatesNothing() throws ReflectiveOperationException {
    AllocationCounter counter = new AllocationCounter();
    Totp totp = Totp.builder(Secret.generate(HmacAlgorithm.SHA1)).build();
    AttemptLimiter limiter = AttemptLimiter.inMemory(100, Duration.ofMinutes(1));
    TotpVerifier verifier = TotpVerifier.builder(totp).window(1, 1).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(limiter).build();
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    String wrong = IntStream.range(0, 1_000_000).mapToObj(i -> String.format("%06d", i))
        .filter(code -> verifier.verify("probe", code, now).status() != Verification.Status.ACCEPTED)
        .findFirst().orElseThrow();
    limiter.reset("probe");
    int misses = 0;
    for (int i = 0; i < 100_000; i++) {
      misses += verifier.verify("alice", wrong, now) == Verification.rejected() ? 1 : 0;
      if (i % 50 == 49) {
        limiter.reset("alice");   // stay below the lockout: measure the miss, not the throttled path
      }
    }
    int calls = 50_000;
    long before = counter.read();
    for (int i = 0; i < calls; i++) {
      misses += verifier.verify("alice", wrong, now) == Verification.rejected() ? 1 : 0;
      if (i % 50 == 49) {
        limiter.reset("alice");
      }
    }
    long allocated = counter.read() - before;
    assertThat(misses).isEqualTo(150_000);
    assertThat(allocated).as("bytes allocated by %d failing verifications", calls).isLessThan(1_000);
  }
}
