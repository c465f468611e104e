package io.totpkit.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A code revealed by {@link Vault#code(UUID)}: the characters to type and how long they stay current.
 *
 * <p>Thread-safety: immutable.
 *
 * <h2>Security</h2>
 * The code is a short-lived credential; {@link #toString()} omits it.
 */
public final class RevealedCode {
  private final VaultEntry entry;
  private final String code;
  private final Instant at;
  private final Duration remaining;

  RevealedCode(VaultEntry entry, String code, Instant at, Duration remaining) {
    this.entry = entry;
    this.code = code;
    this.at = at;
    this.remaining = remaining;
  }

  /** Returns the entry the code belongs to. */
  public UUID entryId() {
    return entry.id();
  }

  /** Returns the entry as it was when its code was revealed (issuer, account, tags; no key). */
  public VaultEntry entry() {
    return entry;
  }

  /** Returns the code, with leading zeros (or Steam Guard's five characters). */
  public String code() {
    return code;
  }

  /** Returns the moment the code was computed for. */
  public Instant at() {
    return at;
  }

  /** Returns how long the code stays current; {@link Duration#ZERO} for a HOTP code, which does not expire. */
  public Duration remaining() {
    return remaining;
  }

  /** Returns the whole seconds left, rounded up, as authenticator apps show them. */
  public long secondsLeft() {
    return remaining.isZero() ? 0 : (remaining.toMillis() + 999) / 1000;
  }

  @Override
  public String toString() {
    return "RevealedCode[" + entry.id() + ", " + secondsLeft() + " s left]";
  }
}
