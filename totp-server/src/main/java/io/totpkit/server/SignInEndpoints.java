package io.totpkit.server;

import io.totpkit.core.Secret;
import io.totpkit.core.Verification;
import io.totpkit.vault.UnknownMemberException;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import io.totpkit.vault.WrongPassphraseException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff sign-in, in two steps. {@code POST /api/v1/session} with the member's name and passphrase opens their vault
 * (their keys, in memory for the session only) and answers what comes next: their TOTP code, or, at their first
 * sign-in, enrolment of one (a QR code and setup key, shown this once). {@code POST /api/v1/session/code} checks the
 * code; only then is the session signed in, under a new id. {@code DELETE /api/v1/session} signs out and zeroes the
 * keys. Failures are throttled per member and per address before any key derivation runs, and every failure answers
 * the same 401, whether the member exists or not.
 */
final class SignInEndpoints {
  static final String COOKIE = "totp_session";

  private final VaultStore store;
  private final VaultOptions options;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final SignInFactor factor;
  private final Clock clock;

  SignInEndpoints(VaultStore store, VaultOptions options, Sessions sessions, LoginThrottle throttle,
      SignInFactor factor, Clock clock) {
    this.store = store;
    this.options = options;
    this.sessions = sessions;
    this.throttle = throttle;
    this.factor = factor;
    this.clock = clock;
  }

  Reply start(Exchange exchange) {
    JsonBody body = exchange.json(Set.of("member", "passphrase"));
    String member = body.required("member");
    String passphrase = body.required("passphrase");
    if (ApiTokens.isToken(member) || member.length() > 128) {
      throw ApiError.unauthenticated();
    }
    throttle.acquire(member, exchange.client);
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
    Secret enrolling = enrolled.isPresent() ? null : SignInFactor.fresh();
    Session session = new Session(member, vault, clock.instant(), enrolling);
    String id = sessions.start(session);
    Map<String, Object> answer = new LinkedHashMap<>();
    if (enrolling == null) {
      answer.put("next", "code");
    } else {
      answer.put("next", "enrol");
      answer.put("setupKey", enrolling.toBase32());
      answer.put("qrPng", Base64.getEncoder().encodeToString(SignInFactor.enrolmentPng(enrolling, member)));
      answer.put("issuer", SignInFactor.ISSUER);
    }
    return Reply.ok(answer).withHeader("Set-Cookie", cookie(id, exchange.secure));
  }

  Reply code(Exchange exchange) {
    Session session = exchange.session;
    String code = exchange.json(Set.of("code")).required("code");
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
    throttle.signedIn(session.member, exchange.client);
    String id = sessions.renew(exchange.sessionId, session);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("member", session.member);
    answer.put("role", session.vault.role().name());
    return Reply.ok(answer).withHeader("Set-Cookie", cookie(id, exchange.secure));
  }

  Reply end(Exchange exchange) {
    sessions.end(exchange.sessionId);
    return Reply.ok(Map.of("status", "signed out")).withHeader("Set-Cookie", COOKIE
        + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (exchange.secure ? "; Secure" : ""));
  }

  Reply whoAmI(Exchange exchange) {
    Caller caller = exchange.caller();
    caller.checkCurrent();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("name", caller.name);
    answer.put("kind", caller.kind.name().toLowerCase(java.util.Locale.ROOT));
    answer.put("role", caller.vault.role().name());
    answer.put("mayAdd", caller.mayAdd);
    return Reply.ok(answer);
  }

  private static String cookie(String id, boolean secure) {
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
