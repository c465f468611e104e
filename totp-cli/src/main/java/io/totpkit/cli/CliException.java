package io.totpkit.cli;

/** A failure the tool reports as one line and an exit status (see {@link ExitCodes}). */
final class CliException extends RuntimeException {
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
