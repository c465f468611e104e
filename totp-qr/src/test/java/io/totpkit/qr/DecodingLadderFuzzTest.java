package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Guards the whole decoding ladder on any small picture, where every rung is cheap ({@link QrCodesFuzzTest} reaches
 * the photo rungs and the second decoder only on the rare input that decodes to an image without a code, at seconds
 * an input): {@link DecodingLadder#decode} returns codes read by a named method, or throws a {@link QrCodeException}
 * with reason {@link QrCodeException.Reason#NO_QR_CODE} and one of {@link PictureDiagnosis}'s three messages; nothing
 * else escapes. Pictures are in {@link FuzzedGrey}'s layout. Seeds in {@code DecodingLadderFuzzTestInputs/}, one per
 * way out of the ladder: a clean code (fast path); 240×240 photos of a code ({@link PhotoDamage#photograph}) that the
 * de-moiré rung, the de-moiré + unsharp rung and the second decoder read, and that are too small or out of focus; a
 * screen without a code. Fuzz with zxing and BoofCV instrumented too ({@code -Djazzer.instrumentation_includes=
 * io.totpkit.**:com.google.zxing.**:boofcv.**:georegression.**:org.ddogleg.**:org.ejml.**}).
 */
class DecodingLadderFuzzTest {
  /** {@code data}: a picture in {@link FuzzedGrey}'s layout. */
  @FuzzTest(maxDuration = "10m")
  void decode(byte[] data) {
    Luminance image = FuzzedGrey.decode(data, 0);
    if (image == null) {
      return;
    }
    Decoded decoded;
    try {
      decoded = DecodingLadder.decode(image);
    } catch (QrCodeException e) {
      assertThat(e.reason()).isEqualTo(QrCodeException.Reason.NO_QR_CODE);
      assertThat(e.getMessage()).isIn(PictureDiagnosis.BLURRED, PictureDiagnosis.TOO_SMALL,
          PictureDiagnosis.NOT_FOUND);
      return;
    }
    assertThat(decoded.isEmpty()).isFalse();
    assertThat(decoded.method).isNotNull();
    assertThat(decoded.texts()).doesNotContainNull().doesNotHaveDuplicates();
  }
}
