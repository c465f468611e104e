package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What was read of one key: the whitelisted readings of its lines at each size, the reading of each glyph of the
 * first of them on its own, and the first pass's words. These are characters of a secret: {@link #toString()} shows
 * counts only.
 */
final class KeyReadings {
  /** The line readings, one per size, each the key's glyphs in order. */
  final List<List<Glyph>> lines;
  /** One entry per glyph of {@code lines.get(0)}: the glyph read alone, or {@code null} when nothing was read. */
  final List<Glyph> isolated;
  /** The first pass's words where the key is. */
  final List<String> firstPass;
  final boolean lowerCase;
  /** Whether nothing around the key suggests a line of it that was not found ({@link KeyLineFinder.Found}). */
  final boolean complete;

  KeyReadings(List<List<Glyph>> lines, List<Glyph> isolated, List<String> firstPass, boolean lowerCase,
      boolean complete) {
    if (lines.isEmpty() || isolated.size() != lines.get(0).size()) {
      throw new AssertionError("one isolated reading per glyph of the first line reading");
    }
    this.lines = List.copyOf(lines);
    this.isolated = Collections.unmodifiableList(new ArrayList<>(isolated));   // holds nulls
    this.firstPass = List.copyOf(firstPass);
    this.lowerCase = lowerCase;
    this.complete = complete;
  }

  @Override
  public String toString() {
    return "KeyReadings[" + lines.size() + " line readings, " + isolated.size() + " glyphs read alone]";
  }
}
