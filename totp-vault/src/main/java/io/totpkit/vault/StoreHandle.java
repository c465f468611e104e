package io.totpkit.vault;

import java.time.Duration;

/**
 * One open vault's connection to its {@link VaultStore}: the store's exclusive lock, and while it is held, the sealed
 * vault image and the audit journal's bytes. Every read and write happens under {@link #lock}; a database store runs
 * each lock as one transaction, so a change is all there or not at all.
 *
 * <p>Thread-safety: not thread-safe; a {@link Vault} calls it from its synchronized methods.
 */
interface StoreHandle extends AutoCloseable {
  /**
   * Takes the store's exclusive lock, across threads, processes and servers.
   *
   * @throws VaultLockedException if another holder keeps it longer than {@code timeout}
   * @throws VaultIoException if the store cannot be reached
   */
  Held lock(Duration timeout);

  /** Releases what the handle holds open (files, a connection); a held lock must have been closed first. */
  @Override
  void close();

  /** The store while its lock is held. Closing releases the lock and discards what was not committed. */
  interface Held extends AutoCloseable {
    /** Returns whether a vault image exists. */
    boolean exists();

    /**
     * Identifies the current vault image cheaply, so that an unchanged vault is not read and decrypted again.
     *
     * @throws VaultIoException if there is no vault
     */
    Object fingerprint();

    /**
     * Reads the sealed vault image.
     *
     * @throws VaultIoException if there is no vault or it cannot be read
     */
    byte[] read();

    /**
     * Replaces the vault image ({@code generation} is the one written in it), running {@code beforePublish} once
     * the bytes are durable and before anyone can see them; returns the new image's fingerprint. A store that keeps a
     * backup makes it the previous image, or with {@code backupIsNew} (after a key rotation, when the previous image
     * opens under keys someone lost) the new image itself, before the new image becomes visible.
     */
    Object write(byte[] image, long generation, boolean backupIsNew, Runnable beforePublish);

    /** Opens the journal's bytes, or (if {@code create}) starts them afresh; the log outlives this lock. */
    ByteLog journal(boolean create);

    /**
     * Checks, before anything is written, that this holder still holds the lock exclusively.
     *
     * @throws VaultLockedException if the lock was taken away (a file vault's lock file deleted or replaced)
     */
    void ensureExclusive();

    /** Makes everything written under this lock durable and visible to others. */
    void commit();

    @Override
    void close();
  }
}
