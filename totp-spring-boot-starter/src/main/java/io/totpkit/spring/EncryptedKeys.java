package io.totpkit.spring;

import io.totpkit.core.Totp;
import io.totpkit.core.Wipe;
import java.time.Instant;
import java.util.Optional;

/**
 * The users' TOTP keys as the verification and enrollment services see them: records from the
 * {@link TotpKeyRepository}, opened and sealed with the {@link TotpKeyCipher}, and re-sealed under the current
 * application key after a successful use of a record under an older one (rotation).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class EncryptedKeys {
  private final TotpKeyRepository repository;
  private final TotpKeyCipher cipher;

  EncryptedKeys(TotpKeyRepository repository, TotpKeyCipher cipher) {
    this.repository = repository;
    this.cipher = cipher;
  }

  TotpKeyRepository repository() {
    return repository;
  }

  /** Encrypts {@code plainKey} (which the caller wipes) into a record for {@code username}. */
  StoredTotpKey seal(String username, byte[] plainKey, boolean active, Instant now, Totp parameters) {
    return StoredTotpKey.of(username, cipher.currentKeyId(), cipher.encrypt(username, plainKey), active, now,
        parameters.algorithm(), parameters.digits(), parameters.period());
  }

  /** Decrypts a record's key; the caller wipes the result. */
  byte[] open(StoredTotpKey record) {
    return cipher.decrypt(record);
  }

  /** After a successful use: re-encrypts a record under an older application key with the current one. */
  void rotateIfOld(StoredTotpKey record, byte[] plainKey) {
    if (!record.keyId().equals(cipher.currentKeyId())) {
      repository.save(record.reEncrypted(cipher.currentKeyId(), cipher.encrypt(record.username(), plainKey)));
    }
  }

  Optional<StoredTotpKey> active(String username) {
    return repository.findActive(username);
  }

  Optional<StoredTotpKey> pending(String username) {
    return repository.findPending(username);
  }

  /** Wipes {@code plainKey}; here so that every caller pairs {@link #open} with it the same way. */
  static void close(byte[] plainKey) {
    Wipe.bytes(plainKey);
  }
}
