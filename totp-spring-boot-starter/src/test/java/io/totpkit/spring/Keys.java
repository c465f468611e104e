package io.totpkit.spring;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Application keys for tests: key id to Base64 of 32 bytes derived from the id, so each id's key differs. */
final class Keys {
  private Keys() {}

  static String base64(String id) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (id.hashCode() * 31 + i * 7);
    }
    return Base64.getEncoder().encodeToString(key);
  }

  static KeyRing ring(String current, String... others) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(current, base64(current));
    for (String id : others) {
      keys.put(id, base64(id));
    }
    return KeyRing.of(new TotpProperties.Keys(keys, current, true));
  }
}
