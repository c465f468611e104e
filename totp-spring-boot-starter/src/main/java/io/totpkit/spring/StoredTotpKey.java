package io.totpkit.spring;

import io.totpkit.core.HmacAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One user's TOTP key as a {@link TotpKeyRepository} stores it: encrypted (AES-256-GCM under the application key
 * {@link #keyId()}, bound to the username), with the code parameters it was enrolled with, whether the user has
 * confirmed it, and when it was created. It never holds the plain key.
 *
 * <p>Security: {@link #toString()} shows neither ciphertext nor key; a record copied to another username does not
 * decrypt.
 *
 * <p>Thread-safety: immutable.
 */
public final class StoredTotpKey {
  private final String username;
  private final String keyId;
  private final byte[] ciphertext;
  private final boolean active;
  private final Instant createdAt;
  private final HmacAlgorithm algorithm;
  private final int digits;
  private final Duration period;

  private StoredTotpKey(String username, String keyId, byte[] ciphertext, boolean active, Instant createdAt,
      HmacAlgorithm algorithm, int digits, Duration period) {
    this.username = Objects.requireNonNull(username, "username");
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.ciphertext = ciphertext.clone();
    this.active = active;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.digits = digits;
    this.period = Objects.requireNonNull(period, "period");
  }

  /**
   * Rebuilds a record read from storage; a repository implementation calls it.
   *
   * @param username whose key it is
   * @param keyId the id of the application key it is encrypted under
   * @param ciphertext the encrypted key, copied in
   * @param active {@code true} once the user confirmed it with a code; {@code false} while enrollment is pending
   * @param createdAt when the key was created
   * @param algorithm the HMAC hash of its codes
   * @param digits its code length
   * @param period its time step
   * @return the record
   */
  public static StoredTotpKey of(String username, String keyId, byte[] ciphertext, boolean active,
      Instant createdAt, HmacAlgorithm algorithm, int digits, Duration period) {
    return new StoredTotpKey(username, keyId, ciphertext, active, createdAt, algorithm, digits, period);
  }

  /** @return whose key this is */
  public String username() {
    return username;
  }

  /** @return the id of the application key ({@code totpkit.keys.encryption-keys}) it is encrypted under */
  public String keyId() {
    return keyId;
  }

  /** @return a copy of the encrypted key (version, nonce, ciphertext and tag) */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** @return {@code true} once confirmed with a code; {@code false} while enrollment is pending */
  public boolean active() {
    return active;
  }

  /** @return when the key was created */
  public Instant createdAt() {
    return createdAt;
  }

  /** @return the HMAC hash of its codes */
  public HmacAlgorithm algorithm() {
    return algorithm;
  }

  /** @return its code length */
  public int digits() {
    return digits;
  }

  /** @return its time step */
  public Duration period() {
    return period;
  }

  StoredTotpKey activated() {
    return new StoredTotpKey(username, keyId, ciphertext, true, createdAt, algorithm, digits, period);
  }

  StoredTotpKey reEncrypted(String newKeyId, byte[] newCiphertext) {
    return new StoredTotpKey(username, newKeyId, newCiphertext, active, createdAt, algorithm, digits, period);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredTotpKey o && username.equals(o.username) && keyId.equals(o.keyId)
        && Arrays.equals(ciphertext, o.ciphertext) && active == o.active && createdAt.equals(o.createdAt)
        && algorithm == o.algorithm && digits == o.digits && period.equals(o.period);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, keyId, active, createdAt);
  }

  @Override
  public String toString() {
    return "StoredTotpKey{" + username + ", key id " + keyId + ", " + (active ? "active" : "pending") + ", created "
        + createdAt + ", " + algorithm + "/" + digits + "/" + period.toSeconds() + "s}";
  }
}
