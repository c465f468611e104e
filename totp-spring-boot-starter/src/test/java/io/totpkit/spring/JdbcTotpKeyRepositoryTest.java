package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.guard.testing.FreshDatabaseTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTotpKeyRepositoryTest extends FreshDatabaseTest {
  static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
  static final Totp POLICY = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).algorithm(HmacAlgorithm.SHA256)
      .digits(8).period(Duration.ofSeconds(60)).build();

  JdbcTotpKeyRepository repository;

  @BeforeEach
  void tables() {
    StarterSchema.create(db);
    StarterSchema.create(db);
    repository = JdbcTotpKeyRepository.of(db);
  }

  EncryptedKeys keys(KeyRing ring) {
    return new EncryptedKeys(repository, new TotpKeyCipher(ring, new SecureRandom()));
  }

  @Test
  void findActive_savedActive_sameRecord() {
    StoredTotpKey record = keys(Keys.ring("k1")).seal("alice", new byte[20], true, NOW, POLICY);
    repository.save(record);
    assertThat(repository.findActive("alice")).contains(record);
    assertThat(repository.findPending("alice")).isEmpty();
    assertThat(repository.findActive("bob")).isEmpty();
    assertThat(record.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(record.digits()).isEqualTo(8);
    assertThat(record.period()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void activate_withActive_replacesItAtomically() {
    EncryptedKeys keys = keys(Keys.ring("k1"));
    byte[] oldKey = new byte[20];
    byte[] newKey = new byte[20];
    newKey[0] = 1;
    repository.save(keys.seal("alice", oldKey, true, NOW, POLICY));
    StoredTotpKey pending = keys.seal("alice", newKey, false, NOW.plusSeconds(5), POLICY);
    repository.save(pending);
    assertThat(keys.open(repository.findActive("alice").orElseThrow())).isEqualTo(oldKey);

    assertThat(repository.activate(pending)).isTrue();

    assertThat(keys.open(repository.findActive("alice").orElseThrow())).isEqualTo(newKey);
    assertThat(repository.findPending("alice")).isEmpty();
    assertThat(repository.activate(pending)).isFalse();
  }

  @Test
  void activate_pendingReplacedMeanwhile_refused() {
    EncryptedKeys keys = keys(Keys.ring("k1"));
    StoredTotpKey confirmed = keys.seal("alice", new byte[20], false, NOW, POLICY);
    repository.save(confirmed);
    repository.save(keys.seal("alice", new byte[20], false, NOW, POLICY));
    assertThat(repository.activate(confirmed)).isFalse();
    assertThat(repository.findActive("alice")).isEmpty();
  }

  @Test
  void delete_both_gone() {
    EncryptedKeys keys = keys(Keys.ring("k1"));
    repository.save(keys.seal("alice", new byte[20], true, NOW, POLICY));
    repository.save(keys.seal("alice", new byte[20], false, NOW, POLICY));
    repository.delete("alice");
    assertThat(repository.findActive("alice")).isEmpty();
    assertThat(repository.findPending("alice")).isEmpty();
  }

  @Test
  void rotateIfOld_recordUnderOldKey_reEncryptedUnderCurrent() {
    byte[] plain = new byte[20];
    plain[3] = 7;
    repository.save(keys(Keys.ring("k1")).seal("alice", plain, true, NOW, POLICY));
    EncryptedKeys rotated = keys(Keys.ring("k2", "k1"));
    StoredTotpKey old = repository.findActive("alice").orElseThrow();

    rotated.rotateIfOld(old, rotated.open(old));

    StoredTotpKey now = repository.findActive("alice").orElseThrow();
    assertThat(now.keyId()).isEqualTo("k2");
    assertThat(keys(Keys.ring("k2")).open(now)).isEqualTo(plain);
    assertThat(now.createdAt()).isEqualTo(old.createdAt());
  }

  @Test
  void open_rowCopiedToAnotherUser_refused() throws Exception {
    repository.save(keys(Keys.ring("k1")).seal("alice", new byte[20], true, NOW, POLICY));
    try (var c = db.getConnection(); var s = c.createStatement()) {
      s.executeUpdate("INSERT INTO totpkit_user_keys SELECT 'mallory', active, key_id, ciphertext, created_at,"
          + " algorithm, digits, period_seconds FROM totpkit_user_keys WHERE username = 'alice'");
    }
    StoredTotpKey copied = repository.findActive("mallory").orElseThrow();
    assertThatThrownBy(() -> keys(Keys.ring("k1")).open(copied)).isInstanceOf(TotpKeyStoreException.class);
  }

  @Test
  void check_tablesMissing_namesProperty() {
    var fresh = io.totpkit.guard.testing.PostgresCluster.pool(
        io.totpkit.guard.testing.PostgresCluster.get().newDatabase(), 1);
    try (fresh) {
      assertThatThrownBy(() -> StarterSchema.check(fresh)).isInstanceOf(InvalidTotpPropertyException.class)
          .hasMessageStartingWith("totpkit.keys.initialize-schema is false, but table totpkit_user_keys is missing");
    }
    StarterSchema.check(db);
  }
}
