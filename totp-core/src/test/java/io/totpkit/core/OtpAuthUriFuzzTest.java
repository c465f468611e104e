package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Guards {@link OtpAuthUri#parse}: any text yields a URI that survives {@code parse(toUriString())} unchanged, or an
 * {@link InvalidOtpAuthUriException}; nothing else escapes. {@code verify} replays the seeds in
 * {@code OtpAuthUriFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class OtpAuthUriFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    OtpAuthUri uri;
    try {
      uri = OtpAuthUri.parse(text);
    } catch (InvalidOtpAuthUriException expected) {
      return;
    }
    assertThat(OtpAuthUri.parse(uri.toUriString())).isEqualTo(uri);
  }
}
