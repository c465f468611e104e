package io.totpkit.cli;

import io.totpkit.core.Wipe;
import io.totpkit.core.UntrustedText;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What the tool talks to: standard streams, the console (when there is one), the environment and the clock. Tests
 * build one over byte streams and a map, so the commands run in-process exactly as they do in a terminal.
 *
 * <p>Text that came from a vault or an input — issuers, accounts, tags, member names, file names and queries from the
 * command line, messages that quote them — reaches the terminal only through {@link #show}, {@link #report},
 * {@link Tables} or {@link #visible}, which render control and bidirectional characters as escapes
 * ({@link UntrustedText}): a client's QR code cannot clear the screen, write the clipboard or reverse a name.
 */
final class Io {
  final PrintWriter out;
  final PrintWriter err;
  final Map<String, String> env;
  final Clock clock;
  /** The interactive console, or {@code null} when standard input or output is redirected. */
  final Console console;
  /** Whether standard output is a terminal: draw bars and redraw in place. */
  final boolean terminal;
  private final InputStream in;
  private BufferedInputStream input;

  Io(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, Console console,
      boolean terminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
    this.console = console;
    this.terminal = terminal;
  }

  /** The process's own streams, console and environment. */
  static Io system() {
    Console console = System.console();
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    return new Io(System.in, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset),
        System.getenv(), Clock.systemUTC(), console, console != null);
  }

  /** Prints one line on standard output, any outside text in it rendered visibly. */
  void show(String line) {
    out.println(visible(line));
  }

  /** Prints {@code totp: MESSAGE} on standard error, any outside text in it rendered visibly: errors and warnings. */
  void report(String message) {
    err.println("totp: " + visible(message));
    err.flush();
  }

  /** {@code text} with control and bidirectional characters rendered visibly, for a partial line or a prompt. */
  static String visible(String text) {
    return UntrustedText.forTerminal(text);
  }

  /**
   * Reads one line of standard input, for passphrases, keys and answers when there is no console (pipes, tests).
   * Lines end at a line feed, a carriage return or both, as {@link java.io.BufferedReader#readLine} has them.
   *
   * @return the line without its terminator, decoded as UTF-8, or {@code null} at the end of input
   */
  String readLine() {
    try {
      InputStream stream = input();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b = stream.read();
      if (b < 0) {
        return null;
      }
      while (b >= 0 && b != '\n' && b != '\r') {
        line.write(b);
        b = stream.read();
      }
      if (b == '\r') {
        stream.mark(1);
        if (stream.read() != '\n') {
          stream.reset();
        }
      }
      byte[] bytes = line.toByteArray();
      try {
        return new String(bytes, StandardCharsets.UTF_8);
      } finally {
        Wipe.bytes(bytes);   // it may be a passphrase or a key
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a secret line — a key, a URI holding one, a passphrase: from the console without echo when there is one,
   * else one line of standard input.
   *
   * @param prompt what the console shows (rendered visibly)
   * @return the characters, for the caller to zero; {@code null} at the end of input, or for an empty line of
   *     standard input
   */
  char[] readSecret(String prompt) {
    if (console != null) {
      return console.readPassword("%s", visible(prompt));
    }
    String line = readLine();
    return line == null || line.isEmpty() ? null : line.toCharArray();
  }

  /**
   * Standard input as bytes, buffered with what {@link #readLine} reads, so a command may read a line (a passphrase)
   * and then the rest (an import). Read it only after the lines before it.
   */
  InputStream input() {
    if (input == null) {
      input = new BufferedInputStream(in);
    }
    return input;
  }
}
