/**
 * The {@code totp} command-line tool, built on picocli: {@link io.totpkit.cli.TotpCommand} is the entry
 * point and the shaded jar's main class; each subcommand is one small class. Commands talk to the world only through
 * {@code Io} (streams, console, environment, clock), so tests drive them in-process exactly as a shell does, and a
 * few tests start the tool as a child process for standard input, exit statuses and Ctrl-C.
 *
 * <p>Errors are one line, {@code totp: <message>}, and never contain a secret; the exit statuses are listed in
 * {@code ExitCodes} and in every command's help.
 */
package io.totpkit.cli;
