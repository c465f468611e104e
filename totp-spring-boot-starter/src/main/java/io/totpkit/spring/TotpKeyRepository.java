package io.totpkit.spring;

import java.util.Optional;

/**
 * Where the users' TOTP keys are kept, encrypted: at most one active key and one pending (enrolled, not yet
 * confirmed) key per username. The starter provides {@link JdbcTotpKeyRepository} over the application's
 * {@code DataSource}; an application that keeps users elsewhere implements this interface and declares it as a bean.
 *
 * <h2>Security guarantees</h2>
 * An implementation only stores and returns {@link StoredTotpKey} records, which hold ciphertext bound to their
 * username: it never sees a plain key, and a record it returns under the wrong username does not decrypt.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface TotpKeyRepository {
  /**
   * Returns the user's confirmed key.
   *
   * @param username the user
   * @return the active record, or empty if the user has not completed enrollment
   */
  Optional<StoredTotpKey> findActive(String username);

  /**
   * Returns the user's key awaiting confirmation.
   *
   * @param username the user
   * @return the pending record, or empty
   */
  Optional<StoredTotpKey> findPending(String username);

  /**
   * Stores a record, replacing the user's record in the same state (active or pending).
   *
   * @param key the record
   */
  void save(StoredTotpKey key);

  /**
   * Makes {@code pending} the user's active key, replacing any active key, in one atomic step, provided the user's
   * stored pending record is still this one (same ciphertext): a confirmation never activates a key that a
   * concurrent enrollment put in its place.
   *
   * @param pending the pending record that was confirmed
   * @return {@code true} if it was activated; {@code false} if the user's pending record is gone or another one
   */
  boolean activate(StoredTotpKey pending);

  /**
   * Deletes the user's keys, active and pending.
   *
   * @param username the user
   */
  void delete(String username);
}
