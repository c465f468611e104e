/**
 * totpkit vault: an encrypted, crash-safe store of many accounts' TOTP secrets (a file, or PostgreSQL through
 * {@code java.sql} for several servers), with members, roles and an authenticated audit trail; and a replay guard and
 * attempt limiter that servers share through the same database. BouncyCastle supplies Argon2id, HKDF, X25519 and scrypt behind package-private classes;
 * no BouncyCastle type appears in the exported API.
 */
module io.totpkit.vault {
  requires transitive io.totpkit.core;
  requires org.bouncycastle.provider;
  requires transitive java.sql;   // DataSource is part of the API (JdbcVaultStore, JdbcReplayGuard, ...)

  exports io.totpkit.vault;
}
