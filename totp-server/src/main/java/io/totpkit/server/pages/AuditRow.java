package io.totpkit.server.pages;

/**
 * One audit record as the audit page shows it. Public only for the compiled templates beside it; the package is not
 * exported.
 *
 * <p>Thread-safety: immutable.
 */
public final class AuditRow {
  private final String time;
  private final String member;
  private final String action;
  private final String account;
  private final String detail;

  /** A record as shown. */
  public AuditRow(String time, String member, String action, String account, String detail) {
    this.time = time;
    this.member = member;
    this.action = action;
    this.account = account;
    this.detail = detail;
  }

  /** Returns when, to the second, in UTC. */
  public String time() {
    return time;
  }

  /** Returns who: a member or a token. */
  public String member() {
    return member;
  }

  /** Returns what happened, in words. */
  public String action() {
    return action;
  }

  /** Returns the account it concerned, if any. */
  public String account() {
    return account;
  }

  /** Returns the record's subject and detail (an address and a reason, a member's new role). */
  public String detail() {
    return detail;
  }
}
