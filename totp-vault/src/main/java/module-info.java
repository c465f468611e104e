/**
 * totpkit vault: an encrypted, crash-safe file of many accounts' TOTP secrets, with members, roles and an
 * authenticated audit trail. BouncyCastle supplies Argon2id, HKDF, X25519 and scrypt behind package-private classes;
 * no BouncyCastle type appears in the exported API.
 */
module io.totpkit.vault {
  requires transitive io.totpkit.core;
  requires org.bouncycastle.provider;

  exports io.totpkit.vault;
}
