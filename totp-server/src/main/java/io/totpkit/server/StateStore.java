package io.totpkit.server;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the server keeps its own small state beside the vault: sealed sign-in factors and tag policies, as text
 * under keys ({@code factor/NAME}, {@code tag/TAG}). A file for a file vault, a table for a database vault.
 *
 * <p>Thread-safety: implementations are safe for concurrent use, also by several processes.
 */
interface StateStore {
  /** Every key and value. */
  Map<String, String> read();

  /** Replaces the whole state with what {@code change} makes of the current one, atomically. */
  void update(UnaryOperator<Map<String, String>> change);
}
