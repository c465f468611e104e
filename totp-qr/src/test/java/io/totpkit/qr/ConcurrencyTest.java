package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Backs the "safe to call from any number of threads" line of {@link QrCodes}. */
class ConcurrencyTest {
  @Test
  void readText_fromFourThreadsAtOnce_eachGetsItsOwnCodes() throws Exception {
    Random random = new Random(11);
    List<BufferedImage> screens = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = RobustnessTest.uri(random, i);
      texts.add(text);
      screens.add(TestImages.screenshot(random, 720, 1560, i % 2 == 0, text, 4));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (BufferedImage screen : screens) {
          results.add(pool.submit(() -> QrCodes.readText(screen)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).containsExactly(texts.get(i % screens.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
