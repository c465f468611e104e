package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The "commit" and "fsync" steps of the vault's cycle: appends a change's audit records, anchors the journal's head in
 * the body, seals a new vault image under a fresh per-save key, and writes it through the store. The journal is forced
 * to disk in parallel with the new image, and before the image becomes visible, so a change pays for about one disk
 * flush rather than two, and no visible image anchors records that are not durable.
 *
 * <p>Thread-safety: stateless; the caller holds the store's lock.
 */
final class ImageSaver {
  /** Runs the journal's fsync beside the image's own. */
  private static final ExecutorService FORCER = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "totpkit-vault-fsync");
    thread.setDaemon(true);
    return thread;
  });

  private ImageSaver() {}

  /**
   * Saves the kernel's state as generation {@code generation + 1}; returns the written image's fingerprint.
   *
   * @param keepBackup whether the store keeps the previous image as its backup
   */
  static Object save(VaultKernel kernel, StoreHandle.Held held, List<AuditJournal.Entry> audit, boolean keepBackup) {
    AuditJournal journal = kernel.journal;
    if (!audit.isEmpty()) {
      journal.append(audit, false, kernel.random);
    }
    kernel.body.anchor = journal.anchor();
    byte[] plaintext = kernel.body.encode();
    try {
      long generation = kernel.generation + 1;
      byte[] image = VaultFile.write(kernel.keys.vaultId, generation, kernel.clock.millis(), kernel.keys.dataKey(),
          kernel.slots, plaintext, kernel.random);
      Future<?> journalForced = FORCER.submit(journal::force);
      return held.write(image, generation, keepBackup, () -> await(journalForced));
    } finally {
      Wipe.bytes(plaintext);
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new VaultIoException("cannot force the audit journal to disk", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultIoException("interrupted while forcing the audit journal to disk", e);
    }
  }
}
