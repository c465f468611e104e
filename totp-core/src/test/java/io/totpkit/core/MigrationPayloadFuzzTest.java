package io.totpkit.core;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Guards Google Authenticator export decoding: any {@code otpauth-migration} text ({@link MigrationPayload#parse}) and
 * any protobuf bytes ({@link MigrationPayload#decode}) yield a payload or an
 * {@link InvalidMigrationPayloadException}; nothing else escapes. {@code verify} replays the seeds in
 * {@code MigrationPayloadFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class MigrationPayloadFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] data) {
    try {
      MigrationPayload.parse(new String(data, StandardCharsets.UTF_8)).accounts();
    } catch (InvalidMigrationPayloadException expected) {
      // refused with the typed exception: fine
    }
  }

  @FuzzTest(maxDuration = "10m")
  void decode(byte[] data) {
    try {
      MigrationPayload.decode(data).accounts();
    } catch (InvalidMigrationPayloadException expected) {
      // refused with the typed exception: fine
    }
  }
}
