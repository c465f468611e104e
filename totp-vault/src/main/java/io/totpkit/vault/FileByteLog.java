package io.totpkit.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An audit journal in a file ({@code <name>.audit}), written with positional writes and forced with fdatasync, and its
 * audit head ({@code <name>.head}), replaced by an atomic rename.
 *
 * <p>Thread-safety: not thread-safe; used under the vault's lock.
 */
final class FileByteLog implements ByteLog {
  private final Path path;
  private final Path head;
  private final FileChannel channel;

  private FileByteLog(Path path, Path head, FileChannel channel) {
    this.path = path;
    this.head = head;
    this.channel = channel;
  }

  /** Creates an empty journal file, replacing an orphan (and its head) that a crashed create may have left. */
  static FileByteLog create(Path path, Path head) {
    try {
      Files.deleteIfExists(head);
      return new FileByteLog(path, head, SecretFiles.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    } catch (IOException e) {
      throw new VaultIoException("cannot create the audit journal " + path + ": " + e.getMessage(), e);
    }
  }

  /** Opens an existing journal file. */
  static FileByteLog open(Path path, Path head) {
    if (!Files.exists(path)) {
      throw new AuditTamperedException("the audit journal " + path.getFileName() + " is missing");
    }
    try {
      return new FileByteLog(path, head, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new VaultIoException("cannot read the audit journal " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw failure("read", e);
    }
  }

  @Override
  public byte[] read(long position, int length) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new AuditTamperedException("the audit journal ends early");
        }
      }
    } catch (IOException e) {
      throw failure("read", e);
    }
    return buffer.array();
  }

  @Override
  public void append(long position, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, position + buffer.position());
      }
    } catch (IOException e) {
      throw failure("append to", e);
    }
  }

  @Override
  public void truncate(long size) {
    try {
      channel.truncate(size);
      channel.force(true);
    } catch (IOException e) {
      throw failure("cut the torn tail of", e);
    }
  }

  @Override
  public void force() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw failure("force to disk", e);
    }
  }

  @Override
  public boolean groupsForces() {
    return true;
  }

  @Override
  public boolean keepsHead() {
    return true;
  }

  @Override
  public byte[] readHead() {
    try {
      return Files.size(head) > AuditHead.LENGTH ? new byte[0] : Files.readAllBytes(head);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new VaultIoException("cannot read the audit head " + head + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void writeHead(byte[] bytes) {
    // A name of its own: another instance or process may be replacing the head at the same moment.
    Path temp = head.resolveSibling(head.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime())
        + Long.toHexString(Thread.currentThread().getId()));
    try (FileChannel out = SecretFiles.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new VaultIoException("cannot write the audit head " + temp + ": " + e.getMessage(), e);
    }
    try {
      // Not forced: the journal it names is, so after a crash the head is this one or an older one, never ahead.
      Files.move(temp, head, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VaultIoException("cannot replace the audit head " + head + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "the audit journal " + path.getFileName();
  }

  private VaultIoException failure(String what, IOException e) {
    return new VaultIoException("cannot " + what + " the audit journal " + path + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing was pending: every append was written (and forced) before it returned.
    }
  }
}
