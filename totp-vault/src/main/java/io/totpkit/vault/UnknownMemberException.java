package io.totpkit.vault;

/**
 * The vault has no member of that name (or the member was removed).
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class UnknownMemberException extends VaultException {
  private static final long serialVersionUID = 1L;

  UnknownMemberException(String message) {
    super(message);
  }

  UnknownMemberException(String message, Throwable cause) {
    super(message, cause);
  }
}
