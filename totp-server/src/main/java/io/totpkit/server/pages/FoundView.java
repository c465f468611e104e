package io.totpkit.server.pages;

/**
 * An account read from a screenshot or a pasted key, as the add page shows it before adding: no key. Public only for
 * the compiled templates beside it; the package is not exported.
 *
 * <p>Thread-safety: immutable.
 */
public final class FoundView {
  private final String issuer;
  private final String account;
  private final int digits;
  private final String period;
  private final String tags;

  /** An account as shown; {@code tags} are those its app gave it (groups, folders), comma separated. */
  public FoundView(String issuer, String account, int digits, String period, String tags) {
    this.issuer = issuer;
    this.account = account;
    this.digits = digits;
    this.period = period;
    this.tags = tags;
  }

  /** Returns the service's name. */
  public String issuer() {
    return issuer;
  }

  /** Returns the account name at the service. */
  public String account() {
    return account;
  }

  /** Returns the number of digits of its codes. */
  public int digits() {
    return digits;
  }

  /** Returns how long a code lasts ("30 s"), or "counter" for HOTP. */
  public String period() {
    return period;
  }

  /** Returns the tags its app gave it, comma separated; empty if none. */
  public String tags() {
    return tags;
  }
}
