package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
 * {@link QrCodes#read(byte[])} on a generated 1080×2340 phone screenshot (PNG), as a user uploads it: light (a
 * white app with grey UI blocks, the code in 8-pixel modules), dark (a #121212 app showing the code inverted, light
 * modules on dark), and tiny (2-pixel modules). The PNG decoding is part of the measured work.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar QrBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class QrBenchmark {
  private static final int WIDTH = 1080;
  private static final int HEIGHT = 2340;

  @Param({"light", "dark", "tiny"})
  public String screenshot;

  private byte[] png;

  @Setup
  public void setUp() throws IOException {
    OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBytes(Fixtures.rfcKey(HmacAlgorithm.SHA1))).issuer("ACME Co")
        .account("john.doe@example.com").build();
    boolean dark = screenshot.equals("dark");
    int moduleSize = screenshot.equals("tiny") ? 2 : 8;
    BufferedImage code = ImageIO.read(new ByteArrayInputStream(
        QrCodes.png(uri, QrOptions.builder().moduleSize(moduleSize).build())));
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(dark ? new Color(0x12, 0x12, 0x12) : Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(dark ? new Color(0x2a, 0x2a, 0x2a) : new Color(0xee, 0xee, 0xee));
      g.fillRect(0, 0, WIDTH, 220);                     // app bar
      for (int y = 1700; y < HEIGHT - 200; y += 160) {  // list rows below the code
        g.fillRect(60, y, WIDTH - 120, 120);
      }
      int x0 = (WIDTH - code.getWidth()) / 2;
      int y0 = 500;
      for (int y = 0; y < code.getHeight(); y++) {
        for (int x = 0; x < code.getWidth(); x++) {
          int rgb = code.getRGB(x, y) & 0xffffff;
          image.setRGB(x0 + x, y0 + y, dark ? ~rgb & 0xffffff : rgb);
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    png = out.toByteArray();
    List<OtpAuthUri> found = QrCodes.read(png);
    if (found.size() != 1 || !found.get(0).equals(uri)) {
      throw new IllegalStateException("the " + screenshot + " screenshot does not read back: " + found);
    }
  }

  @Benchmark
  public List<OtpAuthUri> read() {
    return QrCodes.read(png);
  }
}
