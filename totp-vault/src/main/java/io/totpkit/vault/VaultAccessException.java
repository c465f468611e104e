package io.totpkit.vault;

/**
 * The member's role does not allow the operation: an OPERATOR revealing a code of an entry without a granted tag,
 * exporting, or managing entries or members. The attempt changes nothing.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultAccessException extends VaultException {
  private static final long serialVersionUID = 1L;

  VaultAccessException(String message) {
    super(message);
  }

  VaultAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
