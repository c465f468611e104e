package io.totpkit.vault;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Why and from where a code was asked for: recorded in the reveal's audit record ({@link AuditRecord#detail()}) as
 * {@code from ORIGIN; reason: REASON}. A server passes the client's address and the reason the caller typed.
 *
 * <p>Thread-safety: immutable.
 */
public final class RevealNote {
  /** The longest reason kept, in characters. */
  public static final int MAX_REASON_LENGTH = 500;

  static final RevealNote NONE = new RevealNote(null, null, Set.of());

  private final String origin;
  private final String reason;
  private final Set<String> reasonTags;

  private RevealNote(String origin, String reason, Set<String> reasonTags) {
    this.origin = origin;
    this.reason = reason;
    this.reasonTags = reasonTags;
  }

  /**
   * A note of where the request came from and, if given, why.
   *
   * @param origin the client, such as its IP address; 1 to 128 characters without control characters
   * @param reason the caller's reason, or {@code null}; at most {@link #MAX_REASON_LENGTH} characters, no control
   *     characters, not blank
   * @return the note
   * @throws IllegalArgumentException if either text breaks those rules
   */
  public static RevealNote of(String origin, String reason) {
    Tags.checkText(Objects.requireNonNull(origin, "origin"), "origin");
    if (reason != null) {
      Tags.checkText(reason, "a reason", MAX_REASON_LENGTH);
    }
    return new RevealNote(origin, reason, Set.of());
  }

  /**
   * This note, refusing the reveal of an entry carrying any of {@code tags} if it has no reason: the vault checks
   * under its lock, on the entry as it is then, before anything is recorded ({@link ReasonRequiredException}).
   *
   * @param tags the tags whose entries need a reason (a code server's tag policies)
   * @return the note with that requirement
   */
  public RevealNote requireReasonFor(Set<String> tags) {
    return new RevealNote(origin, reason, Tags.copy(tags));
  }

  /** Refuses the reveal of {@code entry} if it needs a reason this note does not give. */
  void check(VaultEntry entry) {
    if (reason == null && !reasonTags.isEmpty()) {
      for (String tag : entry.tags()) {
        if (reasonTags.contains(tag)) {
          throw new ReasonRequiredException("the codes of entry " + entry.id() + " are given only with a reason");
        }
      }
    }
  }

  /** Returns where the request came from, if known. */
  public Optional<String> origin() {
    return Optional.ofNullable(origin);
  }

  /** Returns the caller's reason, if one was given. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** The audit record's detail: {@code null} for no note. */
  String detail() {
    if (origin == null) {
      return null;
    }
    return reason == null ? "from " + origin : "from " + origin + "; reason: " + reason;
  }

  @Override
  public String toString() {
    return "RevealNote[" + detail() + "]";
  }
}
