package io.totpkit.server;

/**
 * The code server's configuration cannot be used: a TLS certificate or key file is missing, unreadable or in the
 * wrong form, a {@code --listen} value does not parse, or the server was asked to serve without TLS where it must
 * not. The message names the file or value, says what is wrong and how to fix it, and is meant to be shown to the
 * operator as it is.
 *
 * <h2>Security</h2>
 * The message never holds key bytes, passwords or a raw JDK message, and text from the command line or from a
 * certificate is escaped for the terminal before it is put in. No cause is attached, so a stack trace cannot carry
 * more than the message does.
 *
 * <p>Thread-safety: immutable.
 */
public final class ServerConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ServerConfigException(String message) {
    super(message);
  }
}
