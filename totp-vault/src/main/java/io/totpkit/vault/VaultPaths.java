package io.totpkit.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files of a vault kept in one file, with symbolic links resolved once: the vault file is the file its path leads
 * to, and its journal ({@code .audit}), backup ({@code .bak}), temporary file ({@code .tmp}) and lock file
 * ({@code .lock}) sit beside that file, each of them followed too where it is itself a link. Saves then replace the
 * real file rather than a link, so a linked vault can never split in two that share one journal.
 *
 * <p>Thread-safety: immutable.
 */
final class VaultPaths {
  /** As many links as Linux follows in one path. */
  private static final int MAX_LINKS = 40;

  final Path vault;
  final Path journal;
  final Path backup;
  final Path temp;
  final Path lock;
  final Path head;

  private VaultPaths(Path vault) {
    this.vault = vault;
    this.journal = sibling(vault, ".audit");
    this.backup = sibling(vault, ".bak");
    this.temp = sibling(vault, ".tmp");
    this.lock = sibling(vault, ".lock");
    this.head = sibling(vault, ".head");
  }

  /**
   * Resolves the files of the vault at {@code path}, which need not exist yet (its directory must).
   *
   * @throws VaultIoException if a link cannot be followed (a loop, a missing directory)
   */
  static VaultPaths of(Path path) {
    return new VaultPaths(real(path.toAbsolutePath().normalize(), 0));
  }

  private static Path sibling(Path vault, String suffix) {
    return real(vault.resolveSibling(vault.getFileName() + suffix), 0);
  }

  /** The path with every link followed; for a file that does not exist, its directory's real path and its name. */
  private static Path real(Path path, int links) {
    if (links > MAX_LINKS) {
      throw new VaultIoException("cannot follow the path " + path + ": more than " + MAX_LINKS + " symbolic links");
    }
    try {
      return path.toRealPath();
    } catch (NoSuchFileException missing) {
      // No such file, a link to nothing, or a file that went away meanwhile: .bak and .tmp come and go while other
      // processes save. Resolved below without it.
    } catch (IOException e) {
      throw new VaultIoException("cannot follow the path " + path + ": " + e.getMessage(), e);
    }
    try {
      if (Files.isSymbolicLink(path)) {
        // A link to nothing yet: write where it points.
        return real(path.resolveSibling(Files.readSymbolicLink(path)).normalize(), links + 1);
      }
      Path parent = path.getParent();
      return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(path.getFileName()) : path;
    } catch (NoSuchFileException vanished) {
      // The link itself went away after the check above: the name is all there is.
      return path;
    } catch (IOException e) {
      throw new VaultIoException("cannot follow the path " + path + ": " + e.getMessage(), e);
    }
  }
}
