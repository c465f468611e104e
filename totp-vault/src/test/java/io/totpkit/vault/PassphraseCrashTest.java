package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 at random moments while a child JVM changes the passphrase back and forth: the vault always opens with
 * exactly one of the two passphrases, keeps its entry and its codes, and its audit trail verifies.
 */
class PassphraseCrashTest {
  private static final String FIRST = "correct horse battery staple";
  private static final String SECOND = "second passphrase of maria";
  /** Trials; {@code -Dtotpkit.passwdCrashTrials=N} changes it. */
  private static final int TRIALS = Integer.getInteger("totpkit.passwdCrashTrials", 20);
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(60);

  @org.junit.jupiter.api.io.TempDir Path dir;

  @Test
  void killDashNine_duringPassphraseChanges_exactlyOnePassphraseOpensAndTrailVerifies() throws Exception {
    Path path = dir.resolve("passwd.vault");
    UUID id;
    String code;
    try (Vault vault = TestVaults.create(path)) {
      id = TestVaults.add(vault, TestVaults.GITHUB, "acme");
      code = vault.code(id).code();
    }
    Random random = new Random(20261124);
    long start = System.nanoTime();
    int trials = 0;
    int changes = 0;
    int staleBackups = 0;
    while (trials < TRIALS && System.nanoTime() - start < BUDGET_NANOS) {
      Process child = ChildProcesses.start("passwd", path.toString(), FIRST, SECOND);
      int changed;
      try {
        BufferedReader out = ChildProcesses.output(child);
        assertThat(out.readLine()).as("child started").isEqualTo("ready");
        child.getOutputStream().write('\n');
        child.getOutputStream().flush();
        Thread.sleep(random.nextInt(1000));
        child.toHandle().destroyForcibly();
        child.waitFor();
        changed = (int) out.lines().filter("changed"::equals).count();
      } finally {
        child.toHandle().destroyForcibly();
      }
      trials++;
      changes += changed;

      List<String> opening = new ArrayList<>();
      for (String passphrase : List.of(FIRST, SECOND)) {
        try (Vault vault = Vault.open(path, "maria", TestVaults.pw(passphrase), TestVaults.fast())) {
          assertThat(vault.code(id).code()).as("trial %d: the secret is unchanged", trials).isEqualTo(code);
          assertThat(vault.verifyAudit()).as("trial %d: the trail verifies", trials).isPositive();
          opening.add(passphrase);
        } catch (WrongPassphraseException refused) {
          // The other one is current.
        }
      }
      assertThat(opening).as("trial %d: exactly one passphrase opens the vault", trials).hasSize(1);
      staleBackups += opensBackup(path, opening.get(0).equals(FIRST) ? SECOND : FIRST) ? 1 : 0;
    }
    System.out.printf("passwd crash test: %d kill -9 trials in %.1f s, %d acknowledged changes, %d backups left "
        + "opening under the superseded passphrase%n", trials, (System.nanoTime() - start) / 1e9, changes,
        staleBackups);
    assertThat(trials).as("enough trials ran").isGreaterThanOrEqualTo(Math.min(TRIALS, 10));
    assertThat(staleBackups).as("backups left opening under a superseded passphrase").isZero();
  }

  /**
   * Whether the backup beside {@code path} still carries a slot that {@code passphrase} opens (its own journal is not
   * beside it, so the slot is tried directly).
   */
  private static boolean opensBackup(Path path, String passphrase) {
    Path backup = path.resolveSibling(path.getFileName() + ".bak");
    try {
      VaultFile file = VaultFile.parse(java.nio.file.Files.readAllBytes(backup));
      Slot slot = file.slot(Slot.nameHash(file.vaultId, "maria"));
      return slot != null && slot.openPrivateKey(file.vaultId,
          passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8)) != null;
    } catch (java.io.IOException | VaultException notThere) {
      return false;
    }
  }
}
