package io.totpkit.server;

/**
 * The server's own state (sign-in factors, tag policies; a file beside the vault or a table in its database) cannot
 * be read or written, or is damaged. The message names the file or table and what failed.
 *
 * <p>Thread-safety: immutable.
 */
public final class ServerStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServerStateException(String message) {
    super(message);
  }

  ServerStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
