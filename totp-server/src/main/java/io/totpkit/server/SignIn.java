package io.totpkit.server;

import io.totpkit.core.Secret;
import io.totpkit.core.Verification;
import io.totpkit.vault.UnknownMemberException;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import io.totpkit.vault.WrongPassphraseException;
import java.time.Clock;
import java.util.Optional;

/**
 * Staff sign-in, in two steps, for the JSON API and the pages alike. The first opens the member's vault with their
 * passphrase (their keys, in memory for the session only) and starts a session that can do nothing but the second
 * step: their TOTP code, or at a first sign-in the enrolment of one (its key shown this once). Only a right code signs
 * the session in, under a new id. Failures are throttled per member and per address before any key derivation runs,
 * and every failure of the first step is the same 401, whether the member exists or not.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SignIn {
  /** A started sign-in: its session and the id the client keeps. */
  static final class Started {
    final String id;
    final Session session;

    Started(String id, Session session) {
      this.id = id;
      this.session = session;
    }
  }

  private final VaultStore store;
  private final VaultOptions options;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final SignInFactor factor;
  private final Clock clock;

  SignIn(VaultStore store, VaultOptions options, Sessions sessions, LoginThrottle throttle, SignInFactor factor,
      Clock clock) {
    this.store = store;
    this.options = options;
    this.sessions = sessions;
    this.throttle = throttle;
    this.factor = factor;
    this.clock = clock;
  }

  /**
   * The first step: name and passphrase.
   *
   * @throws ApiError 401 for any wrong name or passphrase; 429 while throttled
   */
  Started start(String member, String passphrase, String client) {
    if (ApiTokens.isToken(member) || OnboardingLinks.isLink(member) || member.length() > 128) {
      throw ApiError.unauthenticated();
    }
    throttle.acquire(member, client);
    Vault vault;
    try {
      vault = Vault.open(store, member, passphrase.toCharArray(), options);
    } catch (WrongPassphraseException | UnknownMemberException e) {
      throw ApiError.unauthenticated();
    }
    throttle.succeeded(member);
    Optional<Secret> enrolled;
    try {
      enrolled = factor.enrolled(vault);
    } catch (RuntimeException e) {
      vault.close();
      throw e;
    }
    enrolled.ifPresent(Secret::destroy);
    Session session = new Session(member, vault, clock.instant(), enrolled.isPresent() ? null : SignInFactor.fresh());
    return new Started(sessions.start(session), session);
  }

  /**
   * The second step: the member's code (at enrolment, the code of the new key, which is then kept).
   *
   * @return the session's new id
   * @throws ApiError 401 WRONG_CODE or CODE_USED; 429 while throttled
   */
  String confirm(String id, Session session, String code, String client) {
    Secret enrolling = session.enrolling();
    Optional<Secret> secret = enrolling != null ? Optional.of(enrolling) : factor.enrolled(session.vault);
    if (secret.isEmpty()) {
      throw ApiError.unauthenticated();
    }
    Verification result = factor.check(session.member, secret.get(), code);
    try {
      switch (result.status()) {
        case ACCEPTED:
          break;
        case THROTTLED:
          throw ApiError.throttled(result.retryAfter());
        case REPLAYED:
          throw new ApiError(401, "CODE_USED", "that code was used already; wait for the next one");
        default:
          throw new ApiError(401, "WRONG_CODE", "that is not the current code of your authenticator app");
      }
      if (enrolling != null) {
        factor.enrol(session.vault, enrolling);
      }
    } finally {
      if (enrolling == null) {
        secret.get().destroy();
      }
    }
    session.signedIn();
    throttle.signedIn(session.member, client);
    return sessions.renew(id, session);
  }

  /** Signs out: ends the session and zeroes its keys. */
  void end(String id) {
    sessions.end(id);
  }
}
