package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Shared fixtures: cheap Argon2 options, a fixed clock, passphrases as fresh arrays. */
final class TestVaults {
  static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
  static final String GITHUB = "otpauth://totp/GitHub:acme-ops?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";
  static final String GOOGLE_WIKI = "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP"
      + "&issuer=Example";

  private TestVaults() {}

  /** The least Argon2 cost, a fixed clock. */
  static VaultOptions fast() {
    return fast(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static VaultOptions fast(Clock clock) {
    return VaultOptions.builder().minimumArgon2().clock(clock).build();
  }

  static char[] pw(String text) {
    return text.toCharArray();
  }

  static Vault create(Path path) {
    return Vault.create(path, "maria", pw("correct horse battery staple"), fast());
  }

  static Vault open(Path path) {
    return Vault.open(path, "maria", pw("correct horse battery staple"), fast());
  }

  static java.util.UUID add(Vault vault, String uri, String... tags) {
    return vault.add(OtpAuthUri.parse(uri), Set.of(tags));
  }

  /** A deterministic SecureRandom: SHA1PRNG seeded before first use never mixes in system entropy. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }


  /** Reads {@code json} as an import file (an Aegis export in most tests) and imports it. */
  static ImportReport importAegis(Vault vault, String json, char[] password, java.util.Set<String> tags) {
    ImportPassword source = password == null ? ImportPassword.NONE : format -> password;
    try (ImportFile file = ImportFile.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source)) {
      return vault.importFile(file, tags);
    }
  }
}
