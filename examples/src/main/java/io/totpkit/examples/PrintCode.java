package io.totpkit.examples;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Prints the current TOTP code and the seconds it stays valid, for Google's sample key or for a key or
 * {@code otpauth://} URI given as the argument.
 *
 * <pre>
 * ./totp                                   # the sample key JBSWY3DPEHPK3PXP
 * ./totp "JBSW Y3DP EHPK 3PXP"             # a key as shown on a setup screen
 * ./totp "otpauth://totp/X:me?secret=…"    # a whole enrolment URI
 * </pre>
 */
public final class PrintCode {
  /** Google's Key Uri Format example key. */
  static final String SAMPLE_KEY = "JBSWY3DPEHPK3PXP";

  private PrintCode() {}

  /**
   * Prints the code; exits with status 2 and a one-line error for a key it cannot read.
   *
   * @param args nothing, a Base32 key, or an {@code otpauth://} URI
   */
  public static void main(String[] args) {
    int status = run(args, Clock.systemUTC(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
    if (args.length > 1) {
      err.println("usage: totp [BASE32-KEY | otpauth://URI]");
      return 2;
    }
    String input = args.length == 0 ? SAMPLE_KEY : args[0];
    Totp totp;
    String label;
    try {
      if (input.regionMatches(true, 0, "otpauth://", 0, 10) || input.regionMatches(true, 0, "steam://", 0, 8)) {
        OtpAuthUri uri = OtpAuthUri.parse(input);
        totp = uri.toTotp(clock);
        label = uri.issuer().isEmpty() ? uri.account() : uri.issuer() + " (" + uri.account() + ")";
      } else {
        totp = Totp.builder(Secret.fromBase32(input)).clock(clock).build();
        label = args.length == 0 ? "Google's sample key" : "your key";
      }
    } catch (OtpException | IllegalStateException e) {
      err.println("totp: " + e.getMessage());
      return 2;
    }
    Instant now = clock.instant();
    long secondsLeft = (totp.remaining(now).toMillis() + 999) / 1000;   // as authenticator apps count down
    out.println(label + ": " + totp.generate(now) + "  (" + secondsLeft + " s left)");
    return 0;
  }
}
