package io.totpkit.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A vault member as listed by {@link Vault#members()}: name, role, granted tags, when added. Holds no key material.
 *
 * <p>Thread-safety: immutable.
 */
public final class Member {
  private final String name;
  private final Role role;
  private final Set<String> grantedTags;
  private final Instant addedAt;

  Member(String name, Role role, Set<String> grantedTags, Instant addedAt) {
    this.name = name;
    this.role = role;
    this.grantedTags = Tags.copy(grantedTags);
    this.addedAt = addedAt;
  }

  /** Returns the member's name, as given to {@link Vault#open}. */
  public String name() {
    return name;
  }

  /** Returns the member's role. */
  public Role role() {
    return role;
  }

  /** Returns the tags whose entries an {@link Role#OPERATOR} may use, sorted; empty for owners (who need none). */
  public Set<String> grantedTags() {
    return grantedTags;
  }

  /** Returns when the member was added. */
  public Instant addedAt() {
    return addedAt;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Member)) {
      return false;
    }
    Member that = (Member) other;
    return name.equals(that.name) && role == that.role && grantedTags.equals(that.grantedTags)
        && addedAt.equals(that.addedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, role, grantedTags, addedAt);
  }

  @Override
  public String toString() {
    return "Member[" + name + ", " + role + (grantedTags.isEmpty() ? "" : ", tags " + grantedTags) + "]";
  }
}
