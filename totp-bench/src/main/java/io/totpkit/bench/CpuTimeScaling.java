package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Totp;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Locale;

/**
 * Threads sharing one {@link Totp}, measured in CPU time per call rather than wall time. On a machine that other
 * builds keep busy, JMH's throughput with two threads says more about the scheduler than about the code; the CPU
 * time each thread spends per call does not count the time it waits for a core, so it shows what sharing the
 * generator costs (cache lines bouncing between cores, slot collisions) on its own. Equal CPU time per call with 1,
 * 2 and 8 threads means the work scales with the cores the machine gives.
 *
 * <p>Run: {@code java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.CpuTimeScaling}
 */
public final class CpuTimeScaling {
  private static final int CALLS = 2_000_000;
  private static volatile long sink;

  private CpuTimeScaling() {}

  public static void main(String[] args) throws InterruptedException {
    Totp totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    Instant[] times = Fixtures.times();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      for (int count : new int[] {1, 2, 8}) {
        double[] cpuPerCall = new double[count];
        Thread[] workers = new Thread[count];
        for (int t = 0; t < count; t++) {
          int index = t;
          workers[t] = new Thread(() -> {
            long sum = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < CALLS; i++) {
              sum += totp.generateInt(times[i & Fixtures.MASK]);
            }
            cpuPerCall[index] = (threads.getCurrentThreadCpuTime() - start) / (double) CALLS;
            sink += sum;
          });
        }
        long wallStart = System.nanoTime();
        for (Thread worker : workers) {
          worker.start();
        }
        for (Thread worker : workers) {
          worker.join();
        }
        double wallMillis = (System.nanoTime() - wallStart) / 1e6;
        double mean = 0;
        for (double cpu : cpuPerCall) {
          mean += cpu / count;
        }
        System.out.printf(Locale.ROOT, "round %d, %d thread(s): %.0f ns CPU per call per thread; wall %.0f ms%n",
            round, count, mean, wallMillis);
      }
    }
  }
}
