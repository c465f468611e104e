package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrReadOptions;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reads the printed key of the rendered setup screens of {@link SetupScreenCorpus} and holds the module to its one
 * promise: no key comes back wrong without a flag. Each reading either equals the key and is certain, or is not
 * certain, or found nothing. Prints the figures of the README (more of them with {@code -Docr.screens=96}, others
 * with {@code -Docr.seed=7}).
 */
class PrintedKeysTest {
  /** Screens in the corpus: 32 clean and 32 damaged pictures by default, within a minute on a shared machine. */
  private static final int SCREENS = Integer.getInteger("ocr.screens", 32);
  /** The seed of the keys and layouts: another one draws another corpus of the same kinds. */
  private static final long SEED = Long.getLong("ocr.seed", 2026);

  @Test
  void read_renderedSetupScreens_noKeyWrongWithoutAFlag() {
    TesseractPresent.assume();
    List<SetupScreenCorpus.Picture> pictures = SetupScreenCorpus.pictures(SCREENS, SEED);
    PrintedKeys.read(pictures.get(0).image);   // warm up: the library, the engines, the JIT
    Map<String, ReadingTally> tallies = new LinkedHashMap<>();
    for (SetupScreenCorpus.Picture picture : pictures) {
      long start = System.nanoTime();
      PrintedKey read;
      try {
        read = PrintedKeys.read(picture.image);
      } catch (OcrException e) {
        assertThat(e.reason()).as(picture.toString()).isEqualTo(OcrException.Reason.NO_KEY_FOUND);
        read = null;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      tallies.computeIfAbsent(picture.damage, ReadingTally::new)
          .add(ReadingTally.outcome(read, picture.key()), millis, picture.toString());
    }
    ReadingTally all = new ReadingTally("all");
    tallies.values().forEach(tally -> {
      tally.print();
      all.addAll(tally);
    });
    all.print();

    assertThat(all.wrong).as("keys read wrong but reported certain").isEmpty();
    // Regression floors, far below what this corpus gives (README): a broken step shows here, not a tuning detail.
    assertThat(all.count(ReadingTally.Outcome.NOTHING_FOUND)).isLessThan(all.total() / 10);
    assertThat(all.count(ReadingTally.Outcome.EXACT_CERTAIN) + all.count(ReadingTally.Outcome.FLAGGED_EXACT))
        .isGreaterThan(all.total() / 2);
    assertThat(all.count(ReadingTally.Outcome.EXACT_CERTAIN)).isGreaterThan(all.total() / 20);
    assertThat(all.medianMillis()).as("median time per picture in ms").isLessThan(3000);
  }

  @Test
  void matches_qrCodeBesideThePrintedKey_agreesWhenTheyShowOneKey() {
    TesseractPresent.assume();
    for (SetupScreens.Spec spec : SetupScreenCorpus.screens(4, 7)) {
      BufferedImage screen = SetupScreens.draw(spec);
      Secret fromQr = QrCodes.read(screen).get(0).secret();
      PrintedKey printed = PrintedKeys.read(screen);

      assertThat(printed.matches(fromQr)).as(spec.toString()).isEqualTo(printed.candidates().contains(spec.key));
    }
  }

  @Test
  void matches_qrCodeOfAnotherKey_isAMismatchTheCallerReports() {
    TesseractPresent.assume();
    Random random = new Random(11);
    String printed = SetupScreens.key(random, 32, false);
    String other = SetupScreens.key(random, 32, false);
    BufferedImage tampered = SetupScreens.draw(new SetupScreens.Spec(1080, 2340, false, "DejaVu Sans",
        SetupScreens.Style.GROUPS, printed, other, 3));

    OtpAuthUri fromQr = QrCodes.read(tampered).get(0);

    assertThat(PrintedKeys.read(tampered).matches(fromQr.secret())).isFalse();
  }

  @Test
  void read_screenWithoutAKey_isNoKeyFound() {
    TesseractPresent.assume();
    SetupScreens.Spec spec = SetupScreenCorpus.screens(1, 5).get(0);
    BufferedImage screen = SetupScreens.draw(spec);
    BufferedImage blank = new BufferedImage(screen.getWidth(), screen.getHeight() / 3, BufferedImage.TYPE_INT_RGB);
    blank.getGraphics().drawImage(screen, 0, 0, null);   // the top third: title and text, no key

    OcrException e = catchThrowableOfType(OcrException.class, () -> PrintedKeys.read(blank));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.NO_KEY_FOUND);
    assertThat(e).hasMessageContaining("send a screenshot that shows the whole key");
  }

  @Test
  void read_bytesOfAPng_readsAsTheImage() {
    TesseractPresent.assume();
    SetupScreens.Spec spec = SetupScreenCorpus.screens(1, 5).get(0);
    BufferedImage screen = SetupScreens.draw(spec);

    assertThat(PrintedKeys.read(SetupScreens.png(screen)).candidate())
        .isEqualTo(PrintedKeys.read(screen).candidate());
  }

  @Test
  void read_notAnImage_isUnreadableImage() {
    TesseractPresent.assume();
    OcrException e = catchThrowableOfType(OcrException.class, () -> PrintedKeys.read(new byte[] {1, 2, 3}));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.UNREADABLE_IMAGE);
  }

  @Test
  void read_overThePixelLimit_isImageTooLarge() {
    TesseractPresent.assume();
    byte[] png = SetupScreens.png(SetupScreens.draw(SetupScreenCorpus.screens(1, 5).get(0)));

    OcrException e = catchThrowableOfType(OcrException.class,
        () -> PrintedKeys.read(png, QrReadOptions.builder().maxPixels(1_000_000).build()));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.IMAGE_TOO_LARGE);
  }

  @Test
  void isAvailable_tesseractInstalled_isTrue() {
    TesseractPresent.assume();

    assertThat(PrintedKeys.isAvailable()).isTrue();
  }
}
