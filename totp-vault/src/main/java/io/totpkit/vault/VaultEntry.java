package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.OtpType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One account in a vault as listings show it: id, issuer, account, tags and code parameters, but never the secret.
 * Reveal codes with {@link Vault#code(UUID)}.
 *
 * <p>Thread-safety: immutable.
 */
public final class VaultEntry {
  private final UUID id;
  private final OtpParameters parameters;
  private final String labelIssuer;
  private final String issuerParameter;
  private final String account;
  private final Map<String, String> otherParameters;
  private final Set<String> tags;
  private final Instant createdAt;
  private final Instant updatedAt;

  VaultEntry(UUID id, OtpParameters parameters, String labelIssuer, String issuerParameter, String account,
      Map<String, String> otherParameters, java.util.Collection<String> tags, Instant createdAt, Instant updatedAt) {
    this(id, parameters, labelIssuer, issuerParameter, account, otherParameters, Tags.copy(tags), createdAt,
        updatedAt, true);
  }

  /**
   * With {@code copiedTags} already made by {@link Tags#copy} (immutable, sorted), shared rather than copied again;
   * {@code tagsCopied} only tells this constructor from the one that copies.
   */
  VaultEntry(UUID id, OtpParameters parameters, String labelIssuer, String issuerParameter, String account,
      Map<String, String> otherParameters, Set<String> copiedTags, Instant createdAt, Instant updatedAt,
      boolean tagsCopied) {
    this.id = id;
    this.parameters = parameters;
    this.labelIssuer = labelIssuer;
    this.issuerParameter = issuerParameter;
    this.account = account;
    this.otherParameters = Map.copyOf(otherParameters);
    this.tags = copiedTags;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
  }

  /** Returns the entry's id, random and stable for the entry's life. */
  public UUID id() {
    return id;
  }

  /** Returns the service: the {@code issuer} parameter if present, else the label's prefix, else empty. */
  public String issuer() {
    return issuerParameter != null ? issuerParameter : labelIssuer != null ? labelIssuer : "";
  }

  /** Returns the account name at the issuer; possibly empty. */
  public String account() {
    return account;
  }

  /**
   * Returns how the entry's codes are made, without the key: type, algorithm, digits or Steam Guard, the period or the
   * next HOTP counter ({@code entry.parameters().digits()}). The parameter list is declared once, in core.
   */
  public OtpParameters parameters() {
    return parameters;
  }

  /** Returns the time step of a TOTP key, or empty for HOTP. */
  public Optional<Duration> period() {
    return parameters.type() == OtpType.TOTP ? Optional.of(parameters.period()) : Optional.empty();
  }

  /** Returns the tags (a client's name, a team), sorted. */
  public Set<String> tags() {
    return tags;
  }

  /** Returns when the entry was added. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns when the entry was last changed (a HOTP reveal advances the counter and counts as a change). */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Whether {@code uri} describes the same account as this entry: the same issuer and the same account name, ignoring
   * case. This is totpkit's one definition of "the same account": {@code totp add} offers to replace such an entry,
   * and an import skips an account whose same account is already in the vault with an equal key (a different key
   * under the same name is imported beside it, since one export can hold two keys under one name).
   *
   * @param uri an account to add or import
   * @return whether issuer and account name match, ignoring case
   */
  public boolean isSameAccount(OtpAuthUri uri) {
    return accountKey(this).equals(accountKey(uri));
  }

  /** The key under which entries of the same account (see {@link #isSameAccount}) collide. */
  static String accountKey(VaultEntry entry) {
    return accountKey(entry.issuer(), entry.account());
  }

  static String accountKey(OtpAuthUri uri) {
    return accountKey(uri.issuer(), uri.account());
  }

  private static String accountKey(String issuer, String account) {
    // Upper then lower case folds the pairs a single lower-casing misses (the German sharp s, the Kelvin sign).
    return fold(issuer) + '\0' + fold(account);
  }

  private static String fold(String text) {
    return text.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns a copy with other tags, changed at {@code now}. */
  VaultEntry withTags(java.util.Collection<String> newTags, Instant now) {
    return new VaultEntry(id, parameters, labelIssuer, issuerParameter, account, otherParameters, newTags, createdAt,
        now);
  }

  /** Returns a copy with another HOTP counter, changed at {@code now}. */
  VaultEntry withCounter(long newCounter, Instant now) {
    return new VaultEntry(id, parameters.withCounter(newCounter), labelIssuer, issuerParameter, account,
        otherParameters, tags, createdAt, now);
  }

  String labelIssuer() {
    return labelIssuer;
  }

  String issuerParameter() {
    return issuerParameter;
  }

  /** The TOTP period in seconds, 0 for HOTP (as the file format stores it). */
  long periodSeconds() {
    return parameters.type() == OtpType.TOTP ? parameters.period().getSeconds() : 0;
  }

  long rawCounter() {
    return parameters.counter().orElse(0);
  }

  Map<String, String> otherParameters() {
    return otherParameters;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof VaultEntry)) {
      return false;
    }
    VaultEntry that = (VaultEntry) other;
    return id.equals(that.id) && parameters.equals(that.parameters) && Objects.equals(labelIssuer, that.labelIssuer)
        && Objects.equals(issuerParameter, that.issuerParameter) && account.equals(that.account)
        && otherParameters.equals(that.otherParameters) && tags.equals(that.tags)
        && createdAt.equals(that.createdAt) && updatedAt.equals(that.updatedAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Describes the entry; there is no secret to leave out. */
  @Override
  public String toString() {
    return "VaultEntry[" + id + ", " + issuer() + ", " + account + ", " + parameters.type() + ", tags " + tags + "]";
  }
}
