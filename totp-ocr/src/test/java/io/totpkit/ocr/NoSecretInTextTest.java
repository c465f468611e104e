package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.testing.KnownSecret;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No key material in any text the OCR module produces while it reads a setup screen printing the known key: the key
 * read, the intermediate readings, the exceptions (causes and stack traces included), and anything written to
 * standard output or standard error meanwhile.
 */
class NoSecretInTextTest {
  @Test
  void readingsKeysAndErrors_withAKnownKey_showNoKeyMaterial() {
    Tesseract tesseract = TesseractPresent.assume();
    SetupScreens.Spec spec = new SetupScreens.Spec(1080, 2340, false, "DejaVu Sans Mono", SetupScreens.Style.GROUPS,
        KnownSecret.BASE32, 9);
    BufferedImage screen = SetupScreens.draw(spec);
    BufferedImage top = new BufferedImage(screen.getWidth(), screen.getHeight() / 3, BufferedImage.TYPE_INT_RGB);
    top.getGraphics().drawImage(screen, 0, 0, null);
    List<Object> objects = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      PrintedKey key = PrintedKeys.read(screen);
      assertThat(key.candidates()).contains(KnownSecret.BASE32);   // the test reads the key it looks for
      objects.add(key);
      KeyReadings readings = PrintedKeys.readings(tesseract, screen);
      objects.add(readings);
      objects.addAll(readings.lines.get(0));
      objects.addAll(readings.isolated);
      List<TextLine> lines = tesseract.lines(GreyImage.of(screen));
      objects.addAll(lines);
      lines.forEach(line -> objects.addAll(line.words));
      KeyLineFinder.find(lines).forEach(found -> {
        objects.add(found);
        objects.addAll(found.spans);
      });
      thrown.add(catchThrowable(() -> PrintedKeys.read(top)));
      thrown.add(catchThrowable(() -> PrintedKeys.read(new byte[] {1, 2, 3})));
      thrown.add(catchThrowable(() -> PrintedKeys.read(SetupScreens.jpegBytes(screen, 0.9f),
          io.totpkit.qr.QrReadOptions.builder().maxPixels(1000).build())));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(thrown).allMatch(e -> e instanceof OcrException);
    for (Object object : objects) {
      if (object != null) {
        KnownSecret.assertNoSecretIn(object.getClass().getSimpleName() + ".toString()", object.toString());
      }
    }
    for (Throwable e : thrown) {
      KnownSecret.assertNoSecretIn("exception", KnownSecret.fullText(e));
    }
    KnownSecret.assertNoSecretIn("standard output and error", printed.toString(StandardCharsets.UTF_8));
  }
}
