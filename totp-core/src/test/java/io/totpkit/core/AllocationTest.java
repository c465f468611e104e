package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path allocates nothing: {@link Totp#generateInt(Instant)} over many calls, measured by HotSpot's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean}, reached by reflection because this module reads
 * {@code java.base} alone). JMH's {@code -prof gc} gives the same figure in the benchmarks.
 */
class AllocationTest {
  @ParameterizedTest
  @EnumSource(HmacAlgorithm.class)
  void generateInt_afterWarmUp_allocatesNothing(HmacAlgorithm algorithm) throws ReflectiveOperationException {
    Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
        .invoke(null);
    Class<?> hotSpotBean = Class.forName("com.sun.management.ThreadMXBean");
    assumeTrue(hotSpotBean.isInstance(threads), "needs HotSpot's allocation counter");
    Method allocatedBytes = hotSpotBean.getMethod("getThreadAllocatedBytes", long.class);

    Totp totp = Totp.builder(Secret.generate(algorithm)).algorithm(algorithm).digits(8).build();
    Instant[] times = new Instant[1024];
    for (int i = 0; i < times.length; i++) {
      times[i] = Instant.ofEpochSecond(1_700_000_000L + 30L * i);
    }
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += totp.generateInt(times[i & 1023]);
    }
    long thread = Thread.currentThread().getId();
    int calls = 100_000;
    long before = (Long) allocatedBytes.invoke(threads, thread);
    for (int i = 0; i < calls; i++) {
      sink += totp.generateInt(times[i & 1023]);
    }
    long allocated = (Long) allocatedBytes.invoke(threads, thread) - before;
    assertThat(sink).isNotZero();
    // Zero per call; a little slack for the reflective call that reads the counter.
    assertThat(allocated).as("bytes allocated by %d calls", calls).isLessThan(1_000);
  }
}
