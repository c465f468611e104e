package io.totpkit.cli;

import io.totpkit.vault.SecretFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code export --out} and {@code qr --png} put secrets: files readable and writable by their owner alone
 * ({@code 0600}) and directories {@code 0700}, whatever the umask, written atomically ({@link SecretFiles}). A path
 * that is a pipe or a device ({@code /dev/stdout}) is written through, as nothing is created there; a link is
 * followed to the file it names.
 */
final class ExportFiles {
  private ExportFiles() {}

  static void write(Path path, byte[] bytes) {
    try {
      if (Files.isDirectory(path)) {
        throw new CliException(ExitCodes.USAGE, "cannot write " + path + ": it is a directory");
      }
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        Files.write(path, bytes);
        return;
      }
      SecretFiles.write(Files.exists(path) ? path.toRealPath() : path, bytes);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "cannot write " + path + ": its directory does not exist");
    } catch (AccessDeniedException e) {
      throw new CliException(ExitCodes.USAGE, "cannot write " + path + ": permission denied");
    } catch (IOException e) {
      throw new CliException(ExitCodes.IO, "cannot write " + path + ": " + ExitCodes.message(e));
    }
  }

  static void createDirectories(Path directory) {
    try {
      SecretFiles.createDirectories(directory);
    } catch (FileAlreadyExistsException e) {
      throw new CliException(ExitCodes.USAGE, "cannot create the directory " + directory + ": a file is in the way");
    } catch (AccessDeniedException e) {
      throw new CliException(ExitCodes.USAGE, "cannot create the directory " + directory + ": permission denied");
    } catch (IOException e) {
      throw new CliException(ExitCodes.IO, "cannot create the directory " + directory + ": " + ExitCodes.message(e));
    }
  }
}
