package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Counts how many generated pictures of one robustness case decode to the expected texts, and how long the slowest
 * one took, and prints a line for the closing report: {@code dark mode 1080×2340: 12/12, slowest 41 ms}.
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

  DecodeTally(String name) {
    this.name = name;
  }

  void run(int index, Supplier<Attempt> generator) {
    Attempt attempt = generator.get();
    total++;
    long start = System.nanoTime();
    List<String> texts;
    try {
      texts = attempt.decode();
    } catch (QrCodeException e) {
      texts = List.of();
    }
    nanos.add(System.nanoTime() - start);
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
    String line = String.format(Locale.ROOT, "[robustness] %s: %d/%d, slowest %d ms%s", name, decoded, total,
        slowestMillis(), failures.isEmpty() ? "" : ", failed " + failures);
    System.out.println(line);
    assertThat(decoded).as(line).isGreaterThanOrEqualTo(minimum);
  }
}
