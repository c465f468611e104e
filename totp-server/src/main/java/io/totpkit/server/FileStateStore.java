package io.totpkit.server;

import io.totpkit.vault.SecretFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * The state in one JSON file ({@code {"version":1,"state":{key:value}}}), written {@code 0600} atomically and
 * durably; changes serialized by an OS lock on {@code FILE.lock} (and a lock in this process). Reads are cached until
 * the file's inode, size or modification time changes.
 */
final class FileStateStore implements StateStore {
  private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
  private static final FileAttribute<?>[] OWNER_ONLY =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
          : new FileAttribute<?>[0];

  private final Path file;
  private final Path lockFile;
  private Object seen;
  private Map<String, String> cached = Map.of();

  FileStateStore(Path file) {
    this.file = file.toAbsolutePath();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
  }

  @Override
  public synchronized Map<String, String> read() {
    Object now = version();
    if (!Objects.equals(now, seen)) {
      cached = load();
      seen = now;
    }
    return cached;
  }

  @Override
  public void update(UnaryOperator<Map<String, String>> change) {
    // One JVM may hold only one OS lock on a file: writers in this process queue on a lock per path first.
    synchronized (LOCKS.computeIfAbsent(file, any -> new Object())) {
      synchronized (this) {
        updateLocked(change);
      }
    }
  }

  private void updateLocked(UnaryOperator<Map<String, String>> change) {
    try (FileChannel channel = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE,
        StandardOpenOption.WRITE), OWNER_ONLY);
        FileLock lock = channel.lock()) {
      Map<String, String> next = new TreeMap<>(change.apply(new TreeMap<>(load())));
      Map<String, Object> document = new TreeMap<>();
      document.put("version", 1);
      document.put("state", next);
      SecretFiles.write(file, JSON.std.asString(document).getBytes(StandardCharsets.UTF_8));
      cached = Map.copyOf(next);
      seen = version();
    } catch (IOException e) {
      throw new ServerStateException("cannot write the server state file " + file + ": " + reason(e), e);
    }
  }

  private Object version() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
    } catch (NoSuchFileException e) {
      return "absent";
    } catch (IOException e) {
      throw new ServerStateException("cannot read the server state file " + file + ": " + reason(e), e);
    }
  }

  private Map<String, String> load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ServerStateException("cannot read the server state file " + file + ": " + reason(e), e);
    }
    try {
      Map<String, Object> document = JSON.std.mapFrom(new String(bytes, StandardCharsets.UTF_8));
      Object state = document == null ? null : document.get("state");
      if (!Integer.valueOf(1).equals(document == null ? null : document.get("version")) || !(state instanceof Map)) {
        throw new ServerStateException("the server state file " + file + " is not version 1 of its format");
      }
      Map<String, String> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) state).entrySet()) {
        if (!(e.getValue() instanceof String)) {
          throw new ServerStateException("the server state file " + file + " is damaged");
        }
        out.put((String) e.getKey(), (String) e.getValue());
      }
      return Map.copyOf(out);
    } catch (JacksonException | ClassCastException e) {
      throw new ServerStateException("the server state file " + file + " is damaged: it is not JSON");
    }
  }

  private static String reason(IOException e) {
    return e instanceof NoSuchFileException ? "no such file or directory" : e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "FileStateStore[" + file + "]";
  }
}
