package io.totpkit.vault;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the audit journal of a file vault: reveals on many threads write their records under the vault's
 * lock, then, with the lock released, wait here until a force covers them. One waiter forces (and writes the audit
 * head) for everything written so far; the others wait for it, so concurrent reveals share fsyncs instead of queueing
 * one each behind the lock. A reveal still returns only once its record is durable.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class GroupCommit {
  private final ByteLog log;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forced = lock.newCondition();
  private long written;
  private byte[] head;
  private long durable;
  private boolean forcing;
  private long forces;

  GroupCommit(ByteLog log) {
    this.log = log;
  }

  /** Notes that the journal was written up to {@code position}, with the audit head naming that end (or null). */
  void written(long position, byte[] headAtPosition) {
    lock.lock();
    try {
      if (position > written) {
        written = position;
        head = headAtPosition;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once the journal is forced at least up to {@code position}.
   *
   * @throws VaultIoException if the force fails (each waiter then tries again, or fails the same way)
   */
  void await(long position) {
    lock.lock();
    try {
      while (durable < position) {
        if (forcing) {
          forced.awaitUninterruptibly();
          continue;
        }
        forcing = true;
        long target = written;
        byte[] targetHead = head;
        lock.unlock();
        RuntimeException failure = null;
        try {
          log.force();
          if (targetHead != null) {
            log.writeHead(targetHead);
          }
        } catch (RuntimeException e) {
          failure = e;
        }
        lock.lock();
        forcing = false;
        forces++;
        forced.signalAll();
        if (failure != null && durable < target) {
          throw failure;
        }
        durable = Math.max(durable, target);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forces what was written and closes the log: reveals still waiting are durable with it (a force of theirs racing
   * the close may fail; they then count as durable).
   */
  void closeLog() {
    try {
      if (log.groupsForces()) {
        log.force();
        lock.lock();
        try {
          durable = Math.max(durable, written);
          forced.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (VaultIoException e) {
      // The waiters' own forces then fail and they report it.
    } finally {
      log.close();
    }
  }

  /** How many forces ran: fewer than the reveals they covered when reveals came together. */
  long forces() {
    lock.lock();
    try {
      return forces;
    } finally {
      lock.unlock();
    }
  }
}
