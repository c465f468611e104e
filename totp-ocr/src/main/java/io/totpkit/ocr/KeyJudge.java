package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what a key's readings say: the best reading, and which of its characters are in doubt.
 *
 * <p>Tesseract's confidence alone does not tell a right character from a wrong one: reading a line, its network
 * leans on the characters around each one, and in some fonts it reads a 5 among capitals as S, a 6 as G, a q as g,
 * with 99 % confidence and no second choice. So a character counts as certain only when independent readings agree
 * on it: the line read at two sizes, the glyph read alone (no neighbours to lean on), and the first pass without the
 * whitelist. A character is in doubt when
 * <ul>
 *   <li>a line reading has another character there, or none, or an extra one beside it;</li>
 *   <li>the glyph read alone is another character, or cannot be read alone at all;</li>
 *   <li>the first pass, when it read as many characters, has another character there;</li>
 *   <li>Tesseract wrote two look-alikes for the one glyph ({@code 5S} in a group of five);</li>
 *   <li>a line reading is not confident of it ({@link #MIN_CONFIDENCE}) or rated another Base32 character as a
 *       close second ({@link #RIVAL_CONFIDENCE}) — unless the glyph read alone confirms it confidently: such
 *       hesitation comes from the neighbours, which the lone reading does not see.</li>
 * </ul>
 * The groups of four are checked too: a group of three or five means a lost or an extra character; and a key that
 * may go on in a line the first pass could not read ({@link KeyReadings#complete}) is never certain. The thresholds
 * were set on rendered setup screens (module README): on 400 of them no character passed all of these checks wrong.
 */
final class KeyJudge {
  /** Below this confidence (0 to 100) in any line reading a character is in doubt. */
  static final float MIN_CONFIDENCE = 90;
  /** An alternative a line reading rated this high (0 to 100) puts the character in doubt. */
  static final float RIVAL_CONFIDENCE = 10;
  /** A glyph read alone this confidently (0 to 100) confirms a line reading that hesitated. */
  static final float CONFIRMING_CONFIDENCE = 95;
  /** ...unless the line reading was below this confidence. */
  static final float WAIVED_CONFIDENCE = 60;
  /** Fewer characters than this is no key at all. */
  static final int MIN_LENGTH = 12;

  /** Why a position is in doubt, as bits (any makes it doubtful; only the waiver clears some). */
  static final int LINES_DISAGREE = 1;
  static final int LINE_GAP = 2;
  static final int LOW_CONFIDENCE = 4;
  static final int RIVAL = 8;
  static final int ALONE_DIFFERS = 16;
  static final int ALONE_SILENT = 32;
  static final int FIRST_PASS_DIFFERS = 64;
  static final int DOUBLED = 128;

  private KeyJudge() {}

  /**
   * Judges the readings of one key.
   *
   * @return the key, or {@code null} when the readings hold no key-sized text
   */
  static PrintedKey judge(KeyReadings readings) {
    Weighing weighing = weigh(readings);
    return weighing == null ? null : weighing.key();
  }

  private static final class Weighing {
    final String best;
    final int[] reasons;
    /** Per position, what each character read there has for it: readers that chose it, and its best confidence. */
    final List<Map<Character, double[]>> votes = new ArrayList<>();
    boolean intact;
    double lowest = 100;
    final double[] lowestAt;

    Weighing(String best, boolean intact) {
      this.best = best;
      this.reasons = new int[best.length()];
      this.lowestAt = new double[best.length()];
      Arrays.fill(lowestAt, 100);
      this.intact = intact;
      for (int i = 0; i < best.length(); i++) {
        votes.add(new LinkedHashMap<>());
      }
    }

    /** Records a reading of {@code character} at {@code position}: by a reader, or as a reader's second choice. */
    void vote(int position, char character, double confidence, boolean chosen) {
      if (Confusables.isBase32(character)) {
        double[] support = votes.get(position).computeIfAbsent(character, c -> new double[2]);
        support[0] += chosen ? 1 : 0;
        support[1] = Math.max(support[1], confidence);
      }
    }

    /** The key: at each doubtful position the character most readers chose, the others as its alternatives. */
    PrintedKey key() {
      char[] candidate = best.toCharArray();
      List<PrintedKey.Doubt> doubts = new ArrayList<>();
      for (int i = 0; i < candidate.length; i++) {
        if (reasons[i] != 0) {
          PrintedKey.Doubt doubt = doubt(i, best.charAt(i), votes.get(i));
          candidate[i] = doubt.options[0];
          doubts.add(doubt);
        }
      }
      return new PrintedKey(new String(candidate), Math.max(0, lowest) / 100, intact, doubts);
    }
  }

  private static Weighing weigh(KeyReadings readings) {
    List<List<Glyph>> usable = new ArrayList<>();
    for (List<Glyph> reading : readings.lines) {
      if (reading.size() >= MIN_LENGTH && text(reading).chars().allMatch(c -> Confusables.isBase32((char) c))) {
        usable.add(undoubled(reading));
      }
    }
    if (usable.isEmpty()) {
      return null;
    }
    String seen = Confusables.normalise(String.join("", readings.firstPass), readings.lowerCase);
    List<Glyph> primary = primary(usable, seen.length());
    String best = text(primary);
    boolean intact = groupsIntact(primary) && readings.complete;
    if (lostOrGained(best, seen)) {
      // Every line reading lost (or gained) a character the first pass has: its reading is the better guess, with
      // the character the others lack in doubt. Never certain: a repair is a guess.
      best = seen;
      intact = false;
    }
    Weighing weighing = new Weighing(best, intact);
    for (int i = 0; i < primary.size() && best.length() == primary.size(); i++) {
      if (primary.get(i).doubled) {
        weighing.reasons[i] |= DOUBLED;
      }
    }
    for (List<Glyph> reading : usable) {
      weighLine(weighing, reading);
    }
    weighAlone(weighing, readings);
    if (seen.length() == best.length()) {
      for (int i = 0; i < seen.length(); i++) {
        char other = seen.charAt(i);
        if (other != best.charAt(i)) {
          weighing.reasons[i] |= FIRST_PASS_DIFFERS;
          weighing.vote(i, other, 1, true);
        }
      }
    }
    return weighing;
  }

  private static void weighLine(Weighing weighing, List<Glyph> reading) {
    String best = weighing.best;
    int[] aligned = Alignment.align(best, text(reading));
    for (int i = 0; i < best.length(); i++) {
      if (aligned[i] < 0) {
        weighing.reasons[i] |= LINE_GAP;   // this reading has no character here, or an extra one next to it
        weighing.intact = false;
        continue;
      }
      Glyph glyph = reading.get(aligned[i]);
      char read = Character.toUpperCase(glyph.best);
      weighing.lowest = Math.min(weighing.lowest, glyph.confidence);
      weighing.lowestAt[i] = Math.min(weighing.lowestAt[i], glyph.confidence);
      weighing.vote(i, read, glyph.confidence, true);
      if (read != best.charAt(i)) {
        weighing.reasons[i] |= LINES_DISAGREE;
      }
      if (glyph.confidence < MIN_CONFIDENCE) {
        weighing.reasons[i] |= LOW_CONFIDENCE;
      }
      for (Glyph.Choice choice : glyph.choices) {
        char other = Character.toUpperCase(choice.character);
        if (other != read && Confusables.isBase32(other) && choice.confidence >= RIVAL_CONFIDENCE) {
          weighing.reasons[i] |= RIVAL;
          weighing.vote(i, other, choice.confidence, false);
        }
      }
    }
  }

  /** The glyphs read alone belong to the first line reading; they are mapped onto the best one through it. */
  private static void weighAlone(Weighing weighing, KeyReadings readings) {
    String best = weighing.best;
    int[] aligned = Alignment.align(best, text(readings.lines.get(0)));
    for (int i = 0; i < best.length(); i++) {
      Glyph alone = aligned[i] < 0 ? null : readings.isolated.get(aligned[i]);
      char read = best.charAt(i);
      if (alone == null) {
        weighing.reasons[i] |= ALONE_SILENT;   // nothing but the line readings vouches for it
        continue;
      }
      char other = Character.toUpperCase(alone.best);
      weighing.vote(i, other, alone.confidence, true);
      if (other != read) {
        weighing.reasons[i] |= ALONE_DIFFERS;
      } else if (alone.confidence >= CONFIRMING_CONFIDENCE && weighing.lowestAt[i] >= WAIVED_CONFIDENCE) {
        // A hesitant line reading confirmed without context: the doubt was the line's neighbours', not the glyph's.
        weighing.reasons[i] &= ~(LOW_CONFIDENCE | RIVAL);
      }
    }
  }

  /**
   * Whether the best line reading is a character off a usual length that the first pass, read as Base32, has: a thin
   * glyph the whitelisted readings dropped ({@code l} at the start of a group), or a stray one they added.
   */
  private static boolean lostOrGained(String best, String seen) {
    return !PrintedKey.USUAL_LENGTHS.contains(best.length()) && PrintedKey.USUAL_LENGTHS.contains(seen.length())
        && Math.abs(seen.length() - best.length()) == 1 && seen.chars().allMatch(c -> Confusables.isBase32((char) c));
  }

  /**
   * Undoes the commonest way a reading gains a character: Tesseract torn between two look-alikes writes both (the
   * group {@code 5PUX} read as {@code 5SPUX}). In a group of five, the first adjacent pair of look-alikes becomes one
   * character, the likelier of the two, with the other as its alternative, in doubt.
   */
  private static List<Glyph> undoubled(List<Glyph> reading) {
    List<Glyph> out = new ArrayList<>(reading);
    int start = 0;
    for (int i = 1; i <= out.size(); i++) {
      if (i < out.size() && !out.get(i).startsWord) {
        continue;
      }
      if (i - start == 5) {
        for (int j = start; j + 1 < i; j++) {
          Glyph a = out.get(j);
          Glyph b = out.get(j + 1);
          char x = Character.toUpperCase(a.best);
          char y = Character.toUpperCase(b.best);
          if (x != y && Confusables.alike(x).indexOf(y) >= 0) {
            Glyph kept = a.confidence >= b.confidence ? a : b;
            Glyph dropped = kept == a ? b : a;
            List<Glyph.Choice> choices = new ArrayList<>(kept.choices);
            choices.add(0, new Glyph.Choice(dropped.best, dropped.confidence));
            out.set(j, new Glyph(kept.best, Math.min(a.confidence, b.confidence), choices, a.startsWord,
                true));
            out.remove(j + 1);
            i--;
            break;
          }
        }
      }
      start = i;
    }
    return out;
  }

  /**
   * The reading to correct the others against: of a usual key length if any is, then the one whose length most
   * other readings (and the first pass) share, then the one read with the most confidence.
   */
  private static List<Glyph> primary(List<List<Glyph>> readings, int firstPassLength) {
    List<Glyph> primary = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (List<Glyph> reading : readings) {
      int same = reading.size() == firstPassLength ? 1 : 0;
      for (List<Glyph> other : readings) {
        same += other.size() == reading.size() ? 1 : 0;
      }
      double confidence = reading.stream().mapToDouble(glyph -> glyph.confidence).average().orElse(0);
      double score = (PrintedKey.USUAL_LENGTHS.contains(reading.size()) ? 1000 : 0) + same * 100 + confidence / 100;
      if (score > bestScore) {
        bestScore = score;
        primary = reading;
      }
    }
    return primary;
  }

  private static String text(List<Glyph> glyphs) {
    StringBuilder text = new StringBuilder(glyphs.size());
    for (Glyph glyph : glyphs) {
      text.append(Character.toUpperCase(glyph.best));
    }
    return text.toString();
  }

  /**
   * Whether the reading's groups are four characters each but the last, of one to four; a key read as one word (printed
   * without spaces) has no groups to check.
   */
  private static boolean groupsIntact(List<Glyph> glyphs) {
    List<Integer> groups = new ArrayList<>();
    for (Glyph glyph : glyphs) {
      if (glyph.startsWord || groups.isEmpty()) {
        groups.add(0);
      }
      groups.set(groups.size() - 1, groups.get(groups.size() - 1) + 1);
    }
    if (groups.size() <= 1 || groups.stream().anyMatch(size -> size > 8)) {
      return true;   // one run, or a key printed without spaces that a line break cut
    }
    for (int g = 0; g < groups.size() - 1; g++) {
      if (groups.get(g) != 4) {
        return false;
      }
    }
    return groups.get(groups.size() - 1) <= 4;
  }

  /**
   * The options at a doubtful position, likeliest first: the characters read there by the most readers (the line
   * readings, the glyph alone, the first pass), then by confidence, then the second choices, then the look-alikes of
   * the first. Weights for {@link PrintedKey#candidates()} are shares of that support.
   */
  private static PrintedKey.Doubt doubt(int position, char read, Map<Character, double[]> votes) {
    List<Map.Entry<Character, double[]>> ranked = new ArrayList<>(votes.entrySet());
    ranked.sort(Comparator.comparingDouble((Map.Entry<Character, double[]> vote) -> vote.getValue()[0])
        .thenComparingDouble(vote -> vote.getValue()[1]).reversed());
    List<Character> options = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Map.Entry<Character, double[]> vote : ranked) {
      options.add(vote.getKey());
      weights.add(vote.getValue()[0] + vote.getValue()[1] / 100);
    }
    if (options.isEmpty()) {
      options.add(read);
      weights.add(1.0);
    }
    for (char alike : Confusables.alike(options.get(0)).toCharArray()) {
      if (!options.contains(alike)) {
        options.add(alike);
        weights.add(0.0);
      }
    }
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    char[] chars = new char[options.size()];
    double[] shares = new double[options.size()];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = options.get(i);
      shares[i] = Math.max(0.005, weights.get(i) / Math.max(1e-9, total));
    }
    return new PrintedKey.Doubt(position, chars, shares);
  }
}
