package io.totpkit.vault;

/**
 * What a vault member may do. Enforced by {@link Vault}'s methods; see the package documentation for what that does
 * and does not protect against.
 *
 * <p>Thread-safety: immutable.
 */
public enum Role {
  /** Everything: entries, members, imports, exports, the audit trail, and every entry's codes. */
  OWNER,
  /**
   * Lists and reveals codes of the entries carrying at least one tag the member was granted; nothing else (no entry
   * changes, no imports or exports, no member management, no audit trail).
   */
  OPERATOR,
  /**
   * An OPERATOR who may also add entries, each carrying at least one tag and only tags they were granted (a code
   * server's {@code --can-add} token, a member who files a client's new accounts); nothing else beyond an OPERATOR.
   */
  CONTRIBUTOR
}
