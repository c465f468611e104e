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
    AtomicFile.replace(path, text("first generation, long"), true);
    assertThat(read(path)).isEqualTo("first generation, long");
    assertThat(AtomicFile.backupPath(path)).doesNotExist();
    AtomicFile.replace(path, text("second"), true);
    AtomicFile.replace(path, text("third, which reuses the first's file"), true);
    AtomicFile.replace(path, text("4th"), true);
    assertThat(read(path)).isEqualTo("4th");
    assertThat(read(AtomicFile.backupPath(path))).isEqualTo("third, which reuses the first's file");
    assertThat(AtomicFile.tempPath(path)).doesNotExist();
  }

  @Test
  void replace_backupLinkedToTheMainFile_leavesTheMainFileIntact() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(path, text("one"), true);
    AtomicFile.replace(path, text("two"), true);
    // As after a member's removal: the backup is a second name of the current file.
    Path backup = AtomicFile.backupPath(path);
    Files.delete(backup);
    Files.createLink(backup, path);
    AtomicFile.replace(path, text("three"), true);
    assertThat(read(path)).isEqualTo("three");
    assertThat(read(backup)).isEqualTo("two");
  }

  @Test
  void replace_leftoverTemporaryFileFromACrash_isOverwritten() throws IOException {
    Path path = dir.resolve("v");
    AtomicFile.replace(path, text("current"), true);
    Files.writeString(AtomicFile.tempPath(path), "half-written garbage from a killed save, longer than the rest");
    AtomicFile.replace(path, text("next"), true);
    assertThat(read(path)).isEqualTo("next");
    assertThat(read(AtomicFile.backupPath(path))).isEqualTo("current");
  }
}
