package io.totpkit.cli;

import io.totpkit.core.OtpType;
import io.totpkit.vault.VaultEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text tables with columns as wide as their widest cell. Every cell is rendered visibly ({@link Io#visible})
 * before it is measured, so a name from a vault can neither act on the terminal nor push the columns out of line.
 */
final class Tables {
  private Tables() {}

  /** The entry table of {@code totp list}: no secrets, ever. */
  static void entries(List<VaultEntry> entries, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "ISSUER", "ACCOUNT", "TYPE", "DIGITS", "PERIOD", "TAGS"});
    for (VaultEntry e : entries) {
      String type = e.parameters().isSteam() ? "steam"
          : (e.parameters().type() == OtpType.TOTP ? "totp/" : "hotp/") + e.parameters().algorithm();
      rows.add(new String[] {e.id().toString().substring(0, 8), e.issuer(), e.account(), type,
          String.valueOf(e.parameters().digits()), e.period().map(p -> p.toSeconds() + " s").orElse("-"),
          String.join(",", e.tags())});
    }
    print(rows, out);
  }

  static void print(List<String[]> table, PrintWriter out) {
    List<String[]> rows = new ArrayList<>(table.size());
    for (String[] row : table) {
      String[] shown = new String[row.length];
      for (int i = 0; i < row.length; i++) {
        shown[i] = Io.visible(row[i]);
      }
      rows.add(shown);
    }
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
