package io.totpkit.server;

import io.totpkit.vault.RevealNote;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking, once authenticated: a signed-in staff member or a token, with the vault opened by their own keys.
 * Every endpoint reaches entries through {@link #account(String)}, so what a caller can name is exactly what their
 * vault keys open: an entry of a tag they were not granted is as absent as one that never existed.
 */
final class Caller {
  /** How the caller proved who they are. */
  enum Kind {
    SESSION, TOKEN, LINK
  }

  /** An id no entry has, for a lookup whose only purpose is the re-read. */
  private static final UUID NO_ENTRY = new UUID(0L, 0L);

  final Kind kind;
  final String name;
  final Vault vault;
  final boolean mayAdd;

  Caller(Kind kind, String name, Vault vault, boolean mayAdd) {
    this.kind = kind;
    this.name = name;
    this.vault = vault;
    this.mayAdd = mayAdd;
  }

  /**
   * The entry a path names, if this caller may use it.
   *
   * @param id the path parameter
   * @throws ApiError 404 for a malformed id, a missing entry and an entry of an ungranted tag alike
   */
  VaultEntry account(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.noSuchAccount();
    }
    Optional<VaultEntry> entry = vault.entry(uuid);
    return entry.orElseThrow(ApiError::noSuchAccount);
  }

  /**
   * Reveals the code of the entry a path names, if this caller may use it; audited by the vault before it returns.
   *
   * @throws ApiError 404 for a malformed id, a missing entry and an entry of an ungranted tag alike
   */
  RevealedCode reveal(String id, RevealNote note) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiError.noSuchAccount();
    }
    try {
      return vault.code(uuid, note);
    } catch (NoSuchElementException e) {
      throw ApiError.noSuchAccount();
    }
  }

  /**
   * Re-reads the vault as this caller: a member removed or a token revoked since the last request fails here
   * ({@link io.totpkit.vault.UnknownMemberException}), as it does on every other endpoint.
   */
  void checkCurrent() {
    vault.entry(NO_ENTRY);
  }

  @Override
  public String toString() {
    return "Caller[" + kind + " " + name + "]";
  }
}
