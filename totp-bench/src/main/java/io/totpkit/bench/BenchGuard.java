package io.totpkit.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The CI guard: a short JMH run that fails the build when the hot path regresses, by rules that do not depend on
 * the machine's speed.
 * <ol>
 *   <li>{@code Totp.generateInt} allocates nothing (SHA-1, SHA-256, SHA-512);
 *   <li>a failing verification with a ±1 window, the in-memory replay guard and limiter in place, allocates nothing;
 *   <li>{@code Totp.generateInt} (SHA-1) takes at most {@value #MAX_RATIO_TO_MAC} times as long as a cached JCA
 *       {@code Mac} measured in the same run: that catches a return to per-call key setup (several times slower)
 *       without flapping when other builds share the machine.
 * </ol>
 * "Allocates nothing" is read from JMH's GC profiler ({@code gc.alloc.rate.norm}) as under {@value #MAX_BYTES_PER_CALL}
 * bytes per call: the smallest object is 16 bytes, so one object every eight calls fails, while JMH's own
 * bookkeeping (about 6 KB per iteration, spread over the calls) stays far below it even on a loaded machine. Times are compared
 * by each benchmark's fastest iteration: other processes only ever add time, so the minimum is the estimate they
 * disturb least. No absolute time is checked.
 *
 * <p>Run (after {@code ./mvnw -B verify}): {@code java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.BenchGuard}.
 * It takes about a minute and exits with status 1 and one line per broken rule.
 */
public final class BenchGuard {
  static final double MAX_BYTES_PER_CALL = 2.0;
  static final double MAX_RATIO_TO_MAC = 1.5;
  private static final String PEER = "^" + Pattern.quote(PeerBenchmark.class.getName() + ".");
  private static final String BASELINE = "^" + Pattern.quote(HashBaselineBenchmark.class.getName() + ".");

  private BenchGuard() {}

  public static void main(String[] args) throws RunnerException {
    // JMH refuses to start while another JMH run holds /tmp/jmh.lock; on a machine shared with other people's
    // benchmarks that would fail CI for no fault of the code. The rules above are built to bear the extra load.
    System.setProperty("jmh.ignoreLock", "true");
    long started = System.nanoTime();
    List<RunResult> results = new ArrayList<>();
    // The ratio rule: the cached Mac and totpkit alternate over two forks each, so a burst of load on the machine is
    // unlikely to fall on one of them only; the failing verification needs one fork.
    results.addAll(run(PEER + "(cachedMac|totpkitGenerateInt)$", 2));
    results.addAll(run(PEER + "totpkitVerifyMiss$", 1));
    results.addAll(run(BASELINE + "totpkitGenerateInt$", 1, "SHA256", "SHA512"));

    List<String> broken = new ArrayList<>();
    double mac = Double.NaN;
    double generate = Double.NaN;
    System.out.println();
    System.out.println("BenchGuard: measured (best iteration, ns/op; allocation, B/op)");
    for (RunResult result : results) {
      BenchmarkParams params = result.getParams();
      String name = params.getBenchmark().substring(BenchGuard.class.getPackageName().length() + 1);
      String algorithm = params.getParamsKeys().contains("algorithm") ? params.getParam("algorithm") : "SHA1";
      String label = name + " [" + algorithm + "]";
      double best = best(result);
      double bytes = allocatedBytesPerCall(result);
      System.out.printf(Locale.ROOT, "  %-48s %10.1f ns/op %10.3f B/op%n", label, best, bytes);
      if (name.endsWith(".cachedMac")) {
        mac = best;
        continue;
      }
      if (!(bytes < MAX_BYTES_PER_CALL)) {
        broken.add(String.format(Locale.ROOT, "%s allocates %.3f B/op; it must allocate nothing (< %.1f B/op)",
            label, bytes, MAX_BYTES_PER_CALL));
      }
      if (name.equals("PeerBenchmark.totpkitGenerateInt")) {
        generate = best;
      }
    }
    double ratio = generate / mac;
    System.out.printf(Locale.ROOT, "  generateInt / cached Mac (SHA-1) = %.2f (at most %.2f)%n", ratio,
        MAX_RATIO_TO_MAC);
    if (!(ratio <= MAX_RATIO_TO_MAC)) {
      broken.add(String.format(Locale.ROOT, "Totp.generateInt takes %.2f times as long as a cached JCA Mac"
          + " (%.1f vs %.1f ns/op); at most %.2f is allowed: is the key set up on every call again?", ratio,
          generate, mac, MAX_RATIO_TO_MAC));
    }
    System.out.printf(Locale.ROOT, "BenchGuard: %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
    if (!broken.isEmpty()) {
      System.err.println("BenchGuard FAILED:");
      broken.forEach(line -> System.err.println("  - " + line));
      System.exit(1);
    }
    System.out.println("BenchGuard passed: no allocation on the hot path, generateInt within "
        + MAX_RATIO_TO_MAC + "x of a cached Mac.");
  }

  private static Collection<RunResult> run(String pattern, int forks, String... algorithms) throws RunnerException {
    OptionsBuilder builder = new OptionsBuilder();
    builder.include(pattern)
        .forks(forks)
        .warmupIterations(4)
        .warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(5)
        .measurementTime(TimeValue.milliseconds(500))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
    if (algorithms.length > 0) {
      builder.param("algorithm", algorithms);
    }
    Options options = builder.build();
    return new Runner(options).run();
  }

  /** The fastest measured iteration, over all forks. */
  private static double best(RunResult result) {
    double best = Double.POSITIVE_INFINITY;
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        best = Math.min(best, iteration.getPrimaryResult().getScore());
      }
    }
    return best;
  }

  private static double allocatedBytesPerCall(RunResult result) {
    for (Map.Entry<String, Result> entry : result.getAggregatedResult().getSecondaryResults().entrySet()) {
      if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
        return entry.getValue().getScore();
      }
    }
    throw new IllegalStateException("no gc.alloc.rate.norm for " + result.getParams().getBenchmark()
        + ": the GC profiler did not run");
  }
}
