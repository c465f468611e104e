package io.totpkit.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One work in a batch of {@link VaultKernel#combined}: run by whichever thread holds the vault's monitor, settled
 * there, finished by its own thread (which waits for its records' force outside the lock).
 *
 * <p>Thread-safety: written under the kernel's monitor; read by its thread after acquiring that monitor.
 */
final class BatchedWork<T> {
  private final VaultChange.Work<VaultChange<T>> work;
  boolean done;
  private T result;
  private Runnable durable;
  private RuntimeException failure;

  BatchedWork(VaultChange.Work<VaultChange<T>> work) {
    this.work = work;
  }

  /**
   * Runs the work; a role or existence refusal is this work's own failure.
   *
   * @return the change to commit, or {@code null} if the work was refused
   */
  VaultChange<T> run() {
    try {
      VaultChange<T> change = work.run();
      result = change.result;
      return change;
    } catch (VaultAccessException | NoSuchElementException e) {
      failure = e;
      return null;
    }
  }

  /** What makes this work's records durable once committed. */
  void durable(Runnable durable) {
    this.durable = durable;
  }

  /** Ends the work; a failure of the whole batch replaces any result (its records may be written, never shown). */
  void settle(RuntimeException batchFailure) {
    if (batchFailure != null) {
      failure = batchFailure;
      durable = null;
    }
    done = true;
  }

  /** Waits for the records' force, then returns the result or throws the failure. */
  T finish() {
    if (failure != null) {
      throw failure;
    }
    if (durable != null) {
      durable.run();
    }
    return result;
  }

  /**
   * Runs a batch's works and commits their outcomes in order: the records of consecutive journal-only works in one
   * append (one write, one database row), a work that saves in its turn.
   */
  static void commitAll(VaultKernel kernel, StoreHandle.Held held, List<BatchedWork<?>> batch) {
    List<AuditJournal.Entry> records = new ArrayList<>();
    List<BatchedWork<?>> waiting = new ArrayList<>();
    boolean sync = false;
    for (BatchedWork<?> item : batch) {
      VaultChange<?> change = item.run();
      if (change == null || !change.save && change.audit.isEmpty()) {
        continue;
      }
      if (!change.save && (waiting.isEmpty() || change.sync == sync)) {
        records.addAll(change.audit);
        waiting.add(item);
        sync = change.sync;
        continue;
      }
      flush(kernel, held, records, waiting, sync);
      if (change.save) {
        item.durable(kernel.apply(held, change));
      } else {
        records.addAll(change.audit);
        waiting.add(item);
        sync = change.sync;
      }
    }
    flush(kernel, held, records, waiting, sync);
  }

  private static void flush(VaultKernel kernel, StoreHandle.Held held, List<AuditJournal.Entry> records, List<BatchedWork<?>> waiting,
      boolean sync) {
    if (!waiting.isEmpty()) {
      Runnable durable = kernel.apply(held, VaultChange.journalOnly(null, records, sync));
      waiting.forEach(item -> item.durable(durable));
      records.clear();
      waiting.clear();
    }
  }
}
