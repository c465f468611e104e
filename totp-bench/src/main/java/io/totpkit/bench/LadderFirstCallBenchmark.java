package io.totpkit.bench;

import io.totpkit.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.util.List;
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
 * The first read that reaches BoofCV in a fresh JVM: one {@link QrCodes#read(BufferedImage)} of
 * {@link LadderPicture#SECOND_DECODER} per fork, timed once ({@code SingleShotTime}), in 10 forks. Either nothing ran
 * before it, or 20 reads of {@link LadderPicture#LATER_PHOTO_RUNG} did, which load and compile zxing and the photo
 * rungs but never touch BoofCV; the difference from {@link LadderBenchmark}'s steady time for the same picture is
 * then what loading, initialising and first running BoofCV's detector costs.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar LadderFirstCallBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(10)
@State(Scope.Benchmark)
public class LadderFirstCallBenchmark {
  /** What ran in the JVM before the measured read. */
  @Param({"nothing", "photoRungs"})
  public String before;

  private BufferedImage image;

  /** Draws the picture and, for {@code photoRungs}, reads a picture the photo rungs read 20 times. */
  @Setup
  public void setUp() {
    image = LadderPicture.SECOND_DECODER.draw();
    if (before.equals("photoRungs")) {
      BufferedImage photo = LadderPicture.LATER_PHOTO_RUNG.draw();
      for (int i = 0; i < 20; i++) {
        QrCodes.read(photo);
      }
    }
  }

  /**
   * Reads the picture, the first read in this JVM to reach the second decoder.
   *
   * @return the accounts
   */
  @Benchmark
  public List<?> firstRead() {
    return QrCodes.read(image);
  }
}
