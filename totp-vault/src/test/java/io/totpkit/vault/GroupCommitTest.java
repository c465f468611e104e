package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent reveals share fsyncs (group commit): many threads revealing through one open vault cause fewer forces
 * than reveals, every reveal is recorded, and the trail and its audit head verify afterwards.
 */
class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void concurrentReveals_shareForces_andEveryRecordIsThere() throws Exception {
    Path path = dir.resolve("v");
    int threads = 8;
    int each = 40;
    try (Vault vault = TestVaults.create(path)) {
      UUID id = TestVaults.add(vault, GITHUB, "acme");
      GroupCommit group = group(vault);
      long before = group.forces();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            assertThat(vault.code(id).code()).hasSize(6);
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
      long forces = group.forces() - before;
      System.out.printf("group commit: %d reveals on %d threads, %d forces%n", threads * each, threads, forces);
      assertThat(forces).as("forces for %d reveals", threads * each).isPositive()
          .isLessThan(threads * each * 9L / 10);
    }
    try (Vault vault = TestVaults.open(path)) {
      assertThat(vault.verifyAudit()).isEqualTo(2 + threads * each);
    }
  }

  private static GroupCommit group(Vault vault) throws ReflectiveOperationException {
    Field field = AuditJournal.class.getDeclaredField("group");
    field.setAccessible(true);
    return (GroupCommit) field.get(VaultInternals.kernel(vault).journal);
  }
}
