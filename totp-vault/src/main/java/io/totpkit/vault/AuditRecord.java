package io.totpkit.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One record of a vault's audit trail: when, who, what, which entry. Never a secret or a code.
 *
 * <p>Thread-safety: immutable.
 */
public final class AuditRecord {
  private final long sequence;
  private final Instant time;
  private final String member;
  private final AuditAction action;
  private final UUID entryId;
  private final String subject;

  AuditRecord(long sequence, Instant time, String member, AuditAction action, UUID entryId, String subject) {
    this.sequence = sequence;
    this.time = time;
    this.member = member;
    this.action = action;
    this.entryId = entryId;
    this.subject = subject;
  }

  /** Returns the record's position in the trail, from 0. */
  public long sequence() {
    return sequence;
  }

  /** Returns when it happened, to the millisecond, by the vault's clock. */
  public Instant time() {
    return time;
  }

  /** Returns the member who did it. */
  public String member() {
    return member;
  }

  /** Returns what was done. */
  public AuditAction action() {
    return action;
  }

  /** Returns the entry concerned, if any. */
  public Optional<UUID> entryId() {
    return Optional.ofNullable(entryId);
  }

  /** Returns further detail without secrets: the member added or removed, an export's format and count. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AuditRecord)) {
      return false;
    }
    AuditRecord that = (AuditRecord) other;
    return sequence == that.sequence && time.equals(that.time) && member.equals(that.member)
        && action == that.action && Objects.equals(entryId, that.entryId) && Objects.equals(subject, that.subject);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, time, member, action, entryId, subject);
  }

  @Override
  public String toString() {
    return "AuditRecord[#" + sequence + " " + time + " " + member + " " + action
        + (entryId == null ? "" : " " + entryId) + (subject == null ? "" : " (" + subject + ")") + "]";
  }
}
