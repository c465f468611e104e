package io.totpkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --new-passphrase-file} option of the commands that set a passphrase ({@code init} aside), and the one
 * way they read it: the file's first line, else {@code $TOTP_NEW_PASSPHRASE}, else the terminal twice.
 */
final class NewPassphrase {
  @Option(names = "--new-passphrase-file", paramLabel = "FILE",
      description = "Read the new passphrase from the first line of FILE.")
  Path file;

  /** Reads the new passphrase, asking with {@code prompt} on a terminal. */
  char[] read(TotpCommand root, String prompt) {
    return root.passphrases().readNew(file, "--new-passphrase-file", "TOTP_NEW_PASSPHRASE", prompt);
  }
}
