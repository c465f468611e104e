/**
 * What the servers of a login service share through PostgreSQL to verify one-time passwords: a
 * {@link io.totpkit.guard.JdbcReplayGuard} (a code is accepted at most once per account, across every server) and a
 * {@link io.totpkit.guard.JdbcAttemptLimiter} (every failure counted exactly once), with
 * {@link io.totpkit.guard.JdbcGuardSchema} to create their tables. Plain {@code java.sql} over totpkit-core: the
 * driver and the pool are the application's, and nothing here needs BouncyCastle, zxing or the vault.
 *
 * <h2>Failure</h2>
 * Every call is one transaction, bounded by a server-side statement timeout and a client-side socket timeout. A
 * database that is down or does not answer throws {@link io.totpkit.guard.GuardUnavailableException}; missing tables
 * or a refused statement throw its base type {@link io.totpkit.guard.GuardStoreException}. Either way nothing was
 * changed, and the verifier passes the exception on: the login fails closed.
 */
package io.totpkit.guard;
