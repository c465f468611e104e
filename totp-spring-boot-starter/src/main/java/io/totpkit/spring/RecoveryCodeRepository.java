package io.totpkit.spring;

import java.util.List;

/**
 * Where the users' recovery codes are kept, as hashes only. The starter provides {@link JdbcRecoveryCodeRepository};
 * an application that keeps users elsewhere implements this interface and declares it as a bean.
 *
 * <h2>Security guarantees</h2>
 * An implementation stores and compares only the 32-byte hashes {@link RecoveryCodes} computes (SHA-256 over the
 * username and the code), never a code. {@link #consume} is one atomic step: of concurrent calls with the same hash,
 * at most one returns {@code true}.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface RecoveryCodeRepository {
  /**
   * Replaces all of the user's codes with these.
   *
   * @param username the user
   * @param hashes the new codes' hashes
   */
  void replaceAll(String username, List<byte[]> hashes);

  /**
   * Removes one code if the user has it.
   *
   * @param username the user
   * @param hash the hash of the code typed
   * @return {@code true} if the code existed and is now used up; {@code false} otherwise
   */
  boolean consume(String username, byte[] hash);

  /**
   * Counts the user's unused codes.
   *
   * @param username the user
   * @return 0 to 10
   */
  int count(String username);
}
