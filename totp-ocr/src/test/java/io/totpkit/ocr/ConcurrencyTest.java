package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Backs the "safe to call from any number of threads" line of {@link PrintedKeys}: Tesseract's engines are not
 * thread-safe, and the pool must never hand one to two threads.
 */
class ConcurrencyTest {
  @Test
  void read_fromFourThreadsAtOnce_eachGetsWhatItGetsAlone() throws Exception {
    TesseractPresent.assume();
    List<BufferedImage> screens = new ArrayList<>();
    for (SetupScreens.Spec spec : SetupScreenCorpus.screens(4, 41)) {
      screens.add(SetupScreens.draw(spec));
    }
    List<String> alone = new ArrayList<>();
    for (BufferedImage screen : screens) {
      alone.add(describe(PrintedKeys.read(screen)));
    }

    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> together = new ArrayList<>();
      for (BufferedImage screen : screens) {
        together.add(threads.submit(() -> describe(PrintedKeys.read(screen))));
      }
      for (int i = 0; i < screens.size(); i++) {
        assertThat(together.get(i).get()).as("screen %d", i).isEqualTo(alone.get(i));
      }
    } finally {
      threads.shutdown();
    }
  }

  private static String describe(PrintedKey key) {
    return key.candidate() + " " + key.certain() + " " + key.uncertainPositions();
  }
}
