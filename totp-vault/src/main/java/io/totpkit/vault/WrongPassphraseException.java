package io.totpkit.vault;

/**
 * The passphrase does not open the member's key slot (or the password does not open an Aegis export). The file
 * itself passed its checksum, so it is intact; ask for the passphrase again.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class WrongPassphraseException extends VaultException {
  private static final long serialVersionUID = 1L;

  WrongPassphraseException(String message) {
    super(message);
  }

  WrongPassphraseException(String message, Throwable cause) {
    super(message, cause);
  }
}
