package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM saves continuously: the vault always opens to a complete state that
 * holds every acknowledged change, and the audit trail always verifies.
 */
class CrashSafetyTest {
  /** Trials; {@code -Dtotpkit.crashTrials=N} changes it. */
  private static final int TRIALS = Integer.getInteger("totpkit.crashTrials", 200);
  /** Stop early (and say so) if the machine is slow, to keep the suite near its time budget. */
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("totpkit.crashBudgetSeconds", 110));

  @TempDir Path dir;

  @Test
  void killDashNine_duringSaves_vaultOpensToOldOrNewStateWithEveryAcknowledgedChange() throws Exception {
    Path path = dir.resolve("crash.vault");
    Set<UUID> acknowledged = new HashSet<>();
    Random random = new Random(20261123);
    long start = System.nanoTime();
    int trials = 0;
    int killedMidSave = 0;
    // The parent keeps the vault open: after each kill it re-reads the files from disk (checksum, key unwrap, body
    // authentication, journal anchor) without paying for Argon2 each time; every 25th trial opens from scratch.
    try (Vault parent = TestVaults.create(path)) {
      String key = java.util.HexFormat.of().formatHex(VaultInternals.privateKey(parent));
      // Pipelined: the next two children start their JVMs and open the vault while the current one runs and is checked.
      java.util.ArrayDeque<Child> queue = new java.util.ArrayDeque<>();
      queue.add(new Child(path, key));
      queue.add(new Child(path, key));
      try {
      while (trials < TRIALS && System.nanoTime() - start < BUDGET_NANOS) {
        Child child = queue.poll();
        child.awaitReady();
        child.go();
        queue.add(new Child(path, key));
        Thread.sleep(random.nextInt(200));
        List<UUID> acks = child.kill();
        trials++;
        acknowledged.addAll(acks);

        List<VaultEntry> entries = parent.entries();
        Set<UUID> ids = entries.stream().map(VaultEntry::id).collect(Collectors.toSet());
        assertThat(ids).as("trial %d: every acknowledged add survives", trials).containsAll(acknowledged);
        int inFlight = ids.size() - acknowledged.size();
        assertThat(inFlight).as("trial %d: at most the one add in flight appears unacknowledged", trials)
            .isBetween(0, 1);
        if (inFlight == 1) {
          killedMidSave++;
          acknowledged.addAll(ids);
        }
        assertThat(parent.verifyAudit()).isPositive();
        if (trials % 50 == 0) {
          try (Vault reopened = TestVaults.open(path)) {
            assertThat(reopened.entries()).hasSize(ids.size());
          }
        }
      }
      } finally {
        for (Child waiting : queue) {
          waiting.kill();
        }
      }
    }
    System.out.printf("crash test: %d kill -9 trials in %.1f s, %d acknowledged adds, %d kills between a save and "
        + "its acknowledgement%n", trials, (System.nanoTime() - start) / 1e9, acknowledged.size(), killedMidSave);
    assertThat(trials).as("enough trials ran").isGreaterThanOrEqualTo(Math.min(TRIALS, 100));
    try (Vault reopened = TestVaults.open(path)) {
      assertThat(reopened.entries()).hasSize(acknowledged.size());
      assertThat(reopened.verifyAudit()).isGreaterThan(acknowledged.size());
    }
  }

  /** One child JVM in {@code loop} mode, its acknowledgements collected by a reader thread. */
  private static final class Child {
    private final Process process;
    private final BufferedReader out;
    private ChildAcks acks;

    Child(Path path, String key) throws java.io.IOException {
      process = ChildProcesses.start("loop", path.toString(), key);
      out = ChildProcesses.output(process);
    }

    void awaitReady() throws java.io.IOException {
      assertThat(out.readLine()).as("child started").isEqualTo("ready");
      acks = new ChildAcks(out);
    }

    void go() throws java.io.IOException {
      process.getOutputStream().write('\n');
      process.getOutputStream().flush();
    }

    List<UUID> kill() throws InterruptedException {
      // SIGKILL on Linux: no shutdown hooks, no finally blocks. Through the handle, because Process.destroyForcibly
      // also closes our end of its pipes and would lose acknowledgements the child wrote just before dying.
      process.toHandle().destroyForcibly();
      process.waitFor();
      if (acks == null) {
        return List.of();
      }
      acks.join();
      return acks.ids;
    }
  }

  @Test
  void lock_heldByAnotherProcess_waitsThenFailsClearly() throws Exception {
    Path path = dir.resolve("locked.vault");
    TestVaults.create(path).close();
    Process holder = ChildProcesses.start("hold", path.toString());
    try {
      assertThat(ChildProcesses.output(holder).readLine()).isEqualTo("holding");
      VaultOptions impatient = TestVaults.fast().toBuilder().lockTimeout(java.time.Duration.ofMillis(300)).build();
      long start = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Vault.open(path, "maria",
          TestVaults.pw("correct horse battery staple"), impatient))
          .isInstanceOf(VaultLockedException.class).hasMessageContaining("another process holds the vault lock");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    } finally {
      holder.toHandle().destroyForcibly();
      holder.waitFor();
    }
    // The OS released the dead holder's lock.
    TestVaults.open(path).close();
  }

  @Test
  void twoProcesses_addingConcurrently_loseNothing() throws Exception {
    Path path = dir.resolve("shared.vault");
    TestVaults.create(path).close();
    Process a = ChildProcesses.start("add", path.toString(), "25", "alpha");
    Process b = ChildProcesses.start("add", path.toString(), "25", "beta");
    try (Vault here = TestVaults.open(path)) {
      for (int i = 0; i < 10; i++) {
        TestVaults.add(here, TestVaults.GITHUB, "gamma");
      }
    }
    assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();
    try (Vault vault = TestVaults.open(path)) {
      assertThat(vault.findByTag("alpha")).hasSize(25);
      assertThat(vault.findByTag("beta")).hasSize(25);
      assertThat(vault.findByTag("gamma")).hasSize(10);
      assertThat(vault.verifyAudit()).isEqualTo(1 + 60);
    }
  }
}
