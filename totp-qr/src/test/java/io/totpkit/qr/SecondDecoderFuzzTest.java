package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import boofcv.abst.fiducial.QrCodePreciseDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards the second decoder on any small picture: {@link SecondDecoder#read} returns what BoofCV decoded or nothing,
 * never throws, and never returns a text BoofCV did not decode. The test runs BoofCV's detector on the same pixels
 * itself and compares: the texts returned are exactly the distinct messages of BoofCV's detections, each once; when
 * BoofCV throws, nothing is returned; the finder-pattern count and module size agree with each other. Pictures are in
 * {@link FuzzedGrey}'s layout. Seeds in {@code SecondDecoderFuzzTestInputs/}: codes drawn by {@link TestImages#code}
 * (light, which BoofCV reads, and dark, which it does not), and 240×240 photos of a code far from the camera
 * ({@link PhotoDamage#photograph}), one with moiré, one out of focus and sharpened as the ladder sharpens it. Fuzz with
 * BoofCV instrumented too ({@code -Djazzer.instrumentation_includes=io.totpkit.**:boofcv.**:georegression.**:
 * org.ddogleg.**:org.ejml.**}), or the fuzzer sees no coverage inside the detector.
 */
class SecondDecoderFuzzTest {
  /** {@code data}: a picture in {@link FuzzedGrey}'s layout. */
  @FuzzTest(maxDuration = "10m")
  void read(byte[] data) {
    Luminance image = FuzzedGrey.decode(data, 0);
    if (image == null) {
      return;
    }

    SecondDecoder.Seen seen = SecondDecoder.read(image, 1);

    List<String> texts = seen.found.stream().map(found -> found.text).collect(Collectors.toList());
    assertThat(texts).doesNotHaveDuplicates().doesNotContainNull().containsExactlyInAnyOrderElementsOf(boofcv(image));
    assertThat(seen.finderPatterns).isNotNegative();
    assertThat(Double.isNaN(seen.moduleSize)).isEqualTo(seen.finderPatterns == 0);
  }

  /** The distinct messages BoofCV's own detector decodes in {@code image}; none when it throws or the image is small. */
  private static Set<String> boofcv(Luminance image) {
    Set<String> messages = new LinkedHashSet<>();
    if (image.width < 21 || image.height < 21) {
      return messages;
    }
    GrayU8 gray = new GrayU8(image.width, image.height);
    System.arraycopy(image.pixels, 0, gray.data, 0, image.pixels.length);
    QrCodePreciseDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
    try {
      detector.process(gray);
    } catch (RuntimeException e) {
      return messages;
    }
    for (QrCode code : detector.getDetections()) {
      if (code.message != null) {
        messages.add(code.message);
      }
    }
    return messages;
  }
}
