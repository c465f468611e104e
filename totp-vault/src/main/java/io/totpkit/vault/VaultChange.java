package io.totpkit.vault;

import java.util.List;

/**
 * What one operation on a vault did, as the {@link VaultKernel} commits it: a result for the caller, audit records,
 * whether the vault image must be rewritten (and with it the member table and keychains), and (when it is not)
 * whether the appended records are forced to disk before the result is returned.
 *
 * <p>Thread-safety: immutable.
 *
 * @param <T> the caller's result
 */
final class VaultChange<T> {
  final T result;
  final List<AuditJournal.Entry> audit;
  final boolean save;
  final boolean sync;
  /** Whether membership or keys changed: the member table is signed and every keychain written anew. */
  final boolean rekey;
  /** Whether keys were rotated: the store's backup becomes a copy of the new image, so no old key opens it. */
  final boolean rotated;

  private VaultChange(T result, List<AuditJournal.Entry> audit, boolean save, boolean sync, boolean rekey,
      boolean rotated) {
    this.result = result;
    this.audit = List.copyOf(audit);
    this.save = save;
    this.sync = sync;
    this.rekey = rekey;
    this.rotated = rotated;
  }

  /** A change that rewrites the vault image; its audit records are saved with it. */
  static <T> VaultChange<T> saved(T result, List<AuditJournal.Entry> audit) {
    return new VaultChange<>(result, audit, true, true, false, false);
  }

  /**
   * A change of membership or keys (OWNER only): saved with a newly signed member table and new keychains; with
   * {@code rotated}, the backup is replaced too.
   */
  static <T> VaultChange<T> rekeyed(T result, List<AuditJournal.Entry> audit, boolean rotated) {
    return new VaultChange<>(result, audit, true, true, true, rotated);
  }

  /** A change of nothing but the audit trail: a reveal, a check, an export. */
  static <T> VaultChange<T> journalOnly(T result, List<AuditJournal.Entry> audit, boolean sync) {
    return new VaultChange<>(result, audit, false, sync, false, false);
  }

  /** One step of work under the kernel's locks. */
  interface Work<T> {
    T run();
  }
}
