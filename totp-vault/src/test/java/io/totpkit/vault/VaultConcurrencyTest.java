package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backs the vault's thread-safety claim: many threads on one vault lose nothing and keep the audit chain whole. */
class VaultConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  void eightThreadsTwoInstances_addRevealVerifyRemove_exactContentsAndAuditAfterReopen() throws Exception {
    // Guards the in-object monitor and the in-process half of VaultLock together: half the threads use a second
    // instance opened on the same file.
    Path path = dir.resolve("busy.vault");
    Secret secret = Secret.fromBase32("JBSWY3DPEHPK3PXP");
    String expected = Totp.builder(secret).build().generate(TestVaults.NOW);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (Vault first = TestVaults.create(path); Vault second = TestVaults.open(path)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Vault vault = t % 2 == 0 ? first : second;
        String tag = "thread-" + t;
        futures.add(pool.submit(() -> {
          start.await();
          List<String> kept = new ArrayList<>();
          for (int i = 0; i < ROUNDS; i++) {
            String account = tag + "-" + i;
            UUID id = vault.add(OtpAuthUri.totp(secret).issuer("Busy").account(account).build(), Set.of(tag));
            assertThat(vault.code(id).code()).isEqualTo(expected);
            assertThat(vault.verify(id, expected).isAccepted()).isTrue();
            if (i % 2 == 1) {
              vault.remove(id);
            } else {
              kept.add(account);
            }
          }
          return kept;
        }));
      }
      start.countDown();
      List<String> kept = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        kept.addAll(future.get(120, TimeUnit.SECONDS));
      }
      assertThat(kept).hasSize(THREADS * ROUNDS / 2);
      assertThat(first.entries()).extracting(VaultEntry::account).containsExactlyInAnyOrderElementsOf(kept);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    try (Vault reopened = TestVaults.open(path)) {
      List<VaultEntry> entries = reopened.entries();
      assertThat(entries).extracting(VaultEntry::account).doesNotHaveDuplicates()
          .allMatch(account -> Integer.parseInt(account.substring(account.lastIndexOf('-') + 1)) % 2 == 0);
      assertThat(entries).hasSize(THREADS * ROUNDS / 2);
      for (int t = 0; t < THREADS; t++) {
        assertThat(reopened.findByTag("thread-" + t)).hasSize(ROUNDS / 2);
      }
      // create + per thread: 10 adds, 10 reveals, 10 verifications, 5 removals.
      long records = 1 + THREADS * (3L * ROUNDS + ROUNDS / 2);
      assertThat(reopened.verifyAudit()).isEqualTo(records);
      List<AuditRecord> trail = reopened.auditTrail();
      assertThat(trail).hasSize((int) records);
      assertThat(trail.stream().map(AuditRecord::sequence).collect(Collectors.toList()))
          .isSorted().doesNotHaveDuplicates();
    }
  }
}
