package io.totpkit.bench.photos;

import io.totpkit.core.MigrationPayload;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Gives a Google Authenticator export text a chosen batch id. {@link MigrationPayload#encode} draws the id from a
 * {@code SecureRandom}, as the app does, so the same accounts make a different code on every call; a seeded sample
 * must draw the same pixels on every run, or its decode rate would change from run to run.
 *
 * <p>Thread-safety: stateless.
 */
final class ExportText {
  /** The batch id's field number in the export's protobuf ({@code MigrationPayload.batch_id}). */
  private static final int BATCH_ID_FIELD = 5;

  private ExportText() {}

  /**
   * The same export with batch id {@code batchId}: the id is the payload's last field, which is rewritten.
   *
   * @param text an {@code otpauth-migration://offline?data=…} text as {@link MigrationPayload#encode} writes it
   * @param batchId the id to write
   * @return the text, which {@link MigrationPayload#parse} reads back with the same accounts and that id
   */
  static String withBatchId(String text, int batchId) {
    int start = text.indexOf("data=") + "data=".length();
    byte[] payload = Base64.getDecoder().decode(URLDecoder.decode(text.substring(start), StandardCharsets.UTF_8));
    byte[] drawn = field(MigrationPayload.parse(text).batchId());
    int kept = payload.length - drawn.length;
    if (kept < 0 || !Arrays.equals(payload, kept, payload.length, drawn, 0, drawn.length)) {
      throw new AssertionError("the batch id is not the last field of the export's payload");
    }
    byte[] chosen = field(batchId);
    byte[] out = Arrays.copyOf(payload, kept + chosen.length);
    System.arraycopy(chosen, 0, out, kept, chosen.length);
    String base64 = Base64.getEncoder().encodeToString(out);
    return text.substring(0, start) + base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  /** The field's tag and value, an int32 varint: a negative id is written sign-extended to ten bytes. */
  private static byte[] field(int batchId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(BATCH_ID_FIELD << 3);
    long value = batchId;
    while ((value & ~0x7fL) != 0) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }
}
