package io.totpkit.core;

import io.totpkit.testing.KnownSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No key material in any text the core produces: every public type's {@code toString()}, and every exception's
 * message and stack trace (causes included), scanned for the secret in Base32, hex, Base64 and raw form.
 */
class NoSecretInTextTest {
  private static final String BASE32 = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"; // "abcdefghijklmnopqrst"
  private static final byte[] RAW = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);

  private static List<String> forms() {
    return List.of(BASE32, BASE32.toLowerCase(), HexFormat.of().formatHex(RAW), HexFormat.of().withUpperCase()
        .formatHex(RAW), Base64.getEncoder().encodeToString(RAW), new String(RAW, StandardCharsets.US_ASCII));
  }

  /** Fails if {@code text} contains any 8-character run of any form of the secret. */
  private static void assertNoSecretIn(String text) {
    for (String form : forms()) {
      for (int i = 0; i + 8 <= form.length(); i++) {
        assertThat(text).as("text leaks the secret").doesNotContain(form.substring(i, i + 8));
      }
    }
  }

  @Test
  void toString_everyTypeHoldingTheSecret_showsNoKeyMaterial() {
    Secret secret = Secret.fromBytes(RAW);
    Totp totp = Totp.builder(secret).build();
    Hotp hotp = Hotp.builder(secret).build();
    OtpAuthUri uri = OtpAuthUri.totp(secret).issuer("Acme").account("me").parameter("image", "x").build();
    OtpAuthUri hotpUri = OtpAuthUri.hotp(secret, 5).account("me").build();
    MigrationPayload payload = MigrationPayload.parse(MigrationPayload.encode(List.of(uri, hotpUri)).get(0));
    InMemoryReplayGuard guard = new InMemoryReplayGuard();
    AttemptLimiter limiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));
    TotpVerifier verifier = TotpVerifier.builder(totp).replayGuard(guard).attemptLimiter(limiter).build();
    HotpVerifier hotpVerifier = HotpVerifier.builder(hotp).replayGuard(guard).attemptLimiter(limiter).build();
    Verification verification = verifier.verify("me", totp.generate(Instant.now()));

    List<Object> objects = new ArrayList<>(List.of(secret, totp, hotp, uri, hotpUri, payload, guard, limiter,
        verifier, hotpVerifier, verification, Totp.builder(secret), OtpAuthUri.totp(secret)));
    objects.addAll(payload.accounts());
    for (Object object : objects) {
      assertNoSecretIn(object.toString());
    }
    assertThat(uri.toUriString()).contains(BASE32);   // the one place the secret is meant to be
  }

  @Test
  void exceptions_fromInputsCarryingTheSecret_showNoKeyMaterial() {
    String uri = "otpauth://totp/Acme:me?secret=" + BASE32;
    List<Throwable> thrown = new ArrayList<>();
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "&digits=5")));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "&period=0")));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "&secret=" + BASE32)));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "&algorithm=MD5")));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "%ZZ")));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri.replace("totp", "xotp"))));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri.replace("otpauth", "https"))));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri.replace("secret=MFRG", "secret=MFR1"))));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "!")));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri.replace("totp", "hotp"))));
    thrown.add(catchThrowable(() -> OtpAuthUri.parse(uri + "&".repeat(9000))));
    thrown.add(catchThrowable(() -> Secret.fromBase32(BASE32 + "1")));
    thrown.add(catchThrowable(() -> Secret.fromBase32(BASE32 + "=A")));
    thrown.add(catchThrowable(() -> Secret.fromBase32(BASE32 + "A")));
    String export = MigrationPayload.encode(List.of(OtpAuthUri.parse(uri))).get(0);
    // Cut inside the first account, whose length prefix then runs past the end: always an error.
    int data = export.indexOf("data=") + 5;
    thrown.add(catchThrowable(() -> MigrationPayload.parse(export.substring(0, data + 20))));
    thrown.add(catchThrowable(() -> MigrationPayload.parse(export + "%ZZ")));
    thrown.add(catchThrowable(() -> MigrationPayload.encode(List.of(
        OtpAuthUri.parse(uri).toBuilder().period(Duration.ofSeconds(60)).build()))));
    assertThat(thrown).doesNotContainNull().hasSize(17);
    for (Throwable throwable : thrown) {
      assertNoSecretIn(KnownSecret.fullText(throwable));
    }
  }
}
