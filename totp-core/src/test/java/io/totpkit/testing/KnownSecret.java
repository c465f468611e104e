package io.totpkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The known key of every module's "no secret in any text" test, and the check itself: no 8-character run of the key
 * in any of its renderings. Public so that the other modules' tests use it through totp-core's test-jar.
 */
public final class KnownSecret {
  /** An otpauth URI carrying the key. */
  public static final String URI;
  /** The key in Base32, as a user would paste it. */
  public static final String BASE32;
  /** Twenty key bytes that are not text, so every rendering of them is distinctive. */
  private static final byte[] RAW = HexFormat.of().parseHex("9c4f21e0b7d85a13f6e2c0aa7d3b19e4f0817c5d");

  static {
    BASE32 = Secret.fromBytes(RAW).toBase32();
    URI = "otpauth://totp/Acme:ops?secret=" + BASE32 + "&issuer=Acme";
  }

  private KnownSecret() {}

  /** Returns a copy of the key bytes. */
  public static byte[] raw() {
    return RAW.clone();
  }

  /** The key as Base32 (both cases, padded or not), hex (both cases), Base64 and raw Latin-1 or UTF-8 text. */
  public static List<String> forms() {
    String padded = BASE32 + "=".repeat((8 - BASE32.length() % 8) % 8);
    return List.of(BASE32, BASE32.toLowerCase(), padded, padded.toLowerCase(), HexFormat.of().formatHex(RAW),
        HexFormat.of().withUpperCase().formatHex(RAW), Base64.getEncoder().encodeToString(RAW),
        new String(RAW, StandardCharsets.ISO_8859_1), new String(RAW, StandardCharsets.UTF_8));
  }

  /** Fails if {@code text} holds any 8-character run of any rendering of the key. */
  public static void assertNoSecretIn(String what, String text) {
    for (String form : forms()) {
      for (int i = 0; i + 8 <= form.length(); i++) {
        assertThat(text).as("%s leaks the secret", what).doesNotContain(form.substring(i, i + 8));
      }
    }
  }

  /** Everything a throwable would print: its stack trace, and each cause's message, plain and localized. */
  public static String fullText(Throwable thrown) {
    java.io.StringWriter out = new java.io.StringWriter();
    thrown.printStackTrace(new java.io.PrintWriter(out));
    StringBuilder text = new StringBuilder(out.toString());
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage());
    }
    return text.toString();
  }
}
