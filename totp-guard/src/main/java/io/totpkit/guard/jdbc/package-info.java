/**
 * Not API: the JDBC plumbing and the schema migration engine that every totpkit module keeping state in PostgreSQL
 * shares, written once. {@code module-info} exports this package to {@code io.totpkit.vault} alone; on the class path
 * it is visible, but may change in any release without notice.
 *
 * <p>{@link io.totpkit.guard.jdbc.Sql} takes connections with a client-side timeout, runs transactions and reports
 * failures as the calling module's exceptions ({@link io.totpkit.guard.jdbc.DatabaseFailure} tells them apart);
 * {@link io.totpkit.guard.jdbc.Migrations} brings each {@link io.totpkit.guard.jdbc.SchemaComponent} of a database
 * up to date.
 */
package io.totpkit.guard.jdbc;
