package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.testing.FreshDatabaseTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reveals on many threads through one open vault run in batches (one lock, one refresh, one append, one commit):
 * each reveal still gets its own answer and its own failure, a refused reveal records nothing, and the trail holds
 * exactly one record per code handed out — on a file and on PostgreSQL.
 */
class BatchedRevealTest {
  static final String TAGGED = "otpauth://totp/Acme:a?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Acme";
  static final String PLAIN = "otpauth://totp/Bolt:b?secret=GEZDGNBVGY3TQOJQGEZDGNBV&issuer=Bolt";

  /** 8 threads × 60 reveals: plain ones, ones needing a reason given or not, and ones of a missing entry. */
  static void mixedReveals(VaultStore store) throws Exception {
    UUID needsReason;
    UUID plain;
    try (Vault owner = Vault.create(store, "maria", "owner passphrase".toCharArray(), TestVaults.fast())) {
      needsReason = owner.add(io.totpkit.core.OtpAuthUri.parse(TAGGED), Set.of("client:a"));
      plain = owner.add(io.totpkit.core.OtpAuthUri.parse(PLAIN), Set.of("client:b"));
    }
    AtomicInteger handedOut = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger missing = new AtomicInteger();
    try (Vault vault = Vault.open(store, "maria", "owner passphrase".toCharArray(), TestVaults.fast())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 60; i++) {
            // i % 5: 0 and 4 plain; 1 needs a reason and gives it; 2 needs one and gives none; 3 is missing.
            int kind = i % 5;
            RevealNote note = RevealNote.of("10.0.0." + thread, kind == 1 ? "asked by the client" : null)
                .requireReasonFor(Set.of("client:a"));
            UUID id = kind == 3 ? UUID.randomUUID() : kind == 1 || kind == 2 ? needsReason : plain;
            try {
              RevealedCode code = vault.code(id, note);
              assertThat(code.entryId()).isEqualTo(id);
              assertThat(code.entry().id()).isEqualTo(id);
              handedOut.incrementAndGet();
            } catch (ReasonRequiredException e) {
              assertThat(id).isEqualTo(needsReason);
              refused.incrementAndGet();
            } catch (NoSuchElementException e) {
              missing.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
    }
    assertThat(handedOut.get()).isEqualTo(8 * 36);
    assertThat(refused.get()).isEqualTo(8 * 12);
    assertThat(missing.get()).isEqualTo(8 * 12);
    try (Vault owner = Vault.open(store, "maria", "owner passphrase".toCharArray(), TestVaults.fast())) {
      List<AuditRecord> trail = owner.auditTrail();
      List<AuditRecord> reveals = trail.stream().filter(r -> r.action() == AuditAction.CODE_REVEALED).toList();
      assertThat(reveals).hasSize(handedOut.get());
      assertThat(reveals.stream().filter(r -> r.entryId().orElseThrow().equals(needsReason)))
          .allSatisfy(r -> assertThat(r.detail().orElseThrow()).endsWith("reason: asked by the client"));
      assertThat(owner.verifyAudit()).isEqualTo(trail.size());
    }
  }

  @TempDir Path dir;

  @Test
  void fileVault_eachRevealAnsweredAndRecordedOnce() throws Exception {
    mixedReveals(VaultStore.file(dir.resolve("v")));
  }

  @Nested
  class OnPostgres extends FreshDatabaseTest {
    @Test
    void databaseVault_eachRevealAnsweredAndRecordedOnce() throws Exception {
      JdbcSchema.migrate(db);
      mixedReveals(JdbcVaultStore.of(db, "batched"));
    }
  }
}
