/**
 * totpkit guard: the replay guard and attempt limiter the servers of a login service share through PostgreSQL, and the
 * schema of their tables. Plain {@code java.sql} over totpkit-core; the driver and the pool are the application's, and
 * neither BouncyCastle nor zxing is needed.
 *
 * <p>Package {@code io.totpkit.guard.jdbc} holds the JDBC plumbing and the schema migration engine, written once: it is
 * exported to {@code io.totpkit.vault} alone, whose PostgreSQL store runs on the same code. It is not API.
 */
module io.totpkit.guard {
  requires transitive io.totpkit.core;   // ReplayGuard, AttemptLimiter and OtpException are in the API
  requires transitive java.sql;          // DataSource is in the API

  exports io.totpkit.guard;
  exports io.totpkit.guard.jdbc to io.totpkit.vault;
}
