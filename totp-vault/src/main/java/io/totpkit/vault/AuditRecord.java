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
  private final String detail;
  /** The image generation the record was written under or saved with; -1 in records of format 1. */
  final long generation;
  /** Whether the record describes a change saved with a vault image (format 2), rather than a reveal or export. */
  final boolean saved;

  AuditRecord(long sequence, AuditJournal.Entry entry, long generation, boolean saved) {
    this.sequence = sequence;
    this.time = entry.time;
    this.member = entry.member;
    this.action = entry.action;
    this.entryId = entry.entryId;
    this.subject = entry.subject;
    this.detail = entry.detail;
    this.generation = generation;
    this.saved = saved;
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

  /**
   * Returns what a member change set (the role and granted tags) or a passphrase change installed (the new key's
   * fingerprint); empty for other records and for records written by totpkit before vault format 2.
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AuditRecord)) {
      return false;
    }
    AuditRecord that = (AuditRecord) other;
    return sequence == that.sequence && time.equals(that.time) && member.equals(that.member)
        && action == that.action && Objects.equals(entryId, that.entryId) && Objects.equals(subject, that.subject)
        && Objects.equals(detail, that.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, time, member, action, entryId, subject, detail);
  }

  @Override
  public String toString() {
    return "AuditRecord[#" + sequence + " " + time + " " + member + " " + action
        + (entryId == null ? "" : " " + entryId) + (subject == null ? "" : " (" + subject + ")")
        + (detail == null ? "" : " [" + detail + "]") + "]";
  }
}
