package io.totpkit.vault;

import java.util.List;

/**
 * What one operation on a vault did, as the {@link VaultKernel} commits it: a result for the caller, audit records to
 * append, whether the vault image must be rewritten, and (when it is not) whether the appended records are forced to
 * disk before the result is returned.
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

  private VaultChange(T result, List<AuditJournal.Entry> audit, boolean save, boolean sync) {
    this.result = result;
    this.audit = List.copyOf(audit);
    this.save = save;
    this.sync = sync;
  }

  /** A change that rewrites the vault image; its audit records are forced to disk before the image is visible. */
  static <T> VaultChange<T> saved(T result, List<AuditJournal.Entry> audit) {
    return new VaultChange<>(result, audit, true, true);
  }

  /** A change of nothing but the audit trail: a reveal, a check, an export. */
  static <T> VaultChange<T> journalOnly(T result, List<AuditJournal.Entry> audit, boolean sync) {
    return new VaultChange<>(result, audit, false, sync);
  }

  /** One step of work under the kernel's locks. */
  interface Work<T> {
    T run();
  }
}
