package io.totpkit.vault;

import io.totpkit.core.Hotp;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.Verification;
import io.totpkit.core.Wipe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The vault's entries: adding, changing, removing and finding accounts, and revealing or checking their codes. Each
 * method describes its change and audit records; the {@link VaultKernel} applies and commits them. {@link Vault}
 * documents the public contract of each operation.
 *
 * <p>Thread-safety: safe for concurrent use (the kernel serializes operations).
 */
final class EntryBook {
  private final VaultKernel kernel;

  EntryBook(VaultKernel kernel) {
    this.kernel = kernel;
  }

  UUID add(OtpAuthUri uri, Set<String> tags, RevealNote note) {
    return kernel.change(() -> {
      kernel.requireAdd(tags);
      UUID id = put(kernel.randomId(), uri, tags, null);
      return VaultChange.saved(id, List.of(kernel.record(AuditAction.ENTRY_ADDED, id, null, note.detail())));
    });
  }

  /**
   * Seals {@code uri}'s secret and stores the entry under {@code id}; {@code created} is the original creation time
   * of an entry being replaced, or {@code null} for a new one. Caller is inside a change. Every add, update and import
   * passes here, so this is where a key shorter than {@link KeyLength#MINIMUM_BITS} is refused.
   *
   * @throws IllegalArgumentException if the key is too short (see {@link KeyLength}), or a field does not fit the
   *     format
   */
  UUID put(UUID id, OtpAuthUri uri, Set<String> tags, Instant created) {
    check(uri, tags);
    Instant now = kernel.now();
    byte[] secret = uri.secret().bytes();
    try {
      byte[] sealed = kernel.keys.seal(id, tags, secret, kernel.random);
      StoredEntry old = kernel.body.entries.get(id);
      kernel.body.entries.put(id, new StoredEntry(StoredEntry.describe(id, uri, tags, created == null ? now : created,
          now), sealed, old == null ? kernel.body.nextOrder++ : old.order).checked());
    } finally {
      Wipe.bytes(secret);
    }
    return id;
  }

  /**
   * Refuses what {@link #put} refuses, storing nothing: a key shorter than {@link KeyLength#MINIMUM_BITS}, a field
   * the format cannot hold (with room for the largest sealed key). For an import's dry run.
   *
   * @return the entry as it would be described, under a placeholder id
   */
  VaultEntry check(OtpAuthUri uri, Set<String> tags) {
    KeyLength.requireMinimum(uri.secret());
    Instant now = kernel.now();
    VaultEntry entry = StoredEntry.describe(new UUID(0, 0), uri, tags, now, now);
    new StoredEntry(entry, new byte[StoredEntry.MAX_SEALED_SECRET], 0).checked();
    return entry;
  }

  void update(UUID id, OtpAuthUri uri, Set<String> tags) {
    kernel.change(() -> {
      kernel.requireOwner("update entries");
      put(id, uri, tags, kernel.existing(id).entry.createdAt());
      return VaultChange.saved(null, List.of(kernel.record(AuditAction.ENTRY_UPDATED, id, null)));
    });
  }

  void retag(UUID id, Set<String> tags) {
    kernel.change(() -> {
      kernel.requireOwner("update entries");
      StoredEntry old = kernel.existing(id);
      // The entry moves to the section of its new tags: its secret is sealed under that section's key.
      Secret secret = kernel.keys.open(old);
      byte[] bytes = secret.bytes();
      try {
        kernel.body.entries.put(id, new StoredEntry(old.entry.withTags(tags, kernel.now()),
            kernel.keys.seal(id, tags, bytes, kernel.random), old.order));
      } finally {
        Wipe.bytes(bytes);
        secret.destroy();
      }
      return VaultChange.saved(null, List.of(kernel.record(AuditAction.ENTRY_UPDATED, id, "tags")));
    });
  }

  void remove(UUID id) {
    kernel.change(() -> {
      kernel.requireOwner("remove entries");
      kernel.existing(id);
      kernel.body.entries.remove(id);
      return VaultChange.saved(null, List.of(kernel.record(AuditAction.ENTRY_REMOVED, id, null)));
    });
  }

  /** The entries this member may use that pass {@code filter}, in the order they were added. */
  List<VaultEntry> find(Predicate<VaultEntry> filter) {
    return kernel.read(() -> {
      MemberRecord me = kernel.me();
      List<VaultEntry> out = new ArrayList<>();
      for (StoredEntry stored : kernel.body.entries.values()) {
        if (AccessRules.mayUse(me, stored.entry) && filter.test(stored.entry)) {
          out.add(stored.entry);
        }
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** One entry by id, if this member may use it: a lookup, not a scan (a code server asks this on every reveal). */
  Optional<VaultEntry> one(UUID id) {
    return kernel.combined(() -> {
      StoredEntry stored = kernel.body.entries.get(id);
      return VaultChange.journalOnly(stored != null && AccessRules.mayUse(kernel.me(), stored.entry)
          ? Optional.of(stored.entry) : Optional.<VaultEntry>empty(), List.of(), false);
    });
  }

  RevealedCode code(UUID id, RevealNote note) {
    return kernel.combined(() -> {
      StoredEntry stored = kernel.usable(id);
      VaultEntry e = stored.entry;
      note.check(e);
      Instant now = kernel.now();
      String code;
      Duration remaining;
      Secret secret = kernel.keys.open(stored);
      try {
        if (e.parameters().type() == OtpType.TOTP) {
          Totp totp = totpOf(e, secret);
          code = totp.generate(now);
          remaining = totp.remaining(now);
        } else {
          code = Hotp.builder(secret).parameters(e.parameters()).build().generate(e.rawCounter());
          remaining = Duration.ZERO;
        }
      } finally {
        secret.destroy();
      }
      RevealedCode revealed = new RevealedCode(e, code, now, remaining);
      List<AuditJournal.Entry> audit = List.of(kernel.record(AuditAction.CODE_REVEALED, id, null, note.detail()));
      if (e.parameters().type() == OtpType.HOTP) {
        kernel.body.entries.put(id, stored.with(e.withCounter(e.rawCounter() + 1, now)));
        return VaultChange.saved(revealed, audit);
      }
      return VaultChange.journalOnly(revealed, audit, kernel.options.syncRevealAudit());
    });
  }

  Verification verify(UUID id, CharSequence code) {
    return kernel.change(() -> {
      StoredEntry stored = kernel.usable(id);
      VaultEntry e = stored.entry;
      if (e.parameters().type() != OtpType.TOTP) {
        throw new IllegalArgumentException("entry " + id + " is a counter-based (HOTP) entry; verify checks "
            + "time-based codes");
      }
      Verification result;
      Secret secret = kernel.keys.open(stored);
      try {
        // Core's stateless check: one step either way, nothing remembered (see Vault#verify).
        result = totpOf(e, secret).check(code, kernel.now(), 1, 1);
      } finally {
        secret.destroy();
      }
      return VaultChange.journalOnly(result, List.of(kernel.record(AuditAction.CODE_REVEALED, id, "verify")),
          kernel.options.syncRevealAudit());
    });
  }

  /** A generator for a TOTP entry on the vault's clock. */
  private Totp totpOf(VaultEntry e, Secret secret) {
    return Totp.builder(secret).parameters(e.parameters()).clock(kernel.clock).build();
  }
}
