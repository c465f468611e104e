/**
 * An encrypted, crash-safe store of many accounts' TOTP/HOTP secrets, shared by members with roles, with an
 * authenticated audit trail. The entry point is {@link io.totpkit.vault.Vault}; the file format is specified in
 * {@code totp-vault/FORMAT.md}.
 *
 * <pre>{@code
 * VaultOptions options = VaultOptions.defaults();             // Argon2id 64 MiB, 3 passes, 4 lanes
 * try (Vault vault = Vault.create(path, "maria", passphrase, options)) {
 *   UUID id = vault.add(OtpAuthUri.parse(uriFromQrCode), Set.of("client:acme"));
 *   vault.addMember("olga", Role.OPERATOR, Set.of("client:acme"), olgasFirstPassphrase);
 *   RevealedCode code = vault.code(id);                       // recorded in the audit trail first
 * }
 * }</pre>
 *
 * <h2>Inside</h2>
 * {@code Vault} is a thin façade. A {@code VaultKernel} owns the keys ({@code KeyRing}), the decrypted body, the key
 * slots and the audit journal, and runs every operation through one cycle, a small class per step: lock the store
 * ({@code StoreHandle}), refresh from the latest image ({@code ImageOpener}), apply the change, then commit and force
 * it to disk ({@code ImageSaver}). Feature classes describe the changes: {@code EntryBook} (entries, reveals,
 * checks), {@code Membership} (members, key rotation, passphrases) and {@code Transfers} (imports, exports). Who may
 * do what is decided in {@code AccessRules} alone.
 *
 * <h2>Security</h2>
 * Threat model. The vault protects the secrets in a stolen or copied vault file (and its backup and journal) against
 * anyone without a member's passphrase, reports any damage or modification of the files instead of loading them, and
 * makes every reveal, change and export leave a record that cannot be edited, reordered or removed from the middle
 * without {@link io.totpkit.vault.Vault#verifyAudit()} noticing. It does not protect against a member's own process
 * (roles are enforced by this API, not by cryptography: every member can unwrap the data key), against malware on a
 * machine where the vault is open, or against the whole set of files being rolled back to an older copy (records
 * appended since the last vault save can be cut from the end like a crash would); anchor the audit count elsewhere
 * when that matters.
 *
 * <p>Primitives: Argon2id (RFC 9106) for passphrases, X25519 (RFC 7748) + HKDF-SHA-256 (RFC 5869) + AES-256-GCM to wrap
 * the data key to each member, AES-256-GCM for the body, entry secrets and audit records, HMAC-SHA-256 for the key
 * commitment and the audit chain, SHA-256 for the unkeyed damage check.
 */
package io.totpkit.vault;
