package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.ocr.PrintedKey;
import io.totpkit.ocr.ScreenshotReading;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.ocr.Screenshots;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Prints the accounts found in a screenshot of a 2-step-verification setup screen, how they were read, and each one's
 * current code: from the QR code, or from the setup key printed under it when no code can be read and Tesseract is
 * installed. The secret itself is never printed.
 *
 * <pre>
 * java -cp examples/target/examples.jar io.totpkit.examples.ReadScreenshot screenshot.png
 * Read: QR code; the printed key agrees
 * TikTok (brand): 492039  (17 s left)
 * </pre>
 *
 * <p>When the picture yields no account it prints one line saying why, meant for the person who sent it, and exits
 * with status 2; when the printed key differs from the QR code, or a character of it is in doubt, it says so and exits
 * with status 1.
 */
public final class ReadScreenshot {
  private ReadScreenshot() {}

  /**
   * Reads the screenshot and prints its accounts.
   *
   * @param args the path of one image file (PNG, JPEG, GIF or BMP)
   */
  public static void main(String[] args) {
    int status = run(args, Clock.systemUTC(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: ReadScreenshot SCREENSHOT.png");
      return 2;
    }
    // read-screenshot:begin
    ScreenshotReading reading;
    try {
      reading = Screenshots.read(Path.of(args[0]));
    } catch (OtpException e) {
      // QrCodeException (NO_QR_CODE, UNREADABLE_IMAGE …) or OcrException; messages hold no secret and say what to send.
      err.println("ReadScreenshot: " + e.getMessage());
      return 2;
    }
    out.println("Read: " + reading.describe());
    if (reading.crossCheck() == CrossCheck.DIFFERS) {
      return 1;   // the picture shows two different keys: a person must look
    }
    List<OtpAuthUri> accounts = reading.accounts();
    if (accounts.isEmpty()) {   // no QR code could be read; the key printed under it was
      PrintedKey key = reading.printedKey().orElseThrow();
      if (!key.certain()) {
        return 1;   // settle it with key.confirm(code, now, parameters): a code the client's app shows now
      }
      accounts = List.of(OtpAuthUri.totp(Secret.fromBase32(key.candidate())).account("printed key").build());
    }
    Instant now = clock.instant();
    for (OtpAuthUri account : accounts) {
      String label = account.issuer().isEmpty()
          ? account.account()
          : account.issuer() + " (" + account.account() + ")";
      if (account.type() == OtpType.HOTP) {
        out.println(label + ": counter-based code, next counter " + account.counter().getAsLong());
        continue;
      }
      Totp totp = account.toTotp(clock);
      long secondsLeft = (totp.remaining(now).toMillis() + 999) / 1000;
      out.println(label + ": " + totp.generate(now) + "  (" + secondsLeft + " s left)");
    }
    // read-screenshot:end
    return 0;
  }
}
