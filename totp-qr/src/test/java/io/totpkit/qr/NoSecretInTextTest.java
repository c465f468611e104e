package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.totpkit.testing.KnownSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No key material in any text the QR module produces: the accounts it decodes, its options, and every
 * {@link QrCodeException} (causes and stack traces included) from pictures that carry the secret in unusable codes,
 * plus anything written to standard output or standard error meanwhile.
 */
class NoSecretInTextTest {
  private static final byte[] RAW = KnownSecret.raw();
  private static final String BASE32 = KnownSecret.BASE32;
  private static final String URI = KnownSecret.URI;

  @TempDir Path dir;

  private static byte[] png(String text) {
    return TestImages.encode(TestImages.code(text, 6, 4, false), "png");
  }

  @Test
  void decodedAccountsOptionsAndErrors_withAKnownSecret_showNoKeyMaterial() throws Exception {
    List<Object> objects = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      OtpAuthUri uri = OtpAuthUri.parse(URI);
      objects.addAll(QrCodes.read(QrCodes.png(uri, QrOptions.defaults())));
      objects.addAll(QrCodes.read(png(MigrationPayload.encode(List.of(uri)).get(0))));
      QrScan scan = QrCodes.scan(png(MigrationPayload.encode(List.of(uri)).get(0)));
      objects.add(scan);
      objects.add(scan.describe());
      objects.add(scan.exportPart().orElseThrow());
      objects.add(QrOptions.defaults());
      objects.add(QrOptions.builder().size(300));
      objects.add(QrReadOptions.defaults());
      for (String text : List.of(URI + "&digits=5", URI.replace("secret=", "secret=1"), URI + "&algorithm=MD5",
          BASE32, "https://example.com/setup?key=" + BASE32, "geo:" + BASE32, BASE32.toLowerCase() + ":x",
          "otpauth-migration://offline?data=" + BASE32, "BEGIN:VCARD\nNOTE:" + BASE32)) {
        thrown.add(catchThrowable(() -> QrCodes.read(png(text))));
      }
      Path named = Files.write(dir.resolve("not-an-image.png"), new byte[] {1, 2, 3});
      thrown.add(catchThrowable(() -> QrCodes.read(named)));
      thrown.add(catchThrowable(() -> QrCodes.read(dir.resolve("missing.png"))));
      thrown.add(catchThrowable(() -> QrCodes.read(RAW)));
      thrown.add(catchThrowable(() -> QrCodes.read(new byte[0])));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(thrown).doesNotContainNull().allMatch(t -> t instanceof QrCodeException).hasSize(13);
    assertThat(objects).hasSize(8);
    for (Object object : objects) {
      KnownSecret.assertNoSecretIn(object.getClass().getSimpleName(), String.valueOf(object));
    }
    for (Throwable throwable : thrown) {
      KnownSecret.assertNoSecretIn(((QrCodeException) throwable).reason().toString(), KnownSecret.fullText(throwable));
    }
    KnownSecret.assertNoSecretIn("standard output and error", printed.toString(StandardCharsets.UTF_8));
  }
}
