package io.totpkit.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes writers of one vault, across threads and processes: an in-process lock, then an OS lock on
 * {@code <name>.lock} (the vault file itself is replaced on every save, so it cannot carry the lock).
 *
 * <p>A lock on a file protects nothing once the file is deleted: the next process creates a new file at the same name
 * and locks that. So a holder checks that the name still leads to the file it locked, by the file's identity (device
 * and inode), when it takes the lock (retrying with the new file if it was replaced) and again before every write
 * ({@link Held#ensureExclusive()}); a change whose lock was taken away is refused before it writes anything.
 *
 * <p>All instances for one vault in a JVM share one channel to the lock file, because closing any channel to a file
 * releases every lock the process holds on it.
 *
 * <p>Thread-safety: safe for concurrent use; a holder releases from the thread that acquired.
 */
final class VaultLock implements AutoCloseable {
  private static final Map<Path, Shared> SHARED = new HashMap<>();

  private final Path lockFile;
  private final Shared shared;
  private boolean closed;

  /** What every {@code VaultLock} of one lock file in this JVM shares. */
  private static final class Shared {
    final ReentrantLock local = new ReentrantLock();
    FileChannel channel;
    Object fileKey;
    int users;
  }

  /**
   * @param vault the vault file; its lock file {@code <name>.lock} sits beside the file its symbolic links lead to
   */
  VaultLock(Path vault) {
    this.lockFile = VaultPaths.of(vault).lock;
    synchronized (SHARED) {
      this.shared = SHARED.computeIfAbsent(this.lockFile, ignored -> new Shared());
      shared.users++;
    }
  }

  /** A held lock; closing releases it. */
  final class Held implements AutoCloseable {
    private final FileLock fileLock;

    private Held(FileLock fileLock) {
      this.fileLock = fileLock;
    }

    /**
     * Checks that the lock file is still the one this holder locked.
     *
     * @throws VaultLockedException if it was deleted or replaced, so another process may be writing too
     */
    void ensureExclusive() {
      if (!Objects.equals(keyOrNull(), shared.fileKey)) {
        throw new VaultLockedException("the vault's lock was taken away while this process held it (its lock "
            + "file was deleted or replaced); nothing was changed: try again");
      }
    }

    @Override
    public void close() {
      try {
        fileLock.release();
      } catch (IOException ignored) {
        // The OS drops the lock when the channel closes or the process dies.
      } finally {
        shared.local.unlock();
      }
    }
  }

  Held acquire(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!shared.local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw locked(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultLockedException("interrupted while waiting for the vault lock", e);
    }
    try {
      long pause = 1;
      while (true) {
        FileLock lock = tryLockCurrentFile(deadline, timeout);
        if (lock != null) {
          if (Objects.equals(keyOrNull(), shared.fileKey)) {
            return new Held(lock);
          }
          // Locked a file that no longer has the name: start again with the one that has it now.
          lock.release();
          reopen();
          continue;
        }
        if (System.nanoTime() - deadline >= 0) {
          throw locked(timeout);
        }
        Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        pause = Math.min(pause * 2, 25);
      }
    } catch (IOException e) {
      shared.local.unlock();
      throw new VaultIoException("cannot lock the vault (" + lockFile + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      shared.local.unlock();
      Thread.currentThread().interrupt();
      throw new VaultLockedException("interrupted while waiting for the vault lock", e);
    } catch (RuntimeException e) {
      shared.local.unlock();
      throw e;
    }
  }

  /** Opens the lock file if needed, knowing which file the channel holds, and tries to lock it once. */
  private FileLock tryLockCurrentFile(long deadline, Duration timeout) throws IOException {
    while (shared.channel == null) {
      if (System.nanoTime() - deadline >= 0) {
        throw locked(timeout);
      }
      // The file's identity before and after opening must agree, or the channel may hold a file deleted meanwhile.
      Object before = keyOrNull();
      FileChannel channel = SecretFiles.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Object after = keyOrNull();
      if (before != null && before.equals(after)) {
        shared.channel = channel;
        shared.fileKey = after;
      } else {
        channel.close();
      }
    }
    try {
      return shared.channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // Another object in this JVM holds the same file through another path (a hard link): wait for it.
      return null;
    }
  }

  private void reopen() throws IOException {
    FileChannel old = shared.channel;
    shared.channel = null;
    shared.fileKey = null;
    old.close();
  }

  /** The identity of the file the lock file's name leads to now, or {@code null} if there is none. */
  private Object keyOrNull() {
    try {
      Object key = Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
      // Without file keys (Windows, where an open file cannot be deleted anyway) the name is all there is.
      return key == null ? lockFile : key;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new VaultIoException("cannot read the vault's lock file " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private VaultLockedException locked(Duration timeout) {
    return new VaultLockedException("another process holds the vault lock for more than " + timeout.toMillis()
        + " ms: it is changing the vault. Nothing was changed; wait for it to finish and try again");
  }

  /** Releases this object's share of the lock file; the channel closes with the last one in the JVM. */
  @Override
  public void close() {
    // Under the registry's monitor, so that no new instance opens a second channel before this one is closed.
    synchronized (SHARED) {
      if (closed) {
        return;
      }
      closed = true;
      if (--shared.users > 0) {
        return;
      }
      SHARED.remove(lockFile);
      shared.local.lock();
      try {
        if (shared.channel != null) {
          shared.channel.close();
          shared.channel = null;
        }
      } catch (IOException ignored) {
        // Closing releases any lock; nothing else is pending.
      } finally {
        shared.local.unlock();
      }
    }
  }
}
