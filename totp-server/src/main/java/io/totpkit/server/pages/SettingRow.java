package io.totpkit.server.pages;

/**
 * A row of the settings page: a token (name, granted tags, may add) or a tag (name, reason, webhook). Public only for
 * the compiled templates beside it; the package is not exported.
 *
 * <p>Thread-safety: immutable.
 */
public final class SettingRow {
  private final String name;
  private final String first;
  private final String second;

  /** A row as shown. */
  public SettingRow(String name, String first, String second) {
    this.name = name;
    this.first = first;
    this.second = second;
  }

  /** Returns the token's or tag's name. */
  public String name() {
    return name;
  }

  /** Returns the first column: a token's grants, a tag's reason requirement. */
  public String first() {
    return first;
  }

  /** Returns the second column: whether a token may add, a tag's webhook. */
  public String second() {
    return second;
  }
}
