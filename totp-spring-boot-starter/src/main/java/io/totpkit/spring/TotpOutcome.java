package io.totpkit.spring;

/**
 * What checking a user's code decided. The application may tell these apart (events, metrics, an administrator's
 * view); the user should only learn "accepted" or "not accepted", since {@link #REPLAYED} says that the code was
 * right and {@link #NOT_ENROLLED} says that the account has no key.
 *
 * <p>Thread-safety: immutable.
 */
public enum TotpOutcome {
  /** The code matched an unused step in the window: the factor is proven. */
  ACCEPTED,
  /** The code matched no step in the window. Counted as a failed attempt. */
  REJECTED,
  /** The code was right but its step, or a later one, was already used (RFC 6238 §5.2). Counted as a failure. */
  REPLAYED,
  /** Too many failed attempts: the code was not checked. */
  THROTTLED,
  /** Not a code of the right form (length, a letter, a space). Not counted as an attempt. */
  MALFORMED,
  /** The user has no confirmed key (or, for confirmation, no pending one). */
  NOT_ENROLLED
}
