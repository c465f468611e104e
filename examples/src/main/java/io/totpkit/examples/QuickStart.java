package io.totpkit.examples;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import java.time.Duration;
import java.time.Instant;

/**
 * The README's quick start, runnable: enrol a user, show their code, verify it once and refuse it the second time.
 * The region between the {@code quick-start} markers is copied verbatim into README.md, and a test checks that it
 * still is.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the quick start and prints what it does.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // quick-start:begin
    // Enrolment: a fresh 160-bit key from SecureRandom, shown to the user as a QR code of this URI.
    Secret secret = Secret.generate(20);
    OtpAuthUri uri = OtpAuthUri.totp(secret).issuer("Example").account("alice@example.com").build();
    String qrText = uri.toUriString();

    // The service shares one replay guard and one attempt limiter between all its verifiers.
    InMemoryReplayGuard replayGuard = new InMemoryReplayGuard();
    AttemptLimiter attemptLimiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));

    // Login: check what the user typed, allowing one step of clock drift either way.
    Totp totp = OtpAuthUri.parse(qrText).toTotp();
    TotpVerifier verifier = TotpVerifier.builder(totp)
        .window(1, 1)
        .replayGuard(replayGuard)
        .attemptLimiter(attemptLimiter)
        .build();
    Instant now = Instant.now();
    String typed = totp.generate(now);                              // what the phone shows
    Verification first = verifier.verify("alice", typed, now);      // ACCEPTED, offset 0
    Verification again = verifier.verify("alice", typed, now);      // REPLAYED: a code works once
    // quick-start:end

    System.out.println("enrolment URI: " + uri);
    System.out.println("code " + typed + ", " + totp.remaining(now).toSeconds() + " s left");
    System.out.println("first try: " + first);
    System.out.println("second try: " + again);
  }
}
