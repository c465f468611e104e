package io.totpkit.cli;

import io.totpkit.vault.VaultEntry;

/** Formats a code for people: digits grouped, with a bar of the seconds it stays valid; ready for the terminal. */
final class CodeLine {
  static final int BAR_CELLS = 15;

  private CodeLine() {}

  /**
   * {@code "TikTok (brand.official)  492 039  [██████████░░░░░] 17 s"}; HOTP codes have no bar. The label is rendered
   * visibly ({@link Io#visible}): print the line as it is.
   */
  static String format(VaultEntry entry, String code, long secondsLeft) {
    String line = Io.visible(label(entry)) + "  " + group(code);
    if (entry.period().isEmpty()) {
      return line;
    }
    long period = entry.period().get().toSeconds();
    return line + "  " + bar(secondsLeft, period) + " " + secondsLeft + " s";
  }

  /** {@code "TikTok (brand.official)"}, or the account alone; as stored, to be shown through {@link Io}. */
  static String label(VaultEntry entry) {
    return entry.issuer().isEmpty() ? entry.account() : entry.issuer() + " (" + entry.account() + ")";
  }

  /** "492039" → "492 039", "12345678" → "1234 5678"; Steam's five letters stay as they are. */
  static String group(String code) {
    if (code.length() < 6) {
      return code;
    }
    int half = code.length() / 2;
    return code.substring(0, half) + " " + code.substring(half);
  }

  static String bar(long secondsLeft, long period) {
    long filled = Math.max(0, Math.min(BAR_CELLS, Math.round((double) secondsLeft * BAR_CELLS / period)));
    return "[" + "█".repeat((int) filled) + "░".repeat(BAR_CELLS - (int) filled) + "]";
  }
}
