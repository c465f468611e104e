package io.totpkit.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes writers of one vault: an in-process lock per path (a second {@code FileChannel.lock} in the same JVM
 * would throw {@link OverlappingFileLockException}), then an OS lock on {@code <name>.lock}, retried until the timeout.
 * The lock file is separate from the vault because the vault file is replaced on every save.
 *
 * <p>Thread-safety: safe for concurrent use; a holder releases from the thread that acquired.
 */
final class VaultLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final ReentrantLock local;
  private FileChannel channel;

  VaultLock(Path vault) {
    Path absolute = vault.toAbsolutePath().normalize();
    this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
    this.local = IN_PROCESS.computeIfAbsent(absolute, ignored -> new ReentrantLock());
  }

  /** A held lock; closing releases it. */
  final class Held implements AutoCloseable {
    private final FileLock fileLock;

    private Held(FileLock fileLock) {
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        fileLock.release();
      } catch (IOException ignored) {
        // The OS drops the lock when the channel closes or the process dies.
      } finally {
        local.unlock();
      }
    }
  }

  Held acquire(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      if (!local.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw locked(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultLockedException("interrupted while waiting for the vault lock", e);
    }
    try {
      if (channel == null || !channel.isOpen()) {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      }
      long pause = 1;
      while (true) {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return new Held(lock);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw locked(timeout);
        }
        Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        pause = Math.min(pause * 2, 25);
      }
    } catch (IOException e) {
      local.unlock();
      throw new VaultIoException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      local.unlock();
      Thread.currentThread().interrupt();
      throw new VaultLockedException("interrupted while waiting for the vault lock", e);
    } catch (RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  private VaultLockedException locked(Duration timeout) {
    return new VaultLockedException("another process holds the vault lock " + lockFile.getFileName() + " for more "
        + "than " + timeout.toMillis() + " ms; nothing was changed, retry later");
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Closing releases any lock; nothing else is pending.
      }
    }
  }
}
