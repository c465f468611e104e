package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Measures how long {@link QrCodes#readText(BufferedImage)} takes on typical 1080×2340 setup screenshots (module
 * sizes 3 to 8 pixels, one in four in dark mode) and on the slow cases: a screenshot without a code, a JPEG
 * recompressed after downscaling, and photos of a screen that only the photo rungs or the second decoder read. The JMH benchmark in totp-bench is the precise measurement; this test prints the
 * figures for the module's report and fails only on a gross regression, since build machines are shared.
 */
class DecodeTimingTest {

  @Test
  void readText_typicalScreenshots_medianWellUnderBudget() {
    Random random = new Random(2026);
    List<BufferedImage> screens = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String text = RobustnessTest.uri(random, i);
      texts.add(text);
      screens.add(TestImages.screenshot(random, 1080, 2340, i % 4 == 3, text, 3 + i % 6));
    }
    for (int round = 0; round < 3; round++) {   // warm up: let the JIT compile the decoder
      for (int i = 0; i < screens.size(); i++) {
        assertThat(QrCodes.readText(screens.get(i))).containsExactly(texts.get(i));
      }
    }
    List<Long> nanos = new ArrayList<>();
    List<Long> cpuNanos = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (BufferedImage screen : screens) {
        long cpu = CpuClock.nanos();
        long start = System.nanoTime();
        QrCodes.readText(screen);
        nanos.add(System.nanoTime() - start);
        cpuNanos.add(CpuClock.nanos() - cpu);
      }
    }
    Collections.sort(nanos);
    Collections.sort(cpuNanos);
    double median = nanos.get(nanos.size() / 2) / 1e6;
    // Wall-clock time suffers when other builds share the machine; the thread's CPU time much less so.
    System.out.printf(Locale.ROOT, "[timing] typical 1080×2340 screenshots (%d decodes): median %.1f ms, worst %.1f ms"
        + " (thread CPU time: median %.1f ms, worst %.1f ms)%n", nanos.size(), median,
        nanos.get(nanos.size() - 1) / 1e6, cpuNanos.get(cpuNanos.size() / 2) / 1e6,
        cpuNanos.get(cpuNanos.size() - 1) / 1e6);
    assertThat(median).as("median decode time in ms").isLessThan(250);
  }

  @Test
  void readText_slowCases_finishUnderTwoSecondsEvenOnABusyMachine() {
    Random random = new Random(7);
    BufferedImage warm = TestImages.screenshot(random, 1080, 2340, false, RobustnessTest.uri(random, 0), 4);
    BufferedImage empty = TestImages.screenshot(random, 1440, 3200, true, new BufferedImage[0], new int[0][]);
    BufferedImage jpeg = QrCodesReadTestSupport.jpegOf(TestImages.scale(
        TestImages.screenshot(random, 1440, 3200, false, RobustnessTest.uri(random, 1), 3), 0.45), 0.35f);
    for (int i = 0; i < 3; i++) {
      QrCodes.readText(warm);
      time(empty);
      time(jpeg);
    }
    double[] noCode = time(empty);
    double[] smallJpeg = time(jpeg);
    System.out.printf(Locale.ROOT, "[timing] no code, dark 1440×3200: %.1f ms (CPU %.1f ms); JPEG q35 of 45%%"
        + " 1440×3200, 3-px modules: %.1f ms (CPU %.1f ms)%n", noCode[0], noCode[1], smallJpeg[0], smallJpeg[1]);
    assertThat(noCode[0]).as("decode time of a picture without a code, in ms").isLessThan(2000);
  }

  /**
   * The photo rungs and the second decoder run only for pictures zxing's ladder cannot read, and must then finish
   * within 2 s for a 1080×2340 photo: timed on the simulated photos that need them (and on one without a code, which
   * runs every rung), by thread CPU time after a warm-up round.
   */
  @Test
  void readText_photosThatNeedTheSlowRungs_underTwoSecondsOfCpu() {
    List<PhotoSets.Kind> kinds = List.of(PhotoSets.Kind.MOIRE_STRONG, PhotoSets.Kind.GLARE_95,
        PhotoSets.Kind.PERSPECTIVE_EXTREME, PhotoSets.Kind.FAR_AWAY, PhotoSets.Kind.DEFOCUS_4);
    Random random = new Random(12);
    BufferedImage noCode = PhotoDamage.photograph(TestImages.screenshot(random, 1080, 2340, false,
        new BufferedImage[0], new int[0][]), PhotoDamage.Camera.portrait().rotated(3), random).image;
    DecodeTally.warmUp();
    for (PhotoSets.Kind kind : kinds) {
      time(PhotoSets.of(kind).get(0).image);   // warm up: let the JIT compile the rungs and BoofCV
    }
    long worst = 0;
    for (PhotoSets.Kind kind : kinds) {
      List<Long> cpu = new ArrayList<>();
      for (PhotoSets.Photo photo : PhotoSets.of(kind)) {
        cpu.add((long) time(photo.image)[1]);
      }
      Collections.sort(cpu);
      worst = Math.max(worst, cpu.get(cpu.size() - 1));
      System.out.printf(Locale.ROOT, "[timing] photo 1080×2340, %s (%d decodes): CPU median %d ms, worst %d ms%n",
          kind.description, cpu.size(), cpu.get(cpu.size() / 2), cpu.get(cpu.size() - 1));
    }
    double[] nothing = time(noCode);
    System.out.printf(Locale.ROOT, "[timing] photo 1080×2340 without a code (every rung): %.1f ms (CPU %.1f ms)%n",
        nothing[0], nothing[1]);
    assertThat(Math.max(worst, (long) nothing[1])).as("worst CPU time of a photo that needs the slow rungs, in ms")
        .isLessThan(2000);
  }

  /** Returns the wall-clock and the thread's CPU time of one decode, in milliseconds. */
  private static double[] time(BufferedImage image) {
    long cpu = CpuClock.nanos();
    long start = System.nanoTime();
    try {
      QrCodes.readText(image);
    } catch (QrCodeException e) {
      // timing only
    }
    return new double[] {(System.nanoTime() - start) / 1e6, (CpuClock.nanos() - cpu) / 1e6};
  }
}
