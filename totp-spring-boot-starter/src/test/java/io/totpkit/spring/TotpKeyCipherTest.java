package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpKeyCipherTest {
  static final byte[] KEY = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");

  static StoredTotpKey record(String username, String keyId, byte[] ciphertext) {
    return StoredTotpKey.of(username, keyId, ciphertext, true, NOW, HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30));
  }

  final TotpKeyCipher cipher = new TotpKeyCipher(Keys.ring("k1"), new SecureRandom());

  @Test
  void decrypt_encrypted_sameKey() {
    byte[] sealed = cipher.encrypt("alice", KEY);
    assertThat(sealed).hasSize(1 + 12 + 20 + 16).startsWith(TotpKeyCipher.VERSION);
    assertThat(cipher.decrypt(record("alice", "k1", sealed))).isEqualTo(KEY);
  }

  @Test
  void encrypt_twice_freshNonceEachTime() {
    assertThat(cipher.encrypt("alice", KEY)).isNotEqualTo(cipher.encrypt("alice", KEY));
  }

  @Test
  void decrypt_recordMovedToAnotherUser_failsAuthentication() {
    byte[] sealed = cipher.encrypt("alice", KEY);
    assertThatThrownBy(() -> cipher.decrypt(record("mallory", "k1", sealed)))
        .isInstanceOf(TotpKeyStoreException.class).hasMessageContaining("fails authentication");
  }

  @Test
  void decrypt_flippedByte_failsAuthentication() {
    byte[] sealed = cipher.encrypt("alice", KEY);
    sealed[20] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(record("alice", "k1", sealed)))
        .isInstanceOf(TotpKeyStoreException.class).hasMessageContaining("fails authentication");
  }

  @Test
  void decrypt_keyIdRelabelled_failsAuthentication() {
    TotpKeyCipher both = new TotpKeyCipher(Keys.ring("k1", "k2"), new SecureRandom());
    byte[] sealed = both.encrypt("alice", KEY);
    assertThatThrownBy(() -> both.decrypt(record("alice", "k2", sealed)))
        .isInstanceOf(TotpKeyStoreException.class).hasMessageContaining("fails authentication");
  }

  @Test
  void decrypt_unknownKeyId_namesIt() {
    byte[] sealed = cipher.encrypt("alice", KEY);
    assertThatThrownBy(() -> cipher.decrypt(record("alice", "k0", sealed)))
        .isInstanceOf(TotpKeyStoreException.class)
        .hasMessageContaining("key id \"k0\", which totpkit.keys.encryption-keys does not hold");
  }

  @Test
  void decrypt_afterRotation_oldRecordsStillOpen() {
    byte[] underOld = new TotpKeyCipher(Keys.ring("k1"), new SecureRandom()).encrypt("alice", KEY);
    TotpKeyCipher rotated = new TotpKeyCipher(Keys.ring("k2", "k1"), new SecureRandom());
    assertThat(rotated.currentKeyId()).isEqualTo("k2");
    assertThat(rotated.decrypt(record("alice", "k1", underOld))).isEqualTo(KEY);
  }

  @Test
  void toString_record_holdsNoCiphertext() {
    byte[] sealed = cipher.encrypt("alice", KEY);
    String text = record("alice", "k1", sealed).toString();
    assertThat(text).contains("alice", "k1", "active").doesNotContain(java.util.HexFormat.of().formatHex(sealed))
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(sealed));
  }
}
