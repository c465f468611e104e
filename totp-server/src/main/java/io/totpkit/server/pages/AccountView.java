package io.totpkit.server.pages;

import java.util.List;

/**
 * An account as the staff pages show it: id, issuer, account name, tags, and whether a reveal needs a reason. No key.
 * Public only for the compiled templates beside it; the package is not exported.
 *
 * <p>Thread-safety: immutable.
 */
public final class AccountView {
  private final String id;
  private final String issuer;
  private final String account;
  private final List<String> tags;
  private final boolean reasonRequired;

  /** An account as shown. */
  public AccountView(String id, String issuer, String account, List<String> tags, boolean reasonRequired) {
    this.id = id;
    this.issuer = issuer;
    this.account = account;
    this.tags = List.copyOf(tags);
    this.reasonRequired = reasonRequired;
  }

  /** Returns the entry's id. */
  public String id() {
    return id;
  }

  /** Returns the issuer, as the client's QR code named it (escaped by the template). */
  public String issuer() {
    return issuer;
  }

  /** Returns the account name at the issuer. */
  public String account() {
    return account;
  }

  /** Returns the entry's tags. */
  public List<String> tags() {
    return tags;
  }

  /** Returns whether a reveal must give a reason. */
  public boolean reasonRequired() {
    return reasonRequired;
  }
}
