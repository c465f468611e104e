package io.totpkit.cli;

import io.totpkit.core.UntrustedText;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
  private BufferedReader reader;

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
   * Reads one line of standard input, for passphrases and answers when there is no console (pipes, tests).
   *
   * @return the line without its terminator, or {@code null} at the end of input
   */
  String readLine() {
    try {
      if (reader == null) {
        reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }
}
