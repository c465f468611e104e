package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.ocr.PrintedKeys;
import io.totpkit.ocr.testing.SetupPictures;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadScreenshotTest {
  // Google's Key Uri Format example key gives 528064 at 2009-11-10T23:00Z (SHA-1, 6 digits, 30 s).
  static final OtpAuthUri URI = OtpAuthUri.parse(
      "otpauth://totp/TikTok:brand?secret=JBSWY3DPEHPK3PXP&issuer=TikTok");
  static final String KEY = "JBSWY3DPEHPK3PXP";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2009-11-10T23:00:00Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReadScreenshot.run(args, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_screenshotWithCode_printsAccountAndCodeButNotTheSecret(@TempDir Path directory) throws IOException {
    Path png = Files.write(directory.resolve("code.png"), QrCodes.png(URI, QrOptions.defaults()));

    assertThat(run(png.toString())).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).isEqualTo("Read: QR code" + System.lineSeparator()
        + "TikTok (brand): 528064  (30 s left)" + System.lineSeparator());
    assertThat(printed).doesNotContain("JBSWY3DPEHPK3PXP");
  }

  @Test
  void run_setupScreen_saysThePrintedKeyAgrees(@TempDir Path directory) throws IOException {
    assumeTrue(PrintedKeys.isAvailable(), "Tesseract is not installed");
    Path png = Files.write(directory.resolve("screen.png"), SetupPictures.png(URI.toUriString(), KEY));

    assertThat(run(png.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Read: QR code; the printed key agrees"
        + System.lineSeparator() + "TikTok (brand): 528064  (30 s left)" + System.lineSeparator());
  }

  @Test
  void run_codeWashedOut_readsThePrintedKey(@TempDir Path directory) throws IOException {
    assumeTrue(PrintedKeys.isAvailable(), "Tesseract is not installed");
    Path png = Files.write(directory.resolve("glare.png"), SetupPictures.png(null, KEY));

    assertThat(run(png.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Read: no QR code could be read; the printed key was "
        + "read by OCR, every character certain (16 characters)" + System.lineSeparator()
        + "printed key: 528064  (30 s left)" + System.lineSeparator());
  }

  @Test
  void run_printedKeyNotTheCodes_returns1(@TempDir Path directory) throws IOException {
    assumeTrue(PrintedKeys.isAvailable(), "Tesseract is not installed");
    Path png = Files.write(directory.resolve("edited.png"), SetupPictures.png(URI.toUriString(), "MAFJKWNYRHXPCJNK"));

    assertThat(run(png.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Read: QR code; the key printed in the picture is a "
        + "different key").doesNotContain("528064");
  }

  @Test
  void run_fileThatIsNotAnImage_printsOneLineAndReturns2(@TempDir Path directory) throws IOException {
    Path text = Files.writeString(directory.resolve("notes.png"), "not a picture");

    assertThat(run(text.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ReadScreenshot: the file is not an image")
        .hasLineCount(1);
  }

  @Test
  void run_noArgument_printsUsageAndReturns2() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
  }
}
