package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures open, add, reveal and heap at 10 000 entries (and 100 000 with {@code -Dtotpkit.perf.large=true}) and
 * prints the figures; the JMH benchmarks live in totp-bench. The assertions are sanity bounds far above the targets, so
 * that a CI machine shared with other builds does not fail; the printed figures are what the README reports.
 */
class VaultPerformanceTest {
  @TempDir Path dir;

  @Test
  void figures_10000Entries() {
    measure(10_000);
  }

  @Test
  void figures_100000Entries_onRequest() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("totpkit.perf.large"),
        "run with -Dtotpkit.perf.large=true");
    measure(100_000);
  }

  private void measure(int count) {
    Path path = dir.resolve("perf-" + count + ".vault");
    VaultOptions options = TestVaults.fast(Clock.systemUTC());
    StringBuilder list = new StringBuilder(count * 110);
    for (int i = 0; i < count; i++) {
      list.append(OtpAuthUri.totp(Secret.generate(20)).issuer("Issuer" + (i % 500)).account("client" + i + "@example.com")
          .build().toUriString()).append('\n');
    }
    try (Vault vault = Vault.create(path, "maria", TestVaults.pw("perf passphrase"), options)) {
      ImportReport report = vault.importOtpauth(list.toString(), Set.of("client:bulk"));
      assertThat(report.imported()).hasSize(count);
    }

    // The KDF alone, with the slot's parameters, to separate it from the rest of open.
    long kdf = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      Argon2id.derive(new byte[16], new byte[16], options.kdf(), 32);
      kdf = Math.min(kdf, System.nanoTime() - start);
    }

    System.gc();
    long heapBefore = usedHeap();
    long open = Long.MAX_VALUE;
    Vault vault = null;
    for (int i = 0; i < 3; i++) {
      if (vault != null) {
        vault.close();
      }
      long start = System.nanoTime();
      vault = Vault.open(path, "maria", TestVaults.pw("perf passphrase"), options);
      open = Math.min(open, System.nanoTime() - start);
    }
    try {
      System.gc();
      long heap = usedHeap() - heapBefore;

      // Warm the save path (GCM and SHA-256 run as intrinsics only once compiled), then measure its CPU part alone.
      long serialize = Long.MAX_VALUE;
      for (int i = 0; i < 40; i++) {
        serialize = Math.min(serialize, VaultInternals.serializeNanos(vault));
      }
      int adds = 30;
      UUID last = null;
      for (int i = 0; i < 10; i++) {
        vault.add(OtpAuthUri.totp(Secret.generate(20)).issuer("Warm").account("w" + i).build(), Set.of("client:new"));
      }
      long addStart = System.nanoTime();
      for (int i = 0; i < adds; i++) {
        last = vault.add(OtpAuthUri.totp(Secret.generate(20)).issuer("New").account("n" + i).build(),
            Set.of("client:new"));
      }
      long add = (System.nanoTime() - addStart) / adds;

      List<VaultEntry> entries = vault.entries();
      Vault fast = Vault.open(path, "maria", TestVaults.pw("perf passphrase"),
          options.toBuilder().syncRevealAudit(false).build());
      long revealUnsynced;
      long revealSynced;
      try {
        for (int i = 0; i < 10_000; i++) {
          fast.code(entries.get(i % entries.size()).id());
        }
        int reveals = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < reveals; i++) {
          fast.code(entries.get((i * 7919) % entries.size()).id());
        }
        revealUnsynced = (System.nanoTime() - start) / reveals;
      } finally {
        fast.close();
      }
      int synced = 50;
      long start = System.nanoTime();
      for (int i = 0; i < synced; i++) {
        vault.code(last);
      }
      revealSynced = (System.nanoTime() - start) / synced;

      // A passphrase change draws a new key pair and re-seals every entry under a new data key, as a removal does.
      long passwdStart = System.nanoTime();
      vault.changePassphrase(TestVaults.pw("perf passphrase"), TestVaults.pw("perf passphrase 2"));
      long passwd = System.nanoTime() - passwdStart;

      long fileSize;
      long journalSize;
      try {
        fileSize = Files.size(path);
        journalSize = Files.size(path.resolveSibling(path.getFileName() + ".audit"));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      System.out.println(String.format(Locale.ROOT, "vault performance, %d entries: file %.1f MB, journal %.1f MB;"
          + " Argon2id (m=%d KiB, t=%d, p=%d) %.0f ms; open %.0f ms (KDF + %.0f ms); add %.1f ms incl. fsync (of which %.1f ms CPU: encode, seal, checksum);"
          + " reveal %.1f us (audit written, not fsynced) / %.2f ms (audit fsynced); heap %.1f MB;"
          + " passwd %.0f ms (two KDFs + every entry re-sealed + save)",
          count, fileSize / 1e6, journalSize / 1e6, options.argon2MemoryKib(), options.argon2Iterations(),
          options.argon2Parallelism(), kdf / 1e6, open / 1e6, (open - kdf) / 1e6, add / 1e6, serialize / 1e6, revealUnsynced / 1e3,
          revealSynced / 1e6, heap / 1e6, passwd / 1e6));
      if (count <= 10_000) {
        assertThat(open - kdf).as("open beyond the KDF").isLessThan(5_000_000_000L);
        assertThat(add).as("add").isLessThan(1_000_000_000L);
        assertThat(revealUnsynced).as("reveal").isLessThan(2_000_000L);
        assertThat(heap).as("heap").isLessThan(200_000_000L);
      }
    } finally {
      vault.close();
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
