package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Counts how many generated pictures of one robustness case decode to the expected texts, and how long the slowest
 * one took in thread CPU time, and prints a line for the report ({@code dark mode 1080×2340: 12/12, slowest 41 ms}).
 */
final class DecodeTally {
  /** One generated picture: what to decode and which texts it must give, in order. */
  interface Attempt {
    List<String> decode();

    List<String> expected();
  }

  private final String name;
  private final List<Long> nanos = new ArrayList<>();
  private int decoded;
  private int total;
  private final List<String> failures = new ArrayList<>();

  private static boolean warm;

  DecodeTally(String name) {
    this.name = name;
    warmUp();
  }

  /** Decodes a few pictures once per JVM so that the times printed are those of compiled code, not the JIT's. */
  static synchronized void warmUp() {
    if (warm) {
      return;
    }
    java.util.Random random = new java.util.Random(0);
    for (int i = 0; i < 6; i++) {
      java.awt.image.BufferedImage screen = TestImages.screenshot(random, 1080, 2340, i % 2 == 1,
          RobustnessTest.uri(random, i), 3 + i);
      for (java.awt.image.BufferedImage image : List.of(screen, TestImages.scale(screen, 0.45),
          TestImages.screenshot(random, 1080, 2340, i % 2 == 1, new java.awt.image.BufferedImage[0], new int[0][]))) {
        try {
          QrCodes.readText(image);
        } catch (QrCodeException e) {
          // the pictures without a code run the whole ladder; that is the point
        }
      }
    }
    warm = true;
  }

  void run(int index, Supplier<Attempt> generator) {
    Attempt attempt = generator.get();
    total++;
    // Thread CPU time rather than wall-clock time: the build machines are shared with other builds.
    long start = CpuClock.nanos();
    List<String> texts;
    try {
      texts = attempt.decode();
    } catch (QrCodeException e) {
      texts = List.of();
    }
    nanos.add(CpuClock.nanos() - start);
    if (texts.equals(attempt.expected())) {
      decoded++;
    } else {
      failures.add("#" + index + (texts.isEmpty() ? " (nothing)" : " (" + texts.size() + " texts)"));
    }
  }

  long slowestMillis() {
    return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
  }

  /** Prints the line and checks that at least {@code minimum} of the pictures decoded. */
  void assertAtLeast(int minimum) {
    String line = String.format(Locale.ROOT, "[robustness] %s: %d/%d, slowest %d ms CPU%s", name, decoded, total,
        slowestMillis(), failures.isEmpty() ? "" : ", failed " + failures);
    System.out.println(line);
    assertThat(decoded).as(line).isGreaterThanOrEqualTo(minimum);
  }
}
