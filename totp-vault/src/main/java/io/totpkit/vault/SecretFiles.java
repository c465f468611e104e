package io.totpkit.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Files that hold secrets or sealed vault data: created readable and writable by their owner alone ({@code 0600};
 * directories {@code 0700}) whatever the process's umask, because the mode is given when the file is created, not
 * changed afterwards. A vault's own files ({@code .totp}, {@code .bak}, {@code .audit}, {@code .lock}) are made this
 * way, and so are the exports of the {@code totp} tool, which contain every key in plain text.
 *
 * <p>On a file system without POSIX permissions (Windows) the files are created with the platform's defaults.
 *
 * <p>Thread-safety: stateless.
 */
public final class SecretFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private SecretFiles() {}

  /**
   * Writes {@code bytes} to {@code path} atomically and durably: a temporary file beside it, created {@code 0600} and
   * forced to disk, renamed over {@code path}, then the directory forced. A reader sees the old file or the new one,
   * never a part; an existing file's permissions are not inherited (the new file is {@code 0600}).
   *
   * @param path the file to write; its parent directory must exist
   * @param bytes the content
   * @throws IOException if the file cannot be written
   */
  public static void write(Path path, byte[] bytes) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    Path temp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    try (FileChannel channel = create(temp, OWNER_ONLY, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      AtomicFile.writeDurably(channel, bytes);
    }
    try {
      AtomicFile.publish(temp, path);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Creates a directory (and its missing parents) readable by its owner alone ({@code 0700}); an existing directory
   * is left as it is.
   *
   * @param directory the directory
   * @throws IOException if it cannot be created, or the path is a file
   */
  public static void createDirectories(Path directory) throws IOException {
    Objects.requireNonNull(directory, "directory");
    if (Files.isDirectory(directory)) {
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (POSIX) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  /** Opens a channel, creating the file (if it is created) with only its owner's read and write permission. */
  static FileChannel open(Path path, OpenOption... options) throws IOException {
    return create(path, OWNER_ONLY, options);
  }

  /** Opens a channel, creating the file (if it is created) with the permissions of {@code model} where it exists. */
  static FileChannel openLike(Path path, Path model, OpenOption... options) throws IOException {
    Set<PosixFilePermission> mode = POSIX && Files.exists(model)
        ? Files.getPosixFilePermissions(model) : OWNER_ONLY;
    FileChannel channel = create(path, mode, options);
    if (POSIX && !Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
      // An existing file (a recycled backup) keeps its own mode on open: give it the model's.
      Files.setPosixFilePermissions(path, mode);
    }
    return channel;
  }

  private static FileChannel create(Path path, Set<PosixFilePermission> mode, OpenOption... options)
      throws IOException {
    Set<OpenOption> set = Set.of(options);
    if (!POSIX) {
      return FileChannel.open(path, set);
    }
    FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(mode);
    return FileChannel.open(path, set, attribute);
  }

  /** Copies {@code from} to {@code to} (replacing it), keeping {@code from}'s permissions. */
  static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }
}
