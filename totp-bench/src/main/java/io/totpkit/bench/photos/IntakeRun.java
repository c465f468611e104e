package io.totpkit.bench.photos;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes {@code count} seeded samples at one damage level, one picture after another on the calling thread, and
 * tallies how many gave exactly the screen's accounts, how many gave other accounts (a misread), and the wall time of
 * each read. Only the read is timed, not drawing or damaging the picture.
 *
 * <p>Thread-safety: immutable; each call works on its own pictures.
 */
public final class IntakeRun {
  private final List<IntakeSample> samples;

  private IntakeRun(List<IntakeSample> samples) {
    this.samples = samples;
  }

  /**
   * Draws the first {@code count} screens of the set of {@code seed}, to be damaged at every level.
   *
   * @param seed the set
   * @param count how many screens, at least 1
   * @return the run
   */
  public static IntakeRun of(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    List<IntakeSample> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      samples.add(IntakeSample.of(seed, i));
    }
    return new IntakeRun(List.copyOf(samples));
  }

  /**
   * Reads a few clean screens of another set several times, so that the times measured are those of compiled code.
   */
  public static void warmUp() {
    for (int i = 0; i < 6; i++) {
      IntakeSample sample = IntakeSample.of(-1, i);
      for (int round = 0; round < 3; round++) {
        sample.matches(sample.damaged(Damage.CLEAN, 0).read());
      }
    }
  }

  /**
   * Damages every sample at one level and reads it.
   *
   * @param damage the kind
   * @param level an index into {@link Damage#levels()}
   * @param save a directory to write each picture into, for looking at them; empty for none
   * @return the tally
   */
  public Rate rate(Damage damage, int level, Optional<Path> save) {
    List<Read> reads = new ArrayList<>();
    int decoded = 0;
    int misread = 0;
    String input = "";
    for (int i = 0; i < samples.size(); i++) {
      IntakeSample sample = samples.get(i);
      Picture picture = sample.damaged(damage, level);
      input = picture.input();
      if (save.isPresent()) {
        write(save.get().resolve(String.format(Locale.ROOT, "%s-%d-%03d.%s", damage.name().toLowerCase(Locale.ROOT),
            level, i, picture.extension())), picture.file());
      }
      List<OtpAuthUri> found = List.of();
      long start = System.nanoTime();
      try {
        found = picture.read();
      } catch (QrCodeException e) {
        // nothing found: counted below
      }
      long nanos = System.nanoTime() - start;
      boolean matched = sample.matches(found);
      if (matched) {
        decoded++;
      } else if (!found.isEmpty()) {
        misread++;
      }
      reads.add(new Read(sample, nanos, matched));
    }
    return new Rate(damage, level, input, decoded, misread, reads);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not write " + file, e);
    }
  }

  /**
   * The tally of one damage level.
   *
   * <p>Thread-safety: immutable.
   */
  public static final class Rate {
    private final Damage damage;
    private final int level;
    private final String input;
    private final int decoded;
    private final int misread;
    private final List<Read> reads;
    private final List<Long> sortedNanos;

    Rate(Damage damage, int level, String input, int decoded, int misread, List<Read> reads) {
      this.damage = damage;
      this.level = level;
      this.input = input;
      this.decoded = decoded;
      this.misread = misread;
      this.reads = List.copyOf(reads);
      List<Long> sorted = new ArrayList<>();
      for (Read read : reads) {
        sorted.add(read.nanos);
      }
      Collections.sort(sorted);
      this.sortedNanos = List.copyOf(sorted);
    }

    /** @return the damage kind */
    public Damage damage() {
      return damage;
    }

    /** @return the level's label */
    public String level() {
      return damage.levels().get(level);
    }

    /** @return {@code "image"} or {@code "JPEG"}: what the reader was given */
    public String input() {
      return input;
    }

    /** @return how many pictures gave exactly the screen's accounts */
    public int decoded() {
      return decoded;
    }

    /** @return how many pictures gave accounts other than the screen's */
    public int misread() {
      return misread;
    }

    /** @return how many pictures were read */
    public int total() {
      return reads.size();
    }

    /** @return the median wall time of a read, in milliseconds (the upper median for an even count) */
    public double medianMillis() {
      return sortedNanos.get(sortedNanos.size() / 2) / 1e6;
    }

    /** @return the longest wall time of a read, in milliseconds */
    public double worstMillis() {
      return sortedNanos.get(sortedNanos.size() - 1) / 1e6;
    }

    /** @return the samples that did not decode, described without their keys */
    public List<String> failed() {
      List<String> failed = new ArrayList<>();
      for (Read read : reads) {
        if (!read.decoded) {
          failed.add(read.screen);
        }
      }
      return failed;
    }

    /** @return every picture's read, in the order of the samples */
    public List<Read> reads() {
      return reads;
    }

    /**
     * A row of a Markdown table: damage, level, input, decoded/total, percent, misread, median and worst ms.
     *
     * @return the row
     */
    public String row() {
      return String.format(Locale.ROOT, "| %s | %s | %s | %d/%d | %.0f%% | %d | %.0f | %.0f |",
          name(), level(), input, decoded, total(), 100.0 * decoded / total(), misread, medianMillis(), worstMillis());
    }

    /** @return the damage kind as the table names it ({@code "low light"}) */
    public String name() {
      return damage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The header of the table {@link #row()} writes. */
    public static final String HEADER = "| damage | level | input | decoded | rate | misread | median ms | worst ms |\n"
        + "|---|---|---|---:|---:|---:|---:|---:|";
  }

  /**
   * One picture's read: which screen, how long {@code QrCodes.read} took, and whether it gave exactly the screen's
   * accounts.
   *
   * <p>Thread-safety: immutable.
   */
  public static final class Read {
    private final String screen;
    private final int screenWidth;
    private final int screenHeight;
    private final long nanos;
    private final boolean decoded;

    Read(IntakeSample sample, long nanos, boolean decoded) {
      this.screen = sample.toString();
      this.screenWidth = sample.screenshot().image().getWidth();
      this.screenHeight = sample.screenshot().image().getHeight();
      this.nanos = nanos;
      this.decoded = decoded;
    }

    /** @return the screen, described without its key */
    public String screen() {
      return screen;
    }

    /**
     * Whether the undamaged screen has this size.
     *
     * @param width in pixels
     * @param height in pixels
     * @return true for a screen of exactly {@code width × height}
     */
    public boolean isScreen(int width, int height) {
      return screenWidth == width && screenHeight == height;
    }

    /** @return the wall time of the read, in milliseconds */
    public double millis() {
      return nanos / 1e6;
    }

    /** @return whether the read gave exactly the screen's accounts */
    public boolean decoded() {
      return decoded;
    }
  }
}
