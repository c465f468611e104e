package io.totpkit.spring;

import io.totpkit.core.Wipe;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The AES-256 keys from {@code totpkit.keys.*}, by id, and which one is current. Each key is held in an array of this
 * class's own and handed out as a copy that the caller wipes after use.
 *
 * <p>Security: no method returns or prints a key except {@link #copyOf}; {@link #toString()} shows ids only.
 *
 * <p>Thread-safety: immutable.
 */
final class KeyRing {
  static final int KEY_LENGTH = 32;

  private final Map<String, byte[]> keys;
  private final String currentId;

  private KeyRing(Map<String, byte[]> keys, String currentId) {
    this.keys = keys;
    this.currentId = currentId;
  }

  /**
   * Decodes the configured keys.
   *
   * @throws InvalidTotpPropertyException if no key is configured
   */
  static KeyRing of(TotpProperties.Keys settings) {
    if (settings.encryptionKeys().isEmpty()) {
      throw new InvalidTotpPropertyException("totpkit.keys.encryption-keys",
          "must hold at least one key to encrypt the users' TOTP keys at rest: set totpkit.keys.encryption-keys.<id>"
              + " to the Base64 of 32 random bytes (openssl rand -base64 32) and totpkit.keys.current-key-id=<id>");
    }
    Map<String, byte[]> keys = new HashMap<>();
    settings.encryptionKeys().forEach((id, text) -> keys.put(id, decodeKey(id, text)));
    return new KeyRing(Map.copyOf(keys), settings.currentKeyId());
  }

  /**
   * Decodes one Base64 key and checks its length; the caller wipes the result.
   *
   * @throws InvalidTotpPropertyException if it is not Base64 of exactly 32 bytes (the message holds no key)
   */
  static byte[] decodeKey(String id, String base64) {
    String property = "totpkit.keys.encryption-keys." + id;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidTotpPropertyException(property, "must be Base64 (openssl rand -base64 32); it is not");
    }
    if (key.length != KEY_LENGTH) {
      int length = key.length;
      Wipe.bytes(key);
      throw new InvalidTotpPropertyException(
          property, "must decode to 32 bytes (openssl rand -base64 32), decodes to " + length);
    }
    return key;
  }

  String currentId() {
    return currentId;
  }

  boolean contains(String id) {
    return keys.containsKey(id);
  }

  Set<String> ids() {
    return keys.keySet();
  }

  /** A copy of key {@code id} for the caller to wipe, or {@code null} if the id is not configured. */
  byte[] copyOf(String id) {
    byte[] key = keys.get(id);
    return key == null ? null : Arrays.copyOf(key, key.length);
  }

  /** Zeroes every key; called when the application context closes. The ring is unusable afterwards. */
  void wipe() {
    keys.values().forEach(Wipe::bytes);
  }

  @Override
  public String toString() {
    return "KeyRing{ids=" + keys.keySet().stream().sorted().toList() + ", current=" + currentId + "}";
  }
}
