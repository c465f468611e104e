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
 * that was read) to look at; {@code --failures} lists the screens that did not decode under each row. The pictures
 * are the same on every machine with the same fonts installed; the times are this machine's.
 */
public final class IntakeRates {
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
          for (String failed : rate.failed()) {
            System.out.println("|   | not decoded: " + failed + " | | | | | | |");
          }
        }
      }
    }
    int decoded = rates.stream().mapToInt(IntakeRun.Rate::decoded).sum();
    int total = rates.stream().mapToInt(IntakeRun.Rate::total).sum();
    int misread = rates.stream().mapToInt(IntakeRun.Rate::misread).sum();
    System.out.printf(Locale.ROOT, "%nAll levels: %d/%d decoded (%.0f%%), %d misread.%n", decoded, total,
        100.0 * decoded / total, misread);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }
}
