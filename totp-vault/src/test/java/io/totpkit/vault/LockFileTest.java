package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault's lock holds when its lock file is deleted: the attack of removing {@code v.totp.lock} while one process
 * writes, so that a second process creates a new lock file and writes at the same time.
 */
class LockFileTest {
  @TempDir Path dir;

  @Test
  void lockFileDeletedRepeatedly_whileTwoProcessesAdd_everyAcknowledgedAddSurvives() throws Exception {
    Path path = dir.resolve("v.totp");
    Path lockFile = dir.resolve("v.totp.lock");
    String key;
    try (Vault owner = TestVaults.create(path)) {
      key = java.util.HexFormat.of().formatHex(VaultInternals.privateKey(owner));
    }
    Steady a = new Steady(path, key, "alpha");
    waitForAcks(a, 20);
    Files.delete(lockFile);
    Steady b = new Steady(path, key, "beta");
    // Keep pulling the lock file away while both write.
    for (int i = 0; i < 40 && !(a.done() && b.done()); i++) {
      Thread.sleep(25);
      Files.deleteIfExists(lockFile);
    }
    a.await();
    b.await();
    try (Vault vault = TestVaults.open(path)) {
      Set<UUID> ids = vault.entries().stream().map(VaultEntry::id).collect(Collectors.toSet());
      assertThat(ids).as("every acknowledged add is in the vault").containsAll(a.acks.ids).containsAll(b.acks.ids);
      assertThat(vault.findByTag("alpha")).hasSize(Steady.COUNT);
      assertThat(vault.findByTag("beta")).hasSize(Steady.COUNT);
      // The trail verifies and records exactly the adds that happened: an add refused because its lock was taken
      // away left no record (its records travel with its image, which was never published).
      assertThat(vault.verifyAudit()).isEqualTo(1 + 2L * Steady.COUNT);
      assertThat(vault.entries()).hasSize(2 * Steady.COUNT);
    }
  }

  @Test
  void ensureExclusive_lockFileDeletedWhileHeld_refusesTheWrite() throws Exception {
    Path path = dir.resolve("v.totp");
    TestVaults.create(path).close();
    try (VaultLock lock = new VaultLock(path); VaultLock.Held held = lock.acquire(Duration.ofSeconds(1))) {
      held.ensureExclusive();
      Files.delete(dir.resolve("v.totp.lock"));
      assertThatThrownBy(held::ensureExclusive).isInstanceOf(VaultLockedException.class)
          .hasMessageContaining("taken away").hasMessageContaining("nothing was changed");
    }
  }

  @Test
  void acquire_afterLockFileReplaced_locksTheNewFile() throws Exception {
    Path path = dir.resolve("v.totp");
    Path lockFile = dir.resolve("v.totp.lock");
    TestVaults.create(path).close();
    try (VaultLock lock = new VaultLock(path)) {
      lock.acquire(Duration.ofSeconds(1)).close();
      Object before = Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      Files.delete(lockFile);
      Files.writeString(lockFile, "someone else's");
      try (VaultLock.Held held = lock.acquire(Duration.ofSeconds(1))) {
        held.ensureExclusive();
        Object after = Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThat(after).isNotEqualTo(before);
      }
    }
  }

  @Test
  void vaultBusy_messageSaysWaitAndNamesNoFileToDelete() throws Exception {
    Path path = dir.resolve("v.totp");
    TestVaults.create(path).close();
    Process holder = ChildProcesses.start("hold", path.toString());
    try {
      assertThat(ChildProcesses.output(holder).readLine()).isEqualTo("holding");
      VaultOptions impatient = TestVaults.fast().toBuilder().lockTimeout(Duration.ofMillis(200)).build();
      assertThatThrownBy(() -> Vault.open(path, "maria", TestVaults.pw("correct horse battery staple"), impatient))
          .isInstanceOf(VaultLockedException.class).hasMessageContaining("wait for it to finish")
          .hasMessageNotContaining(".lock");
    } finally {
      holder.toHandle().destroyForcibly();
      holder.waitFor();
    }
  }

  private static void waitForAcks(Steady child, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (child.acks.ids.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(child.acks.ids).hasSizeGreaterThanOrEqualTo(count);
  }

  /** A child JVM adding {@link #COUNT} entries, retrying any add refused because the lock was taken away. */
  private static final class Steady {
    static final int COUNT = 150;
    private final Process process;
    private final ChildAcks acks;

    Steady(Path path, String key, String tag) throws java.io.IOException {
      process = ChildProcesses.start("steady", path.toString(), key, String.valueOf(COUNT), tag);
      acks = new ChildAcks(ChildProcesses.output(process));
    }

    boolean done() {
      return !process.isAlive();
    }

    void await() throws InterruptedException {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
      acks.join();
      assertThat(process.exitValue()).as("child exit status").isZero();
      assertThat(acks.ids).hasSize(COUNT);
    }
  }
}
