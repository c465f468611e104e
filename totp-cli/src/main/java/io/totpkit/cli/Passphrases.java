package io.totpkit.cli;

import io.totpkit.core.Wipe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where passphrases come from, in order: a file named by an option (its first line), an environment variable, the
 * console without echo, and when there is no console one line of standard input (so pipes and tests can drive the
 * tool). Passphrases stay in {@code char[]}; callers hand them to the vault, which zeroes them.
 */
final class Passphrases {
  private final Io io;

  Passphrases(Io io) {
    this.io = io;
  }

  /**
   * Reads an existing passphrase.
   *
   * @param file the {@code --…-file} option's value, or {@code null}
   * @param option that option's name, for the message when nothing is given
   * @param envName the environment variable consulted next
   * @param prompt what the console shows
   */
  char[] read(Path file, String option, String envName, String prompt) {
    if (file != null) {
      return firstLine(file);
    }
    String fromEnv = io.env.get(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    char[] typed = io.readSecret(prompt);
    if (typed == null) {
      String what = option.contains("password") ? "password" : "passphrase";
      throw new CliException(ExitCodes.USAGE, io.console != null ? "no " + what + " given"
          : "no " + what + ": use " + option + ", " + envName + ", a terminal, or one line on standard input");
    }
    return typed;
  }

  /** Reads a new passphrase; on a console it is asked twice and a mismatch is refused. */
  char[] readNew(Path file, String option, String envName, String prompt) {
    char[] first = read(file, option, envName, prompt);
    if (file == null && io.console != null && (io.env.get(envName) == null || io.env.get(envName).isEmpty())) {
      char[] again = io.console.readPassword("%s", "Repeat it: ");
      boolean same = again != null && Arrays.equals(first, again);
      if (again != null) {
        Wipe.chars(again);
      }
      if (!same) {
        Wipe.chars(first);
        throw new CliException(ExitCodes.USAGE, "the passphrases do not match; nothing was changed");
      }
    }
    return first;
  }

  private static char[] firstLine(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no passphrase file at " + file);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read the passphrase file " + file + ": " + e.getMessage());
    }
    try {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      if (end == 0) {
        throw new CliException(ExitCodes.USAGE, "the passphrase file " + file + " starts with an empty line");
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Wipe.chars(chars.array());
      return out;
    } finally {
      Wipe.bytes(bytes);
    }
  }
}
