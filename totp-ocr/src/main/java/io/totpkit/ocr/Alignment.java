package io.totpkit.ocr;

/**
 * Aligns two readings of one key character by character with the fewest edits (Levenshtein), so that a reading with
 * a character lost or added still votes on the characters around the gap.
 */
final class Alignment {
  private Alignment() {}

  /**
   * For each position of {@code reference}, the position of the character of {@code other} aligned with it (same or
   * substituted), or -1 when {@code other} has no character there or an extra one right after it.
   */
  static int[] align(String reference, String other) {
    int n = reference.length();
    int m = other.length();
    int[][] cost = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int substitute = cost[i - 1][j - 1] + (reference.charAt(i - 1) == other.charAt(j - 1) ? 0 : 1);
        cost[i][j] = Math.min(substitute, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
      }
    }
    int[] aligned = new int[n];
    boolean[] beside = new boolean[n];
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0
          && cost[i][j] == cost[i - 1][j - 1] + (reference.charAt(i - 1) == other.charAt(j - 1) ? 0 : 1)) {
        aligned[i - 1] = j - 1;
        i--;
        j--;
      } else if (j > 0 && (i == 0 || cost[i][j] == cost[i][j - 1] + 1)) {
        // other has an extra character between reference positions i - 1 and i: both are in doubt.
        if (i > 0) {
          beside[i - 1] = true;
        }
        if (i < n) {
          beside[i] = true;
        }
        j--;
      } else {
        aligned[i - 1] = -1;
        i--;
      }
    }
    for (int k = 0; k < n; k++) {
      if (beside[k]) {
        aligned[k] = -1;
      }
    }
    return aligned;
  }
}
