package io.totpkit.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * A vault in one file (FORMAT.md section 1), replaced atomically on every save, with its journal, backup and lock
 * file beside it. Symbolic links are followed once, when a vault connects ({@link VaultPaths}); every file is created
 * readable by its owner alone ({@link SecretFiles}). Writers are serialized by {@link VaultLock}.
 *
 * <p>Thread-safety: immutable; each handle is used by one vault.
 */
final class FileVaultStore extends VaultStore {
  private final Path path;

  FileVaultStore(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  @Override
  StoreHandle connect() {
    return new Handle();
  }

  @Override
  public String toString() {
    return "vault file " + path;
  }

  /** Holds the lock file's channel between calls. */
  private final class Handle implements StoreHandle {
    private final VaultPaths files = VaultPaths.of(path);
    private final VaultLock lock = new VaultLock(files.vault);

    @Override
    public Held lock(Duration timeout) {
      return new Locked(files, lock.acquire(timeout));
    }

    @Override
    public void close() {
      lock.close();
    }
  }

  /** The files while the lock is held. */
  private final class Locked implements StoreHandle.Held {
    private final VaultPaths files;
    private final Path path;
    private final VaultLock.Held held;

    Locked(VaultPaths files, VaultLock.Held held) {
      this.files = files;
      this.path = files.vault;
      this.held = held;
    }

    @Override
    public boolean exists() {
      return Files.exists(path);
    }

    @Override
    public Object fingerprint() {
      try {
        return AtomicFile.fingerprint(path);
      } catch (NoSuchFileException e) {
        throw new VaultIoException("there is no vault at " + path, e);
      } catch (IOException e) {
        throw new VaultIoException("cannot read " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public byte[] read() {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        long size = channel.size();
        if (size > VaultFile.MAX_FILE_LENGTH) {
          throw new VaultCorruptedException("the file " + path + " is " + size + " bytes long, more than any vault");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // Reads until full; a file that shrank underneath is caught by the checksum.
        }
        return buffer.position() == size ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
      } catch (NoSuchFileException e) {
        throw new VaultIoException("there is no vault at " + path, e);
      } catch (IOException e) {
        throw new VaultIoException("cannot read the vault file " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Object write(byte[] image, long generation, boolean backupIsNew, Runnable beforePublish) {
      try {
        AtomicFile.replace(files, image, backupIsNew, () -> {
          beforePublish.run();
          held.ensureExclusive();
        });
        return AtomicFile.fingerprint(path);
      } catch (IOException e) {
        throw new VaultIoException("cannot write the vault file " + path + ": " + e.getMessage(), e);
      }
    }

    @Override
    public ByteLog journal(boolean create) {
      // A new journal's directory entry is made durable by the directory sync after the vault file's rename.
      return create ? FileByteLog.create(files.journal, files.head) : FileByteLog.open(files.journal, files.head);
    }

    @Override
    public void ensureExclusive() {
      held.ensureExclusive();
    }

    @Override
    public void commit() {
      // Every write above is durable when it returns; the rename published it.
    }

    @Override
    public void close() {
      held.close();
    }
  }
}
