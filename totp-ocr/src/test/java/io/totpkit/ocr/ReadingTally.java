package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts how the pictures of one kind read — exact and certain, flagged with the key as the best reading, flagged with
 * the key among the candidates, flagged without it, nothing found, and wrong without a flag (which must never happen)
 * — with the time each took, and prints a line for the module's README.
 */
final class ReadingTally {
  enum Outcome {
    EXACT_CERTAIN("exact and certain"),
    FLAGGED_EXACT("flagged, best reading exact"),
    FLAGGED_IN_CANDIDATES("flagged, key among the candidates"),
    FLAGGED_ELSEWHERE("flagged, key not among them"),
    NOTHING_FOUND("nothing found"),
    WRONG_UNFLAGGED("WRONG WITHOUT A FLAG");

    final String description;

    Outcome(String description) {
      this.description = description;
    }
  }

  private final String name;
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private final List<Long> millis = new ArrayList<>();
  final List<String> wrong = new ArrayList<>();

  ReadingTally(String name) {
    this.name = name;
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0);
    }
  }

  /** Classifies a reading of a picture whose key is {@code key}; {@code read} is {@code null} for nothing found. */
  static Outcome outcome(PrintedKey read, String key) {
    if (read == null) {
      return Outcome.NOTHING_FOUND;
    }
    if (read.certain()) {
      return read.candidate().equals(key) ? Outcome.EXACT_CERTAIN : Outcome.WRONG_UNFLAGGED;
    }
    if (read.candidate().equals(key)) {
      return Outcome.FLAGGED_EXACT;
    }
    return read.candidates().contains(key) ? Outcome.FLAGGED_IN_CANDIDATES : Outcome.FLAGGED_ELSEWHERE;
  }

  void add(Outcome outcome, long elapsedMillis, String picture) {
    counts.merge(outcome, 1, Integer::sum);
    millis.add(elapsedMillis);
    if (outcome == Outcome.WRONG_UNFLAGGED) {
      wrong.add(picture);
    }
  }

  void addAll(ReadingTally other) {
    other.counts.forEach((outcome, count) -> counts.merge(outcome, count, Integer::sum));
    millis.addAll(other.millis);
    wrong.addAll(other.wrong);
  }

  int total() {
    return millis.size();
  }

  int count(Outcome outcome) {
    return counts.get(outcome);
  }

  long medianMillis() {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  long worstMillis() {
    return millis.stream().mapToLong(Long::longValue).max().orElse(0);
  }

  void print() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[ocr] %s, %d pictures:", name, total()));
    for (Outcome outcome : Outcome.values()) {
      line.append(String.format(Locale.ROOT, " %s %d (%.0f %%);", outcome.description, count(outcome),
          100.0 * count(outcome) / total()));
    }
    line.append(String.format(Locale.ROOT, " median %d ms, worst %d ms", medianMillis(), worstMillis()));
    System.out.println(line);
  }
}
