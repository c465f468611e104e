package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.core.Totp;
import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Prints the accounts found in a screenshot of a 2-step-verification setup screen, with each one's current code. The
 * secret itself is never printed.
 *
 * <pre>
 * java -cp examples/target/examples.jar io.totpkit.examples.ReadScreenshot screenshot.png
 * TikTok (brand): 492039  (17 s left)
 * </pre>
 *
 * <p>When the picture yields no account it prints one line saying why, meant for the person who sent it, and exits
 * with status 2.
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
    List<OtpAuthUri> accounts;
    try {
      accounts = QrCodes.read(Path.of(args[0]));
    } catch (QrCodeException e) {
      // e.reason() tells NO_QR_CODE, NOT_AUTHENTICATOR_CODE, UNREADABLE_IMAGE … apart; messages hold no secret.
      err.println("ReadScreenshot: " + e.getMessage());
      return 2;
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
