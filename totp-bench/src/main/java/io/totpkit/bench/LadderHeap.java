package io.totpkit.bench;

import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The smallest heap one read needs: a plain {@code main}, not JMH. It saves the {@link LadderPicture}s as PNG files,
 * then, for one of them, searches by bisection for the smallest {@code -Xmx} (whole MiB, serial collector) with which
 * a fresh JVM still decodes the file, or decodes and reads it with {@link QrCodes#read(byte[])} as a server would; the
 * difference is what the read itself needs on top of the decoded picture.
 *
 * <pre>
 * java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.LadderHeap save /tmp/ladder
 * java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.LadderHeap search read /tmp/ladder/SECOND_DECODER.png
 * java -cp totp-bench/target/benchmarks.jar io.totpkit.bench.LadderHeap search decode /tmp/ladder/SECOND_DECODER.png
 * </pre>
 * The modes the search starts, one per JVM: {@code decode FILE} only decodes the picture ({@link QrCodes#loadImage}),
 * {@code read FILE} reads it and exits with a status other than 0 unless it gets the picture's own outcome (accounts,
 * or none for {@code NO_CODE}); {@code start} does nothing (the JVM's own floor). A JVM that runs out of memory exits
 * with a status other than 0.
 */
public final class LadderHeap {
  private static final int MAX_MIB = 1024;

  private LadderHeap() {}

  /**
   * Runs one mode.
   *
   * @param args {@code save DIR}, {@code search MODE [FILE]}, {@code decode FILE}, {@code read FILE} or {@code start}
   * @throws IOException if a file cannot be read or written
   * @throws InterruptedException if interrupted while waiting for a JVM
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    switch (args.length == 0 ? "" : args[0]) {
      case "save":
        Path dir = Files.createDirectories(Path.of(args[1]));
        for (LadderPicture picture : LadderPicture.values()) {
          ImageIO.write(picture.draw(), "png", dir.resolve(picture + ".png").toFile());
        }
        break;
      case "search":
        List<String> mode = List.of(args).subList(1, args.length);
        int mib = smallestHeap(mode);
        System.out.printf(Locale.ROOT, "%s: smallest -Xmx %d MiB (%d MiB fails)%n", String.join(" ", mode), mib,
            mib - 1);
        break;
      case "decode":
        QrCodes.loadImage(Files.readAllBytes(Path.of(args[1])), QrReadOptions.defaults());
        break;
      case "read":
        read(Path.of(args[1]));
        break;
      case "start":
        break;
      default:
        throw new IllegalArgumentException("use save DIR, search MODE [FILE], decode FILE, read FILE or start");
    }
  }

  /**
   * Reads a file {@code save} wrote and fails unless the outcome is the picture's: accounts, or for
   * {@link LadderPicture#NO_CODE} nothing read. Short of memory, decoding the file reports it as unreadable, which
   * must count as a failure too.
   */
  private static void read(Path file) throws IOException {
    String name = file.getFileName().toString();
    boolean code = LadderPicture.valueOf(name.substring(0, name.lastIndexOf('.'))) != LadderPicture.NO_CODE;
    try {
      int accounts = QrCodes.read(Files.readAllBytes(file)).size();
      if (!code) {
        throw new IllegalStateException(accounts + " accounts read from a picture without a code");
      }
    } catch (QrCodeException e) {
      if (code || e.reason() != QrCodeException.Reason.NO_QR_CODE) {
        throw new IllegalStateException("not read: " + e.getMessage(), e);
      }
    }
  }

  /** Bisection for the smallest heap in MiB with which {@code mode} exits with status 0. */
  private static int smallestHeap(List<String> mode) throws IOException, InterruptedException {
    int fails = 1;
    int passes = MAX_MIB;
    if (!passes(mode, passes)) {
      throw new IllegalStateException(mode + " fails even with " + MAX_MIB + " MiB");
    }
    while (passes - fails > 1) {
      int mid = (fails + passes) / 2;
      if (passes(mode, mid)) {
        passes = mid;
      } else {
        fails = mid;
      }
    }
    return passes;
  }

  private static boolean passes(List<String> mode, int mib) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-Xmx" + mib + "m", "-cp", System.getProperty("java.class.path"),
        LadderHeap.class.getName()));
    command.addAll(mode);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return process.waitFor() == 0;
  }
}
