package io.totpkit.vault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks that the audit trail's records of saved changes match the state the vault holds (FORMAT.md, "verifying"):
 * the last record of each entry says it exists (added, updated) or not (removed), the last record of each member says
 * whether they are a member, with which role and grants, and under which key. A record of a change that never reached
 * the vault, or a change the vault holds under another description, is reported. Records written before format 2
 * (which could describe saves that failed) are not checked.
 *
 * <p>Thread-safety: stateless.
 */
final class AuditCheck {
  private AuditCheck() {}

  /**
   * Checks {@code records} (already verified as a chain) against {@code body}, which holds every entry (an OWNER's).
   *
   * @throws AuditTamperedException naming the first record that the state contradicts
   */
  static void againstState(List<AuditRecord> records, VaultBody body, long generation) {
    Map<UUID, AuditRecord> lastOfEntry = new HashMap<>();
    Map<String, AuditRecord> presence = new HashMap<>();
    Map<String, AuditRecord> roles = new HashMap<>();
    Map<String, AuditRecord> keys = new HashMap<>();
    for (AuditRecord record : records) {
      if (!record.saved) {
        continue;
      }
      if (record.generation > generation) {
        throw fail(record, "was saved with generation " + record.generation + ", after the vault's " + generation);
      }
      switch (record.action()) {
        case ENTRY_ADDED, ENTRY_UPDATED, ENTRY_REMOVED -> record.entryId().ifPresent(id -> lastOfEntry.put(id, record));
        case MEMBER_ADDED -> {
          presence.put(record.subject().orElse(""), record);
          roles.put(record.subject().orElse(""), record);
          keys.remove(record.subject().orElse(""));
        }
        case MEMBER_CHANGED -> roles.put(record.subject().orElse(""), record);
        case MEMBER_REMOVED -> presence.put(record.subject().orElse(""), record);
        case PASSPHRASE_CHANGED -> keys.put(record.subject().orElse(""), record);
        default -> { }
      }
    }
    lastOfEntry.forEach((id, record) -> {
      boolean present = body.entries.containsKey(id);
      if (present != (record.action() != AuditAction.ENTRY_REMOVED)) {
        throw fail(record, present ? "says the entry was removed, but the vault holds it"
            : "says the entry exists, but the vault does not hold it");
      }
    });
    presence.forEach((name, record) -> {
      boolean present = body.members.containsKey(name);
      if (present != (record.action() == AuditAction.MEMBER_ADDED)) {
        throw fail(record, present ? "says the member was removed, but they are a member"
            : "says the member exists, but they are not a member");
      }
    });
    roles.forEach((name, record) -> {
      MemberRecord member = body.members.get(name);
      if (member != null && !record.detail().orElse("").equals(Membership.describe(member.role,
          member.grantedTags))) {
        throw fail(record, "says the member is " + record.detail().orElse("?") + ", but the vault makes them "
            + Membership.describe(member.role, member.grantedTags));
      }
    });
    keys.forEach((name, record) -> {
      MemberRecord member = body.members.get(name);
      if (member != null && !record.detail().orElse("").equals(Membership.fingerprint(member.publicKey))) {
        throw fail(record, "names a key the member's slot does not hold");
      }
    });
  }

  private static AuditTamperedException fail(AuditRecord record, String problem) {
    return new AuditTamperedException("audit record " + record.sequence() + " (" + record.action() + ") " + problem
        + ": the trail and the vault disagree");
  }
}
