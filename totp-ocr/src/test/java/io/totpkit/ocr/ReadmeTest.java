package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrReadOptions;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The examples of the module README, kept identical to the code here, run on a rendered setup screen. */
class ReadmeTest {
  private static final SetupScreens.Spec SCREEN = SetupScreenCorpus.screens(4, 77).get(3);

  /** The README's first example: returns the key, confirmed by a code the platform accepts when it is uncertain. */
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

  /** The README's second example: a picture with both a QR code and a printed key that do not match. */
  static boolean qrCodeAndPrintedKeyAgree(byte[] screenshot) {
    BufferedImage picture = QrCodes.loadImage(screenshot, QrReadOptions.defaults());   // decoded once
    List<OtpAuthUri> accounts = QrCodes.read(picture);
    PrintedKey printed = PrintedKeys.read(picture);
    return printed.matches(accounts.get(0).secret());   // false: report the mismatch, use neither
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
  void qrCodeAndPrintedKeyAgree_sameKeyAndTamperedScreen_trueThenFalse() {
    TesseractPresent.assume();
    SetupScreens.Spec tampered = new SetupScreens.Spec(SCREEN.width, SCREEN.height, SCREEN.dark, SCREEN.font,
        SCREEN.style, SCREEN.key, SetupScreens.key(new java.util.Random(1), SCREEN.key.length(), false), 5);

    assertThat(qrCodeAndPrintedKeyAgree(SetupScreens.png(SetupScreens.draw(SCREEN)))).isTrue();
    assertThat(qrCodeAndPrintedKeyAgree(SetupScreens.png(SetupScreens.draw(tampered)))).isFalse();
  }
}
