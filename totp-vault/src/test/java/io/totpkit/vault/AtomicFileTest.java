package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String read(Path path) throws IOException {
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  @Test
  void replace_successiveGenerations_mainHoldsNewestAndBackupThePrevious() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(VaultPaths.of(path), text("first generation, long"), false);
    assertThat(read(path)).isEqualTo("first generation, long");
    assertThat(VaultPaths.of(path).backup).doesNotExist();
    AtomicFile.replace(VaultPaths.of(path), text("second"), false);
    AtomicFile.replace(VaultPaths.of(path), text("third, which reuses the first's file"), false);
    AtomicFile.replace(VaultPaths.of(path), text("4th"), false);
    assertThat(read(path)).isEqualTo("4th");
    assertThat(read(VaultPaths.of(path).backup)).isEqualTo("third, which reuses the first's file");
    assertThat(VaultPaths.of(path).temp).doesNotExist();
  }

  @Test
  void replace_backupLinkedToTheMainFile_leavesTheMainFileIntact() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(VaultPaths.of(path), text("one"), false);
    AtomicFile.replace(VaultPaths.of(path), text("two"), false);
    // As after a member's removal: the backup is a second name of the current file.
    Path backup = VaultPaths.of(path).backup;
    Files.delete(backup);
    Files.createLink(backup, path);
    AtomicFile.replace(VaultPaths.of(path), text("three"), false);
    assertThat(read(path)).isEqualTo("three");
    assertThat(read(backup)).isEqualTo("two");
  }

  @Test
  void replace_leftoverTemporaryFileFromACrash_isOverwritten() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(VaultPaths.of(path), text("current"), false);
    Files.writeString(VaultPaths.of(path).temp, "half-written garbage from a killed save, longer than the rest");
    AtomicFile.replace(VaultPaths.of(path), text("next"), false);
    assertThat(read(path)).isEqualTo("next");
    assertThat(read(VaultPaths.of(path).backup)).isEqualTo("current");
  }

  @Test
  void replace_backupIsNew_backupIsTheNewFileBeforeItIsVisible() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(VaultPaths.of(path), text("one"), false);
    AtomicFile.replace(VaultPaths.of(path), text("two"), false);
    Path backup = VaultPaths.of(path).backup;
    // A rotation: the backup must not keep the previous image (which opens under the keys someone lost). It is
    // linked to the new file before the rename (PassphraseCrashTest kills in between and finds no stale backup).
    AtomicFile.replace(VaultPaths.of(path), text("three"), true);
    assertThat(read(path)).isEqualTo("three");
    assertThat(read(backup)).isEqualTo("three");
    assertThat(Files.isSameFile(path, backup)).isTrue();
    AtomicFile.replace(VaultPaths.of(path), text("four"), false);
    assertThat(read(backup)).isEqualTo("three");
  }
}
