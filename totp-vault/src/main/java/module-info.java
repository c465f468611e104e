/**
 * totpkit vault: an encrypted, crash-safe store of many accounts' TOTP secrets (a file, or PostgreSQL through
 * {@code java.sql} for several servers), with members, roles and an authenticated audit trail. BouncyCastle supplies
 * Argon2id, HKDF, X25519 and scrypt behind package-private classes; no BouncyCastle type appears in the exported API.
 * The PostgreSQL store runs on the JDBC plumbing and schema migrations of {@code io.totpkit.guard} (its package
 * {@code io.totpkit.guard.jdbc}, exported to this module alone); no guard type appears in this module's API.
 */
module io.totpkit.vault {
  requires transitive io.totpkit.core;
  requires io.totpkit.guard;
  requires org.bouncycastle.provider;
  requires transitive java.sql;   // DataSource is part of the API (JdbcVaultStore, JdbcSchema)

  exports io.totpkit.vault;
}
