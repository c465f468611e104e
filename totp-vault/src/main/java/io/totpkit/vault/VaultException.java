package io.totpkit.vault;

import io.totpkit.core.OtpException;

/**
 * The base type of every failure the vault reports: a damaged or tampered file, a wrong passphrase, an unknown member,
 * a refused operation, a lock held too long, an I/O error. Messages say what happened and never contain key material
 * or passphrases.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class VaultException extends OtpException {
  private static final long serialVersionUID = 1L;

  VaultException(String message) {
    super(message);
  }

  VaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
