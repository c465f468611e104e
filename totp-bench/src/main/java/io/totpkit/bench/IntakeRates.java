package io.totpkit.bench;

import io.totpkit.bench.photos.Damage;
import io.totpkit.bench.photos.IntakeRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Screenshot intake rates: for each {@link Damage} kind and level, how many of N seeded pictures of phone setup
 * screens {@code QrCodes.read} decodes to exactly the screen's accounts, and the median and worst wall time of a read,
 * one picture after another on one thread. Prints a Markdown table.
 *
 * <pre>
 * java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.IntakeRates [--count N] [--seed S]
 *     [--kinds JPEG,CAMERA] [--save DIR] [--failures]
 * </pre>
 * Defaults: 24 pictures per level, seed 18, every kind. {@code --save} writes every picture into DIR (PNG, or the JPEG
 * that was read) to look at; {@code --failures} lists the screens that did not decode under each row, with the time
 * of each. After the table: clean 1080×2340 screenshots alone, the slowest read that decoded and the slowest that
 * did not, and every read over two seconds. The pictures are the same on every machine with the same fonts
 * installed; the times are this machine's.
 */
public final class IntakeRates {
  /** The budget for a picture that needs the slow rungs. */
  private static final int BUDGET_MILLIS = 2000;

  private IntakeRates() {}

  /**
   * Runs the table.
   *
   * @param args the options above
   * @throws IOException if the save directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    int count = 24;
    long seed = 18;
    Set<Damage> kinds = EnumSet.allOf(Damage.class);
    Optional<Path> save = Optional.empty();
    boolean failures = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--count":
          count = Integer.parseInt(value(args, ++i));
          break;
        case "--seed":
          seed = Long.parseLong(value(args, ++i));
          break;
        case "--kinds":
          kinds = EnumSet.noneOf(Damage.class);
          for (String kind : value(args, ++i).split(",")) {
            kinds.add(Damage.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
          }
          break;
        case "--save":
          save = Optional.of(Files.createDirectories(Path.of(value(args, ++i))));
          break;
        case "--failures":
          failures = true;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]
              + "; use --count N, --seed S, --kinds A,B, --save DIR, --failures");
      }
    }
    IntakeRun.warmUp();
    IntakeRun run = IntakeRun.of(seed, count);
    System.out.printf(Locale.ROOT, "Screenshot intake rates: %d pictures per level, seed %d, JDK %s, %s%n%n",
        count, seed, System.getProperty("java.version"), System.getProperty("os.arch"));
    System.out.println(IntakeRun.Rate.HEADER);
    List<IntakeRun.Rate> rates = new ArrayList<>();
    for (Damage damage : kinds) {
      for (int level = 0; level < damage.levels().size(); level++) {
        IntakeRun.Rate rate = run.rate(damage, level, save);
        rates.add(rate);
        System.out.println(rate.row());
        if (failures) {
          for (IntakeRun.Read read : rate.reads()) {
            if (!read.decoded()) {
              System.out.printf(Locale.ROOT, "|   | not decoded: %s (%.0f ms) | | | | | | |%n", read.screen(),
                  read.millis());
            }
          }
        }
      }
    }
    int decoded = rates.stream().mapToInt(IntakeRun.Rate::decoded).sum();
    int total = rates.stream().mapToInt(IntakeRun.Rate::total).sum();
    int misread = rates.stream().mapToInt(IntakeRun.Rate::misread).sum();
    System.out.printf(Locale.ROOT, "%nAll levels: %d/%d decoded (%.0f%%), %d misread.%n", decoded, total,
        100.0 * decoded / total, misread);
    printTimes(rates);
  }

  /**
   * The times the budgets are stated in: clean 1080×2340 screenshots alone, the slowest picture that decoded and the
   * slowest that did not (every rung ran), and every read over {@value #BUDGET_MILLIS} ms.
   */
  private static void printTimes(List<IntakeRun.Rate> rates) {
    List<Double> clean = new ArrayList<>();
    String slowestDecoded = "none";
    String slowestFailed = "none";
    double decodedMillis = -1;
    double failedMillis = -1;
    List<String> overBudget = new ArrayList<>();
    for (IntakeRun.Rate rate : rates) {
      for (IntakeRun.Read read : rate.reads()) {
        String where = String.format(Locale.ROOT, "%.0f ms, %s %s, %s", read.millis(), rate.name(), rate.level(),
            read.screen());
        if (rate.damage() == Damage.CLEAN && read.isScreen(1080, 2340)) {
          clean.add(read.millis());
        }
        if (read.decoded() && read.millis() > decodedMillis) {
          decodedMillis = read.millis();
          slowestDecoded = where;
        } else if (!read.decoded() && read.millis() > failedMillis) {
          failedMillis = read.millis();
          slowestFailed = where;
        }
        if (read.millis() > BUDGET_MILLIS) {
          overBudget.add(where + (read.decoded() ? "" : ", not decoded"));
        }
      }
    }
    if (!clean.isEmpty()) {
      clean.sort(null);
      System.out.printf(Locale.ROOT, "Clean 1080×2340 screenshots: %d, median %.0f ms, worst %.0f ms.%n",
          clean.size(), clean.get(clean.size() / 2), clean.get(clean.size() - 1));
    }
    System.out.println("Slowest decoded: " + slowestDecoded + ".");
    System.out.println("Slowest not decoded: " + slowestFailed + ".");
    System.out.printf(Locale.ROOT, "Reads over %d ms: %d.%n", BUDGET_MILLIS, overBudget.size());
    for (String read : overBudget) {
      System.out.println("  " + read);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
