package io.totpkit.vault;

import java.util.Set;

/**
 * Who may do what in a vault, decided in this one place: an OWNER may do everything; an OPERATOR may list, reveal and
 * check the entries that carry at least one tag granted to them, and nothing else.
 *
 * <p>Thread-safety: stateless.
 */
final class AccessRules {
  private AccessRules() {}

  /** Whether {@code member} may see and use {@code entry}. */
  static boolean mayUse(MemberRecord member, VaultEntry entry) {
    if (member.role == Role.OWNER) {
      return true;
    }
    for (String tag : entry.tags()) {
      if (member.grantedTags.contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses anyone but an OWNER.
   *
   * @param what the refused action, completing "may not …"
   * @throws VaultAccessException if {@code member} is not an owner
   */
  static void requireOwner(MemberRecord member, String what) {
    if (member.role != Role.OWNER) {
      throw new VaultAccessException("member '" + member.name + "' is an " + member.role + " and may not " + what);
    }
  }

  /**
   * Refuses an add by anyone but an OWNER, or a CONTRIBUTOR adding under tags they were all granted.
   *
   * @throws VaultAccessException if {@code member} may not add an entry with these tags
   */
  static void requireAdd(MemberRecord member, Set<String> tags) {
    if (member.role == Role.OWNER) {
      return;
    }
    if (member.role != Role.CONTRIBUTOR) {
      throw new VaultAccessException("member '" + member.name + "' is an OPERATOR and may not add entries");
    }
    if (tags.isEmpty() || !member.grantedTags.containsAll(tags)) {
      throw new VaultAccessException("member '" + member.name + "' may add entries only under tags they were "
          + "granted, and at least one of them");
    }
  }

  /**
   * Refuses an entry the member may not use.
   *
   * @throws VaultAccessException if {@code member} was not granted any of the entry's tags
   */
  static void requireUse(MemberRecord member, VaultEntry entry) {
    if (!mayUse(member, entry)) {
      throw new VaultAccessException("member '" + member.name + "' was not granted any tag of entry " + entry.id());
    }
  }
}
