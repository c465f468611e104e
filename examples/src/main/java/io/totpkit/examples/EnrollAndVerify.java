package io.totpkit.examples;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A service turning on 2-step verification for a user: a new secret, its enrolment QR code as a PNG, then logins
 * checked with a one-step window, a replay guard and an attempt limiter.
 *
 * <p>Run: {@code java -cp examples/target/examples.jar io.totpkit.examples.EnrollAndVerify [QR.png]}
 */
public final class EnrollAndVerify {
  private EnrollAndVerify() {}

  /**
   * Runs the example.
   *
   * @param args where to write the QR code (default: a temporary file)
   * @throws IOException if the PNG cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path png = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("enrol-", ".png");
    run(png, Clock.systemUTC(), System.out);
  }

  static void run(Path png, Clock clock, PrintStream out) throws IOException {
    // enroll-and-verify:begin
    // Enrolment: a new key, stored with the user's account; the QR code is shown once, on the settings page.
    Secret secret = Secret.generate(HmacAlgorithm.SHA1);
    OtpAuthUri uri = OtpAuthUri.totp(secret).issuer("Example").account("alice@example.com").build();
    Files.write(png, QrCodes.png(uri, QrOptions.defaults()));

    // One replay guard and one attempt limiter for the whole service; one verifier per user's key.
    InMemoryReplayGuard replayGuard = new InMemoryReplayGuard();
    AttemptLimiter limiter = AttemptLimiter.inMemory(3, Duration.ofMinutes(1));
    Totp totp = uri.toTotp(clock);
    TotpVerifier verifier = TotpVerifier.builder(totp)
        .window(1, 1)
        .replayGuard(replayGuard)
        .attemptLimiter(limiter)
        .build();

    Instant now = clock.instant();
    String late = totp.generate(now.minus(Duration.ofSeconds(30)));  // the phone's clock is 30 s behind
    Verification login = verifier.verify("alice", late, now);       // ACCEPTED, offset -1
    Verification replay = verifier.verify("alice", late, now);      // REPLAYED
    Verification guess = verifier.verify("alice", "000000", now);   // REJECTED (or, by chance, REPLAYED)
    // enroll-and-verify:end

    out.println("QR code for the phone: " + png);
    out.println("login with a code 30 s old: " + login);
    out.println("the same code again: " + replay);
    out.println("a guess: " + guess);
    Verification last = guess;
    for (int i = 0; i < 3; i++) {
      last = verifier.verify("alice", "000000", now);
    }
    out.println("after more wrong guesses: " + last.status() + ", retry after " + last.retryAfter().toSeconds()
        + " s");
  }
}
