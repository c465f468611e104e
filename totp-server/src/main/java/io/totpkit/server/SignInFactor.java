package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.ReplayGuard;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrOptions;
import io.totpkit.vault.MemberSeal;
import io.totpkit.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A staff member's own TOTP, the second step of signing in: kept in {@link ServerState} sealed with the member's
 * {@link MemberSeal} (only their passphrase opens it), checked by totpkit's {@link TotpVerifier} with one step of
 * drift either way, a replay guard (a code is accepted once) and an attempt limiter (five failures, then a wait).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SignInFactor {
  /** Bound into the seal's key: a sealed factor opens for nothing else. */
  static final String PURPOSE = "totp-server sign-in factor";
  static final String ISSUER = "totpkit server";

  private final ServerState state;
  private final ReplayGuard replayGuard = new InMemoryReplayGuard();
  private final AttemptLimiter limiter;
  private final Clock clock;

  SignInFactor(ServerState state, Clock clock) {
    this.state = state;
    this.clock = clock;
    this.limiter = AttemptLimiter.inMemory(5, Duration.ofMinutes(1));
  }

  /**
   * The member's enrolled factor, opened with their vault; empty if they have none, or it was sealed for a key pair
   * they no longer hold (their passphrase was set anew by an OWNER): they enrol again.
   */
  Optional<Secret> enrolled(Vault vault) {
    Optional<byte[]> sealed = state.factor(vault.member());
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    try (MemberSeal seal = vault.memberSeal(PURPOSE)) {
      Optional<byte[]> raw = seal.open(sealed.get());
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Secret.fromBytes(raw.get()));
      } finally {
        Wipe.bytes(raw.get());
      }
    }
  }

  /** A new factor key for a member who has none. */
  static Secret fresh() {
    return Secret.generate(HmacAlgorithm.SHA1);
  }

  /** The enrolment URI an authenticator app scans (shown to its member once, as a QR code and a setup key). */
  static OtpAuthUri enrolmentUri(Secret secret, String member) {
    return OtpAuthUri.totp(secret).issuer(ISSUER).account(member).build();
  }

  /** The enrolment QR code as PNG bytes. */
  static byte[] enrolmentPng(Secret secret, String member) {
    return QrCodes.png(enrolmentUri(secret, member), QrOptions.defaults());
  }

  /**
   * Checks a code against the member's factor.
   *
   * @return the verifier's result: ACCEPTED once per step, REPLAYED, REJECTED, THROTTLED or MALFORMED
   */
  Verification check(String member, Secret secret, String code) {
    TotpVerifier verifier = TotpVerifier.builder(Totp.builder(secret).clock(clock).build())
        .window(1, 1).replayGuard(replayGuard).attemptLimiter(limiter).build();
    return verifier.verify(member, code, clock.instant());
  }

  /** Stores a confirmed factor, sealed to the member. */
  void enrol(Vault vault, Secret secret) {
    try (MemberSeal seal = vault.memberSeal(PURPOSE)) {
      byte[] raw = secret.bytes();
      try {
        state.setFactor(vault.member(), seal.seal(raw));
      } finally {
        Wipe.bytes(raw);
      }
    }
  }
}
