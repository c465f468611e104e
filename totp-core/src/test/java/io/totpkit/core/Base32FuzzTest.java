package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Guards {@link Secret#fromBase32}: any text yields a secret that re-encodes to the same bytes, or an
 * {@link InvalidSecretException}; nothing else escapes. {@code verify} replays the seeds in
 * {@code Base32FuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class Base32FuzzTest {
  @FuzzTest(maxDuration = "10m")
  void fromBase32(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Secret secret;
    try {
      secret = Secret.fromBase32(text);
    } catch (InvalidSecretException expected) {
      return;
    }
    byte[] bytes = secret.bytes();
    assertThat(Secret.fromBase32(Base32.encode(bytes)).bytes()).isEqualTo(bytes);
  }
}
