package io.totpkit.vault;

/**
 * A reveal without a reason of an entry carrying a tag for which the caller's {@link RevealNote} requires one
 * ({@link RevealNote#requireReasonFor}). Nothing was recorded and no code computed.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class ReasonRequiredException extends VaultAccessException {
  private static final long serialVersionUID = 1L;

  ReasonRequiredException(String message) {
    super(message);
  }
}
