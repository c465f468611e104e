package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the printed key among the lines of a first, unrestricted OCR pass: runs of words that look like Base32 —
 * letters of one case and digits, mostly no English words — either in groups of about four ({@code JBSW Y3DP EHPK})
 * or in one long run ({@code JBSWY3DPEHPK3PXP}), followed by the lines that continue them when the key wraps. Words in
 * mixed case or with punctuation ("Copy", "Enter this key:", "9:41") end a run, and runs made mostly of dictionary
 * words are sentences, so the key is told apart from the instructions around it and from the noise OCR makes of the
 * QR code. Single stray marks OCR puts on a group ({@code JOI)}, {@code fépc}) are tolerated.
 */
final class KeyLineFinder {
  /** Letters whose capital and small forms look alike, so OCR's case for them says nothing; | ! $ are I, l and S. */
  private static final String CASELESS = "CcOoSsUuVvWwXxZzKkPpIl|!$";
  /** What OCR reads for a stroke of I, J or L, or the curve of an S, in a word of a key. */
  private static final String NOISE = "()[]{}/\\!|$";
  /** The shortest run of characters that may start a key; the shortest key in use has 16. */
  private static final int MIN_START = 8;
  /** The shortest single word taken for a key printed without spaces. */
  private static final int MIN_RUN_WORD = 10;
  /** The most keys tried in one picture, best first. */
  static final int MAX_KEYS = 3;
  /** The longest key taken, in characters: twice the longest in use (52), so that hostile pictures stay cheap. */
  static final int MAX_CHARACTERS = 104;
  /** The widest gap, in row heights, between two rows of one key that each look like a key. */
  private static final int WIDE_GAP = 3;
  /** How far, in row heights, a row that looks like a key makes a key beside it incomplete. */
  private static final int FAR_GAP = 6;

  private KeyLineFinder() {}

  /** A run of key-like words in one line, in the coordinates of the picture the lines were read from. */
  static final class Span {
    final int left;
    final int top;
    final int right;
    final int bottom;
    /** The right edge of the word before the run, or -1: a crop must not reach into it. */
    final int clipLeft;
    /** The left edge of the word after the run, or {@link Integer#MAX_VALUE}. */
    final int clipRight;
    /** The first pass's reading of each word: a third opinion on length and grouping, never trusted alone. */
    final List<String> words;

    Span(List<TextLine.Word> run, int clipLeft, int clipRight) {
      this.left = run.stream().mapToInt(w -> w.left).min().orElseThrow();
      this.top = run.stream().mapToInt(w -> w.top).min().orElseThrow();
      this.right = run.stream().mapToInt(w -> w.right).max().orElseThrow();
      this.bottom = run.stream().mapToInt(w -> w.bottom).max().orElseThrow();
      this.clipLeft = clipLeft;
      this.clipRight = clipRight;
      this.words = run.stream().map(w -> w.text).toList();
    }

    int height() {
      return bottom - top;
    }

    int characters() {
      return words.stream().mapToInt(String::length).sum();
    }

    @Override
    public String toString() {
      return "Span[" + left + "," + top + "–" + right + "," + bottom + ", " + words.size() + " words]";
    }
  }

  /** A likely key: its spans in reading order, one per line, and what the lines around it say about it. */
  static final class Found {
    final List<Span> spans;
    /**
     * Whether nothing suggests a line of the key the first pass could not read: the key's last line is not full
     * (the next group would have fitted), and no line just above or below it, aligned with it and of its height,
     * is mostly not English (what OCR makes of a line of a key it cannot read).
     */
    final boolean complete;
    /** Whether the key is mostly in small letters, as Google prints it: the second pass then reads small letters. */
    final boolean lowerCase;

    Found(List<Span> spans, boolean complete) {
      this.spans = List.copyOf(spans);
      this.complete = complete;
      this.lowerCase = lowerCase(spans);
    }

    List<String> words() {
      return spans.stream().flatMap(span -> span.words.stream()).toList();
    }

    @Override
    public String toString() {
      return "Found[" + spans.size() + " lines" + (complete ? "" : ", maybe incomplete") + "]";
    }
  }

  /** Returns the likely keys, best first, at most {@value #MAX_KEYS}. */
  static List<Found> find(List<TextLine> lines) {
    // Top to bottom: the order of Tesseract's sparse-text lines follows its blocks, and a Copy link beside the key is
    // a block of its own between the key's lines.
    List<TextLine> ordered = new ArrayList<>(lines);
    ordered.sort(Comparator.comparingInt((TextLine line) -> line.top).thenComparingInt(line -> line.left));
    boolean[] used = new boolean[ordered.size()];
    List<Found> keys = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Span start = used[i] ? null : startingRun(ordered.get(i));
      if (start == null) {
        continue;
      }
      used[i] = true;
      List<TextLine> keyLines = new ArrayList<>(List.of(ordered.get(i)));
      List<Span> key = new ArrayList<>(List.of(start));
      Span rowStart = start;
      Span rowEnd = start;
      for (int j = i + 1; j < ordered.size(); j++) {
        if (used[j]) {
          continue;
        }
        Span beside = beside(rowEnd, ordered.get(j));
        Span next = beside != null ? beside : continuation(rowStart, ordered.get(j));
        if (next != null && characters(key) + next.characters() <= MAX_CHARACTERS) {
          used[j] = true;
          key.add(next);
          keyLines.add(ordered.get(j));
          rowStart = beside != null ? rowStart : next;
          rowEnd = next;
        }
      }
      keys.add(new Found(key, complete(key, keyLines, ordered)));
    }
    keys.sort(Comparator.comparingInt((Found found) -> score(found.spans)).reversed());
    return keys.size() > MAX_KEYS ? List.copyOf(keys.subList(0, MAX_KEYS)) : keys;
  }

  private static boolean complete(List<Span> key, List<TextLine> keyLines, List<TextLine> lines) {
    Span first = key.get(0);
    Span last = key.get(key.size() - 1);
    int height = Math.max(1, first.height());
    int textRight = lines.stream().mapToInt(line -> line.right).max().orElse(last.right);
    int characters = last.characters() + last.words.size() - 1;   // with the spaces between groups
    double width = (double) (last.right - last.left) / Math.max(1, characters);
    int following = last.words.size() > 1 ? 5 : 1;   // a group and its space, or one more character of a run
    if (last.right + width * following > Math.min(textRight, last.clipRight)) {
      return false;   // full: the key may go on in a line the first pass could not read
    }
    for (TextLine line : lines) {
      if (keyLines.contains(line)) {
        continue;
      }
      boolean above = line.bottom <= first.top && first.top - line.bottom <= height * 3 / 2;
      boolean below = line.top >= last.bottom && line.top - last.bottom <= height * 3 / 2;
      boolean aligned = line.left < last.right && line.right > first.left
          && Math.abs(line.height() - height) * 4 <= height;
      if ((above || below) && aligned && !mostlyEnglish(line)) {
        return false;
      }
      // A row that looks like a key, further away but in line with the key, may be part of it that was not
      // joined: a key one row short can have a usual length (16 of 32), so it must not be certain.
      boolean near = line.top >= last.bottom && line.top - last.bottom <= height * FAR_GAP
          || line.bottom <= first.top && first.top - line.bottom <= height * FAR_GAP;
      if (near && Math.abs(line.left - first.left) <= height && startingRun(line) != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code run} is written in the other case than {@code key}: capitals only under a key in small letters,
   * small letters only under one in capitals ("Copy" beside a key in capitals).
   */
  private static boolean otherCase(Span run, Span key) {
    boolean keyLower = lowerCase(List.of(key));
    return hasCase(run, keyLower) && !hasCase(run, !keyLower);
  }

  private static boolean hasCase(Span span, boolean upper) {
    return span.words.stream().flatMap(word -> word.chars().boxed()).anyMatch(c -> CASELESS.indexOf(c) < 0
        && (upper ? c >= 'A' && c <= 'Z' : c >= 'a' && c <= 'z'));
  }

  private static boolean lowerCase(List<Span> key) {
    int upper = 0;
    int lower = 0;
    for (Span span : key) {
      for (String word : span.words) {
        for (int i = 0; i < word.length(); i++) {
          char c = word.charAt(i);
          if (CASELESS.indexOf(c) < 0) {
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            lower += c >= 'a' && c <= 'z' ? 1 : 0;
          }
        }
      }
    }
    return lower > upper;
  }

  private static boolean mostlyEnglish(TextLine line) {
    long english = line.words.stream().filter(word -> word.dictionary).count();
    return english * 2 >= line.words.size();
  }

  private static int characters(List<Span> key) {
    return key.stream().mapToInt(Span::characters).sum();
  }

  private static int score(List<Span> key) {
    int characters = characters(key);
    boolean usual = PrintedKey.USUAL_LENGTHS.contains(characters);
    return (usual ? 1000 : 0) + characters;
  }

  private static Span startingRun(TextLine line) {
    Span best = null;
    for (Span run : runs(line, false)) {
      if (looksLikeKey(run) && (best == null || run.characters() > best.characters())) {
        best = run;
      }
    }
    return best;
  }

  private static boolean looksLikeKey(Span run) {
    int characters = run.characters();
    int letters = 0;
    int groups = 0;
    int longest = 0;
    for (String word : run.words) {
      for (int i = 0; i < word.length(); i++) {
        letters += Character.isLetter(word.charAt(i)) ? 1 : 0;
      }
      groups += word.length() >= 3 && word.length() <= 5 ? 1 : 0;
      longest = Math.max(longest, word.length());
    }
    if (characters < MIN_START || characters > MAX_CHARACTERS || letters < 2) {
      return false;
    }
    boolean grouped = run.words.size() >= 2 && groups * 5 >= run.words.size() * 3;
    return grouped || longest >= MIN_RUN_WORD;
  }

  /**
   * The run on {@code line} that continues a row of the key to the right: Tesseract sometimes cuts one printed line
   * into two lines side by side.
   */
  private static Span beside(Span previous, TextLine line) {
    int height = Math.max(1, previous.height());
    if (Math.abs(line.top - previous.top) * 2 > height || Math.abs(line.bottom - previous.bottom) * 2 > height
        || line.left < previous.right || line.left - previous.right > height * 3) {
      return null;
    }
    for (Span run : runs(line, false)) {
      if (run.left == line.words.get(0).left && !otherCase(run, previous)) {
        return run;
      }
    }
    return null;
  }

  /** The run on {@code line} that continues a wrapped key: just below the previous row and aligned with it. */
  private static Span continuation(Span previous, TextLine line) {
    int height = Math.max(1, previous.height());
    int gap = line.top - previous.bottom;
    if (line.top < previous.top + height / 2 || gap > height * WIDE_GAP || line.height() > height * 2
        || line.height() * 2 < height) {
      return null;
    }
    for (Span run : runs(line, true)) {
      // The rest of a wrapped key starts its line, under the key's first line; a row set further apart (some
      // screens space a key's rows widely) must look like a key by itself.
      if (Math.abs(run.left - previous.left) <= height && run.left == line.words.get(0).left
          && !otherCase(run, previous) && (gap <= height * 3 / 2 || looksLikeKey(run))) {
        return run;
      }
    }
    return null;
  }

  /**
   * The runs of key-like words of a line: maximal sequences of words of Base32-like characters in one case, without
   * the English words at their start (a label such as "key") or the long ones at their end, and holding more words
   * that are no English word than words that are ({@code tail}: or of at most two words, at the end of a key).
   */
  private static List<Span> runs(TextLine line, boolean tail) {
    List<Span> runs = new ArrayList<>();
    List<TextLine.Word> words = line.words;
    int i = 0;
    while (i < words.size()) {
      if (!base32Like(words.get(i).text)) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < words.size() && base32Like(words.get(end + 1).text)) {
        end++;
      }
      int first = i;
      while (first < end && words.get(first).dictionary && !groupLike(words.get(first).text)) {
        first++;
      }
      int last = end;
      while (last > first && words.get(last).dictionary && words.get(last).text.length() > 4) {
        last--;
      }
      int strong = 0;
      for (int w = first; w <= last; w++) {
        strong += keyWord(words.get(w)) ? 1 : 0;
      }
      // The tail of a wrapped key may be one or two short groups that happen to be words ("FS", "ul").
      if (strong * 2 > last - first + 1 || tail && last - first < 2) {
        int clipLeft = first > 0 ? words.get(first - 1).right : -1;
        int clipRight = last + 1 < words.size() ? words.get(last + 1).left : Integer.MAX_VALUE;
        runs.add(new Span(words.subList(first, last + 1), clipLeft, clipRight));
      }
      i = end + 1;
    }
    return runs;
  }

  /** Whether a word of Base32-like characters has letters and is no English word: evidence of a key. */
  private static boolean keyWord(TextLine.Word word) {
    String text = word.text;
    return !word.dictionary && base32Like(text) && text.chars().anyMatch(c -> c < '0' || c > '9');
  }

  /**
   * Whether a word is made of letters and digits (and the strokes OCR reads for I and l) in one case; letters whose
   * two cases look alike count as either.
   */
  private static boolean base32Like(String text) {
    int upper = 0;
    int lower = 0;
    int other = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (CASELESS.indexOf(c) >= 0 || c >= '0' && c <= '9') {
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (Character.isLetter(c) || text.length() >= 3 && NOISE.indexOf(c) >= 0) {
        other++;   // é for e, ) or ] for J: OCR noise on one character of a group, not a word or a time
      } else {
        return false;
      }
    }
    // One letter in the other case is OCR's ("Aqy5" for 4qy5); more is a word ("Copy" has none, "TikTok" three).
    int minority = Math.min(upper, lower);
    return minority <= 1 && (minority == 0 || Math.max(upper, lower) >= 2) && other + minority <= 1;
  }

  /** Whether a word is four capitals and digits, like a group of a key, even when it is also an English word. */
  private static boolean groupLike(String text) {
    return text.length() == 4 && text.chars().noneMatch(c -> c >= 'a' && c <= 'z');
  }
}
