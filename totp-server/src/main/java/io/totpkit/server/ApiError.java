package io.totpkit.server;

/**
 * A request the server refuses, as the API answers it: an HTTP status, a stable code and a message a user can act
 * on. Thrown by any step of a request; {@link ApiHandler} turns it into {@code {"error":CODE,"message":…}}. Messages
 * never carry a key, a code, a passphrase or a library's raw message.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final transient java.time.Duration retryAfter;

  ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  ApiError(int status, String code, String message, java.time.Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** The answer's body: {@code {"error": CODE, "message": …}}, in that order. */
  static java.util.Map<String, Object> body(String code, String message) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return body;
  }

  static ApiError tooLarge(long limit) {
    return new ApiError(413, "TOO_LARGE", "the request body is larger than " + limit / 1024 + " KiB");
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BAD_REQUEST", message);
  }

  /** 401: no credentials, or credentials that do not open the vault. Always the same words, whatever failed. */
  static ApiError unauthenticated() {
    return new ApiError(401, "UNAUTHENTICATED", "sign in, or send a valid token as 'Authorization: Bearer TOKEN'");
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, "FORBIDDEN", message);
  }

  /** 404: also what an entry the caller may not use answers, word for word. */
  static ApiError noSuchAccount() {
    return new ApiError(404, "NOT_FOUND", "no such account");
  }

  static ApiError throttled(java.time.Duration wait) {
    long seconds = Math.max(1, Math.min(wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0), 86_400));
    return new ApiError(429, "THROTTLED", "too many failed attempts; try again in " + seconds + " s",
        java.time.Duration.ofSeconds(seconds));
  }
}
