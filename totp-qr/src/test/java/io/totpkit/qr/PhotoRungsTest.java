package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.qr.PhotoSets.Kind;
import io.totpkit.qr.PhotoSets.Photo;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves each rung of the decoding ladder after zxing's own: on simulated photos of a screen ({@link PhotoSets}),
 * each rung alone reads photos that zxing's ladder ({@link QrScanner#scan}, the whole reader before the photo
 * rungs) misses; the whole ladder reads at least what the old one did on every kind of damage; clean screenshots
 * still take the fast path. The counts are printed for the module's report.
 */
class PhotoRungsTest {
  /** A rung tried alone on a photo: zxing on a repaired copy, or the second decoder on the photo or a copy. */
  private static final class Rung {
    final String name;
    final List<PhotoRepair> repairs;
    final boolean secondDecoder;

    Rung(List<PhotoRepair> repairs, boolean secondDecoder) {
      this.repairs = repairs;
      this.secondDecoder = secondDecoder;
      this.name = (secondDecoder ? "second decoder on " : "zxing on ")
          + (repairs.isEmpty() ? "the photo" : repairs.stream().map(Enum::name).collect(Collectors.joining("+")));
    }

    boolean reads(Photo photo) {
      Luminance copy = Luminance.of(photo.image);
      float scale = 1;
      for (PhotoRepair repair : repairs) {
        copy = repair.apply(copy);
        scale /= repair.enlargement();
      }
      List<QrScanner.Found> found = secondDecoder ? SecondDecoder.read(copy, scale).found
          : QrScanner.read(copy, scale, QrScanner.invertFirst(copy));
      return found.size() == 1 && found.get(0).text.equals(photo.text);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Every rung the ladder runs after zxing's own, in its order, with the photo sets it must prove itself on: a rung
   * added to the ladder without a proof here fails {@link #rungs_eachHasAProof()}.
   */
  private static final Map<String, List<Kind>> PROOFS = Map.of(
      "zxing on DEMOIRE", List.of(Kind.MOIRE_FINE),
      "zxing on DEMOIRE+EVEN_CONTRAST", List.of(Kind.MOIRE_STRONG, Kind.GLARE_80),
      "zxing on EVEN_CONTRAST", List.of(Kind.GLARE_80, Kind.GLARE_95),
      "zxing on DEMOIRE+SHARPEN", List.of(Kind.MOIRE_FINE, Kind.MOIRE_STRONG),
      "zxing on SHARPEN", List.of(Kind.DEFOCUS_3),
      "zxing on ENLARGE", List.of(Kind.FAR_AWAY),
      "second decoder on the photo", List.of(Kind.GLARE_80, Kind.PERSPECTIVE_EXTREME),
      "second decoder on DEMOIRE+SHARPEN", List.of(Kind.MOIRE_STRONG),
      "second decoder on SHARPEN", List.of(Kind.DEFOCUS_3),
      "second decoder on ENLARGE", List.of(Kind.FAR_AWAY));

  static Stream<Rung> rungs() {
    List<Rung> rungs = new ArrayList<>();
    DecodingLadder.PHOTO_RUNGS.forEach(repairs -> rungs.add(new Rung(repairs, false)));
    rungs.add(new Rung(List.of(), true));
    DecodingLadder.SECOND_DECODER_COPIES.forEach(repairs -> rungs.add(new Rung(repairs, true)));
    return rungs.stream();
  }

  /** Whether zxing's ladder, all there was before the photo rungs, reads each photo; computed once per photo. */
  private static final Map<Photo, Boolean> OLD_LADDER = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean oldLadderReads(Photo photo) {
    return OLD_LADDER.computeIfAbsent(photo, p -> {
      Decoded decoded = QrScanner.scan(Luminance.of(p.image));
      return decoded.texts().equals(List.of(p.text));
    });
  }

  @Test
  void rungs_eachHasAProof() {
    assertThat(PROOFS.keySet()).containsExactlyInAnyOrderElementsOf(
        rungs().map(rung -> rung.name).collect(Collectors.toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rungs")
  void rung_alone_readsPhotosTheOldLadderMisses(Rung rung) {
    DecodeTally.warmUp();
    int missed = 0;
    int rescued = 0;
    List<String> sets = new ArrayList<>();
    for (Kind kind : PROOFS.getOrDefault(rung.name, List.of())) {
      int kindRescued = 0;
      for (Photo photo : PhotoSets.of(kind)) {
        if (!oldLadderReads(photo)) {
          missed++;
          if (rung.reads(photo)) {
            kindRescued++;
          }
        }
      }
      rescued += kindRescued;
      sets.add(kind.description + " " + kindRescued);
    }
    String line = String.format(Locale.ROOT, "[photo rungs] %s alone reads %d of the %d photos zxing's ladder missed (%s)",
        rung, rescued, missed, String.join("; ", sets));
    System.out.println(line);
    assertThat(rescued).as(line).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void decode_photosOfEachKind_readAtLeastWhatTheOldLadderRead(Kind kind) {
    DecodeTally.warmUp();
    int old = 0;
    int now = 0;
    Map<String, Integer> methods = new LinkedHashMap<>();
    List<Long> nanos = new ArrayList<>();
    for (Photo photo : PhotoSets.of(kind)) {
      old += oldLadderReads(photo) ? 1 : 0;
      Luminance image = Luminance.of(photo.image);
      long start = CpuClock.nanos();
      String outcome;
      try {
        Decoded decoded = DecodingLadder.decode(image);
        boolean right = decoded.texts().equals(List.of(photo.text));
        now += right ? 1 : 0;
        outcome = right ? decoded.method.name() : "WRONG TEXT";
      } catch (QrCodeException e) {
        outcome = e.getMessage().substring(0, e.getMessage().indexOf(';'));
      }
      nanos.add(CpuClock.nanos() - start);
      methods.merge(outcome, 1, Integer::sum);
    }
    nanos.sort(null);
    String line = String.format(Locale.ROOT, "[photo] %s: zxing's ladder %d/%d, whole ladder %d/%d %s; CPU median %d ms,"
        + " worst %d ms", kind.description, old, PhotoSets.SIZE, now, PhotoSets.SIZE, methods,
        nanos.get(nanos.size() / 2) / 1_000_000, nanos.get(nanos.size() - 1) / 1_000_000);
    System.out.println(line);
    assertThat(now).as(line).isGreaterThanOrEqualTo(old);
    assertThat(methods).as(line).doesNotContainKey("WRONG TEXT");
  }

  @Test
  void scan_cleanScreenshots_takeTheFastPath() {
    Random random = new Random(31);
    Map<QrScan.Method, Integer> methods = new EnumMap<>(QrScan.Method.class);
    for (int i = 0; i < 8; i++) {
      int[] phone = RobustnessTest.PHONES[i % 2];
      BufferedImage screen = TestImages.screenshot(random, phone[0], phone[1], i % 4 >= 2,
          RobustnessTest.uri(random, i), 3 + i % 6);
      QrScan scan = QrCodes.scan(TestImages.encode(screen, "png"));
      methods.merge(scan.method(), 1, Integer::sum);
      assertThat(scan.describe()).isEqualTo("QR code");
    }
    assertThat(methods).containsExactly(Map.entry(QrScan.Method.QR, 8));
  }

  @Test
  void scan_photoWithGlare_saysWhichRepairReadIt() {
    Photo photo = PhotoSets.of(Kind.GLARE_95).get(0);

    QrScan scan = QrCodes.scan(photo.image);

    assertThat(scan.accounts()).extracting(account -> account.toUriString()).containsExactly(photo.text);
    assertThat(scan.method()).isEqualTo(QrScan.Method.QR_AFTER_REPAIR);
    assertThat(scan.describe()).startsWith("QR code after repair (photo of a screen: ").contains("glare evened out");
  }
}
