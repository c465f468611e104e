package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A 32-character key printed in two rows of 16 set wide apart, in small type: the first row alone is 16 characters,
 * a usual length, so a reading that misses the second row must never be certain. (Found by the server's tests: a key
 * at 24 px with rows 64 px apart came back as a certain 16-character key.)
 */
class WideRowsTest {
  @ParameterizedTest(name = "{0} px, rows {1} px apart, key {2}")
  @CsvSource({
    "18, 64, JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR",
    "24, 64, JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR",
    "26, 64, GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    "18, 90, GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    "22, 90, JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR",
    "22, 120, GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
  })
  void read_rowsWideApart_certainOnlyWhenWhole(int size, int rowDistance, String key) {
    TesseractPresent.assume();

    PrintedKey read = PrintedKeys.read(draw(key, size, rowDistance));

    if (read.certain()) {
      assertThat(read.candidate()).as(read.toString()).isEqualTo(key);
    }
  }

  private static BufferedImage draw(String key, int size, int rowDistance) {
    BufferedImage image = new BufferedImage(1080, 1600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1080, 1600);
    g.setColor(new Color(0x16, 0x18, 0x23));
    g.setFont(new Font("DejaVu Sans", Font.PLAIN, 36));
    g.drawString("Can't scan the code? Enter this key instead:", 60, 900);
    g.setFont(new Font("DejaVu Sans", Font.BOLD, size));
    for (int row = 0; row < 2; row++) {
      g.drawString(SetupScreens.grouped(key.substring(row * 16, row * 16 + 16)), 60, 990 + row * rowDistance);
    }
    g.dispose();
    return image;
  }
}
