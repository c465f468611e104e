package io.totpkit.vault;

/**
 * What an {@link AuditRecord} records. The numeric codes are part of the file format: never reorder.
 *
 * <p>Thread-safety: immutable.
 */
public enum AuditAction {
  /** The vault was created; the subject is the owner. */
  VAULT_CREATED(1),
  /** A member revealed an entry's code. */
  CODE_REVEALED(2),
  /** An entry was added. */
  ENTRY_ADDED(3),
  /** An entry's key, parameters or tags were changed. */
  ENTRY_UPDATED(4),
  /** An entry was removed. */
  ENTRY_REMOVED(5),
  /** A member was added; the subject is the new member. */
  MEMBER_ADDED(6),
  /** A member was removed and the data key rotated; the subject is the removed member. */
  MEMBER_REMOVED(7),
  /** A member's passphrase (and key pair) was changed; the subject is the member, the detail the new key. */
  PASSPHRASE_CHANGED(8),
  /** Entries were exported; the subject names the format and count. */
  EXPORTED(9),
  /** Entries were imported; the subject names the format and counts. */
  IMPORTED(10),
  /** A member's role or granted tags were changed; the subject is the member, the detail the new role and grants. */
  MEMBER_CHANGED(11),
  /** The vault file was upgraded to a newer format; the subject names the formats. */
  VAULT_UPGRADED(12);

  private final int code;

  AuditAction(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static AuditAction fromCode(int code) {
    for (AuditAction action : values()) {
      if (action.code == code) {
        return action;
      }
    }
    return null;
  }
}
