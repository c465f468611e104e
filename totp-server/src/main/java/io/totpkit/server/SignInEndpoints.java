package io.totpkit.server;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON face of {@link SignIn}: {@code POST /api/v1/session} (name and passphrase; answers what comes next, and at
 * a first sign-in the enrolment key and QR code), {@code POST /api/v1/session/code}, {@code DELETE
 * /api/v1/session}, and {@code GET /api/v1/session} (who am I).
 */
final class SignInEndpoints {
  static final String COOKIE = "totp_session";

  private final SignIn signIn;

  SignInEndpoints(SignIn signIn) {
    this.signIn = signIn;
  }

  Reply start(Exchange exchange) {
    JsonBody body = exchange.json(Set.of("member", "passphrase"));
    SignIn.Started started = signIn.start(body.required("member"), body.required("passphrase"), exchange.client);
    io.totpkit.core.Secret enrolling = started.session.enrolling();
    Map<String, Object> answer = new LinkedHashMap<>();
    if (enrolling == null) {
      answer.put("next", "code");
    } else {
      answer.put("next", "enrol");
      answer.put("setupKey", enrolling.toBase32());
      answer.put("qrPng", Base64.getEncoder().encodeToString(SignInFactor.enrolmentPng(enrolling,
          started.session.member)));
      answer.put("issuer", SignInFactor.ISSUER);
    }
    return Reply.ok(answer).withHeader("Set-Cookie", cookie(started.id, exchange.secure));
  }

  Reply code(Exchange exchange) {
    String code = exchange.json(Set.of("code")).required("code");
    String id = signIn.confirm(exchange.sessionId, exchange.session, code, exchange.client);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("member", exchange.session.member);
    answer.put("role", exchange.session.vault.role().name());
    return Reply.ok(answer).withHeader("Set-Cookie", cookie(id, exchange.secure));
  }

  Reply end(Exchange exchange) {
    signIn.end(exchange.sessionId);
    return Reply.ok(Map.of("status", "signed out")).withHeader("Set-Cookie", cleared(exchange.secure));
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

  /** The session cookie: HttpOnly, SameSite=Strict, Secure over TLS or behind a proxy. */
  static String cookie(String id, boolean secure) {
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }

  /** The cookie that removes the session cookie. */
  static String cleared(boolean secure) {
    return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
  }
}
