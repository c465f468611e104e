package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodesWriteTest {
  static final OtpAuthUri URI = OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP"))
      .issuer("Café Rosa").account("équipe@exemple.fr").algorithm(HmacAlgorithm.SHA256).digits(8)
      .period(Duration.ofSeconds(60)).parameter("image", "https://example.com/logo.png").build();

  private static BufferedImage image(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  @ParameterizedTest
  @EnumSource(QrOptions.ErrorCorrection.class)
  void png_everyErrorCorrection_readsBackToAnEqualUri(QrOptions.ErrorCorrection level) {
    byte[] png = QrCodes.png(URI, QrOptions.builder().errorCorrection(level).build());

    assertThat(QrCodes.read(png)).containsExactly(URI);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8, 20})
  void png_moduleSize_drawsWholePixelModulesAndReadsBack(int moduleSize) throws IOException {
    byte[] png = QrCodes.png(URI, QrOptions.builder().moduleSize(moduleSize).build());
    int modules = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M).getWidth();

    assertThat(image(png).getWidth()).isEqualTo((modules + 8) * moduleSize);
    assertThat(QrCodes.read(png)).containsExactly(URI);
  }

  @Test
  void png_matchesZxingMatrixModuleForModule() throws IOException {
    ByteMatrix expected = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M);
    BufferedImage image = image(QrCodes.png(URI, QrOptions.builder().moduleSize(3).margin(2).build()));

    for (int y = 0; y < expected.getHeight() + 4; y++) {
      for (int x = 0; x < expected.getWidth() + 4; x++) {
        boolean dark = x >= 2 && y >= 2 && x < expected.getWidth() + 2 && y < expected.getHeight() + 2
            && expected.get(x - 2, y - 2) == 1;
        assertThat((image.getRGB(x * 3 + 1, y * 3 + 1) & 0xff) < 128).as("module %d,%d", x, y).isEqualTo(dark);
      }
    }
  }

  @Test
  void png_size_isExactlyThatSizeWithCentredCodeAndAtLeastTheMargin() throws IOException {
    byte[] png = QrCodes.png(URI, QrOptions.builder().size(300).build());
    BufferedImage image = image(png);

    assertThat(image.getWidth()).isEqualTo(300);
    assertThat(image.getHeight()).isEqualTo(300);
    assertThat(QrCodes.read(png)).containsExactly(URI);
    int modules = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M).getWidth();
    int scale = 300 / (modules + 8);
    int offset = (300 - scale * modules) / 2;
    assertThat(offset).isGreaterThanOrEqualTo(4 * scale);
    assertThat(image.getRGB(offset, offset) & 0xff).as("top-left finder pattern").isZero();
    assertThat(image.getRGB(offset - 1, offset) & 0xff).as("quiet zone").isEqualTo(255);
  }

  @Test
  void png_sizeTooSmallForTheCode_throwsWithTheSmallestSize() {
    int modules = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M).getWidth();

    assertThatThrownBy(() -> QrCodes.png(URI, QrOptions.builder().size(40).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a 40-pixel image cannot hold this " + modules + "-module code and its 4-module quiet zone; use"
            + " a size of at least " + (modules + 8) + " pixels");
  }

  @Test
  void png_moduleSizeMakingTheImageTooWide_throws() {
    assertThatThrownBy(() -> QrCodes.png(URI, QrOptions.builder().moduleSize(64).margin(40).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 8192 are allowed");
  }

  @Test
  void png_textTooLongForAQrCode_throwsWithoutQuotingIt() {
    OtpAuthUri huge = URI.toBuilder().parameter("note", "x".repeat(4000)).build();

    assertThatThrownBy(() -> QrCodes.png(huge, QrOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit a QR code at error correction M")
        .hasMessageNotContaining("JBSWY3DP");
  }

  /** Reads back the SVG's path: {@code M x y h run v1 h -run z} per horizontal run of dark modules. */
  static boolean[][] modulesOf(String svg, int total) {
    Matcher path = Pattern.compile("<path fill=\"#000000\" d=\"([^\"]*)\"/>").matcher(svg);
    assertThat(path.find()).as("one path of dark modules").isTrue();
    boolean[][] dark = new boolean[total][total];
    Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(path.group(1));
    int end = 0;
    while (run.find()) {
      assertThat(run.start()).as("runs follow each other").isEqualTo(end);
      end = run.end();
      int x = Integer.parseInt(run.group(1));
      int y = Integer.parseInt(run.group(2));
      int length = Integer.parseInt(run.group(3));
      assertThat(run.group(4)).isEqualTo(run.group(3));
      for (int i = 0; i < length; i++) {
        dark[y][x + i] = true;
      }
    }
    assertThat(end).as("nothing but runs in the path").isEqualTo(path.group(1).length());
    return dark;
  }

  static BufferedImage draw(boolean[][] dark, int scale) {
    BufferedImage image = new BufferedImage(dark.length * scale, dark.length * scale, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.getRaster().setSample(x, y, 0, dark[y / scale][x / scale] ? 0 : 255);
      }
    }
    return image;
  }

  @Test
  void svg_pathHoldsExactlyTheZxingModulesAndRasterisesToAnEqualUri() {
    ByteMatrix expected = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M);
    int total = expected.getWidth() + 8;

    String svg = QrCodes.svg(URI, QrOptions.defaults());
    boolean[][] dark = modulesOf(svg, total);

    assertThat(svg).contains("viewBox=\"0 0 " + total + " " + total + "\"")
        .contains("width=\"" + total * 8 + "\"").contains("shape-rendering=\"crispEdges\"");
    for (int y = 0; y < total; y++) {
      for (int x = 0; x < total; x++) {
        boolean inCode = x >= 4 && y >= 4 && x < total - 4 && y < total - 4;
        assertThat(dark[y][x]).as("module %d,%d", x, y).isEqualTo(inCode && expected.get(x - 4, y - 4) == 1);
      }
    }
    assertThat(QrCodes.read(draw(dark, 4))).containsExactly(URI);
  }

  @Test
  void svg_size_setsWidthAndHeightInPixels() {
    assertThat(QrCodes.svg(URI, QrOptions.builder().size(256).build())).contains("width=\"256\" height=\"256\"");
  }

  /**
   * Reads terminal output back into modules: in plain output a glyph's drawn half is light; with ANSI colours it is
   * dark. Each character is one module wide and two high.
   */
  static boolean[][] modulesOf(String terminal, boolean ansi) {
    String plain = terminal.replace(TerminalRenderer.ANSI_BLACK_ON_WHITE, "").replace(TerminalRenderer.ANSI_RESET, "");
    List<String> lines = List.of(plain.split("\n"));
    int width = lines.get(0).length();
    boolean[][] dark = new boolean[lines.size() * 2][width];
    for (int row = 0; row < lines.size(); row++) {
      assertThat(lines.get(row)).hasSize(width).matches("[▀▄█ ]+");
      for (int x = 0; x < width; x++) {
        char c = lines.get(row).charAt(x);
        boolean top = c == '█' || c == '▀';
        boolean bottom = c == '█' || c == '▄';
        dark[2 * row][x] = top == ansi;
        dark[2 * row + 1][x] = bottom == ansi;
      }
    }
    return dark;
  }

  @Test
  void terminal_plain_drawsLightModulesAndQuietZoneAndReadsBack() {
    String text = QrCodes.terminal(URI, QrOptions.defaults());
    int total = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M).getWidth() + 8;

    List<String> lines = List.of(text.split("\n"));
    assertThat(text).endsWith("\n").doesNotContain("\u001b");
    assertThat(lines).hasSize((total + 1) / 2);
    assertThat(lines.get(0)).isEqualTo("█".repeat(total));   // the light quiet zone is drawn, not left blank
    boolean[][] dark = modulesOf(text, false);
    // The odd last half-row lies outside the picture; crop to the square before decoding.
    boolean[][] square = java.util.Arrays.copyOf(dark, total);
    assertThat(QrCodes.read(draw(square, 4))).containsExactly(URI);
  }

  @Test
  void terminal_ansiColors_drawsDarkModulesOnWhiteAndReadsBack() {
    String text = QrCodes.terminal(URI, QrOptions.builder().ansiColors(true).margin(2).build());
    int total = TestImages.matrix(URI.toUriString(), ErrorCorrectionLevel.M).getWidth() + 4;

    for (String line : text.split("\n")) {
      assertThat(line).startsWith(TerminalRenderer.ANSI_BLACK_ON_WHITE).endsWith(TerminalRenderer.ANSI_RESET);
    }
    boolean[][] square = java.util.Arrays.copyOf(modulesOf(text, true), total);
    assertThat(QrCodes.read(draw(square, 4))).containsExactly(URI);
  }

  @Test
  void writers_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> QrCodes.png(null, QrOptions.defaults())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> QrCodes.svg(URI, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void png_sameInput_sameBytes() {
    List<byte[]> outputs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      outputs.add(QrCodes.png(URI, QrOptions.defaults()));
    }
    assertThat(outputs.get(0)).isEqualTo(outputs.get(1));
  }
}
