package io.totpkit.core;

/**
 * Thrown when a secret cannot be accepted: Base32 text with a character that is not Base32, padding in the wrong
 * place, a length no encoder produces, or a key that is empty.
 *
 * <p>The message names the position (counting from 1) and the kind of the offending character, never the character
 * run or the key itself.
 */
public final class InvalidSecretException extends OtpException {
  private static final long serialVersionUID = 1L;

  InvalidSecretException(String message) {
    super(message);
  }
}
