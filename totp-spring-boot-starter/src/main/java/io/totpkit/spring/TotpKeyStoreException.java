package io.totpkit.spring;

import io.totpkit.core.OtpException;

/**
 * A stored TOTP key could not be used or kept: its record names an application key id that
 * {@code totpkit.keys.encryption-keys} no longer holds, it fails authentication (altered, or moved to another user),
 * or the database refused a statement. The message says which and never holds key material. The user's sign-in must
 * be treated as failed.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class TotpKeyStoreException extends OtpException {
  private static final long serialVersionUID = 1L;

  TotpKeyStoreException(String message) {
    super(message);
  }

  TotpKeyStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
