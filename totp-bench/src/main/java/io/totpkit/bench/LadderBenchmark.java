package io.totpkit.bench;

import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a read costs by the rung of the decoding ladder that reads the picture: {@link QrCodes#read(BufferedImage)} of
 * the decoded pictures of {@link LadderPicture} (of 1080×2340 screens), from a clean screenshot (zxing's fast path)
 * to a picture without a code (every rung, then the diagnosis). The setup proves each picture is read by its rung.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is what one read allocates.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar LadderBenchmark -prof gc}; the first read in a fresh JVM
 * is {@link LadderFirstCallBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@State(Scope.Thread)
public class LadderBenchmark {
  /** The picture, by the rung that reads it. */
  @Param({"SCREENSHOT", "FIRST_PHOTO_RUNG", "LATER_PHOTO_RUNG", "SECOND_DECODER", "NO_CODE"})
  public LadderPicture picture;

  private BufferedImage image;

  /** Draws the picture and checks which rung reads it. */
  @Setup
  public void setUp() {
    image = picture.draw();
    picture.check(image);
  }

  /**
   * Reads the picture.
   *
   * @return the accounts, or the exception that says nothing was read
   */
  @Benchmark
  public Object read() {
    try {
      return QrCodes.read(image);
    } catch (QrCodeException e) {
      return e;
    }
  }
}
