package io.totpkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand: reaches the root command's options and the streams through {@link #root()}. */
abstract class VaultCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  TotpCommand root() {
    return (TotpCommand) spec.root().userObject();
  }

  Io io() {
    return root().io;
  }

  /** Asks a yes/no question on the console; without one, the answer is "no". */
  boolean confirm(String question) {
    Io io = io();
    if (io.console == null) {
      return false;
    }
    String answer = io.console.readLine("%s [y/N] ", Io.visible(question));
    return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
  }
}
