package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpParameters;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.qr.QrReadOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The examples of the module README, kept identical to the code here, run on a rendered setup screen. */
class ReadmeTest {
  private static final SetupScreens.Spec SCREEN = SetupScreenCorpus.screens(4, 77).get(3);

  /** The README's first example: the whole rule, settled by a code the client reads out when in doubt. */
  static Optional<Secret> intake(byte[] screenshot, String codeTheClientReadsOut, Consumer<String> log) {
    ScreenshotReading reading = Screenshots.read(screenshot, QrReadOptions.defaults());
    log.accept("read: " + reading.describe());   // no secret in it
    if (reading.crossCheck() == ScreenshotReading.CrossCheck.DIFFERS) {
      return Optional.empty();   // the key printed in the picture is not the QR code's: a person must look
    }
    if (reading.qr().isPresent()) {
      return Optional.of(reading.accounts().get(0).secret());
    }
    PrintedKey key = reading.printedKey().orElseThrow();   // no QR code could be read, but the printed key was
    if (key.certain()) {
      return Optional.of(Secret.fromBase32(key.candidate()));
    }
    // A code the client's authenticator app shows now picks the one reading that gives it.
    return key.confirm(codeTheClientReadsOut, Instant.now(), OtpParameters.totp().build());
  }

  /** The README's second example: returns the key, confirmed by a code the platform accepts when it is uncertain. */
  static Secret enrol(byte[] screenshot, Predicate<String> platformAcceptsCode) {
    PrintedKey key = PrintedKeys.read(screenshot);
    if (key.certain()) {
      return Secret.fromBase32(key.candidate());
    }
    // Show the person key.uncertainPositions() to check against the screen, or let the platform decide:
    Instant now = Instant.now();
    for (String candidate : key.candidates()) {   // most likely first, at most 64
      Secret secret = Secret.fromBase32(candidate);
      if (platformAcceptsCode.test(Totp.builder(secret).build().generate(now))) {
        return secret;
      }
    }
    throw new IllegalStateException("no reading of the key is accepted: ask for the key by another way");
  }

  @Test
  void enrol_renderedScreen_returnsTheKeyTheScreenShows() {
    TesseractPresent.assume();
    Secret truth = Secret.fromBase32(SCREEN.key);
    Totp platform = Totp.builder(truth).build();
    byte[] screenshot = SetupScreens.png(SetupScreens.draw(SCREEN));

    Secret enrolled = enrol(screenshot, code -> code.equals(platform.generate(Instant.now())));

    assertThat(enrolled).isEqualTo(truth);
  }

  @Test
  void intake_screenWithCodeOrWithoutOrTampered_theKeyOrNothing() {
    TesseractPresent.assume();
    Secret truth = Secret.fromBase32(SCREEN.key);
    String code = Totp.builder(truth).build().generate(Instant.now());
    SetupScreens.Spec washedOut = new SetupScreens.Spec(SCREEN.width, SCREEN.height, SCREEN.dark, SCREEN.font,
        SCREEN.style, SCREEN.key, null, SCREEN.seed);
    SetupScreens.Spec tampered = new SetupScreens.Spec(SCREEN.width, SCREEN.height, SCREEN.dark, SCREEN.font,
        SCREEN.style, SCREEN.key, SetupScreens.key(new java.util.Random(1), SCREEN.key.length(), false), 5);
    List<String> log = new ArrayList<>();

    assertThat(intake(SetupScreens.png(SetupScreens.draw(SCREEN)), code, log::add)).contains(truth);
    assertThat(intake(SetupScreens.png(SetupScreens.draw(washedOut)), code, log::add)).contains(truth);
    // Tampered: refused when the printed key was read with certainty, else the QR code's key, never unnoticed.
    Optional<Secret> fromTampered = intake(SetupScreens.png(SetupScreens.draw(tampered)), code, log::add);
    assertThat(fromTampered.filter(truth::equals)).isEmpty();
    assertThat(log.get(2)).containsAnyOf("the key printed in the picture is a different key",
        "the printed key could not be read well enough to confirm it");
    assertThat(log).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("read: ").doesNotContain(SCREEN.key));
    assertThat(log.get(1)).startsWith("read: no QR code could be read; the printed key was read by OCR");
  }
}
