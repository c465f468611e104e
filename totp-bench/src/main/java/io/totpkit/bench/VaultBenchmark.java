package io.totpkit.bench;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vault at 10 000 and 100 000 entries, in a temporary directory: unlocking ({@code Vault.open}, and the
 * Argon2id KDF alone with the same parameters, so the rest of unlocking is the difference), adding an entry (one
 * crash-safe save of the whole vault) and revealing a code (audited). The vault uses the OWASP-floor Argon2id
 * parameters ({@link VaultOptions.Builder#minimumArgon2()}); the defaults cost ten times as much in the KDF alone.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar VaultBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class VaultBenchmark {
  private static final String OWNER = "maria";

  @Param({"10000", "100000"})
  public int entries;

  private Path dir;
  private Path path;
  private VaultOptions options;
  private Vault vault;
  private List<UUID> ids;
  private OtpAuthUri[] newEntries;
  private int next;

  @Setup
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("totp-bench-vault");
    path = dir.resolve("bench.vault");
    options = VaultOptions.builder().minimumArgon2().build();
    StringBuilder list = new StringBuilder(entries * 110);
    for (int i = 0; i < entries; i++) {
      list.append(OtpAuthUri.totp(Secret.generate(20)).issuer("Issuer" + (i % 500))
          .account("client" + i + "@example.com").build().toUriString()).append('\n');
    }
    try (Vault created = Vault.create(path, OWNER, passphrase(), options)) {
      ImportReport report = created.importOtpauth(list.toString(), Set.of("client:bulk"));
      if (report.imported().size() != entries) {
        throw new IllegalStateException("imported " + report.imported().size() + " of " + entries);
      }
    }
    vault = Vault.open(path, OWNER, passphrase(), options);
    ids = vault.entries().stream().map(entry -> entry.id()).toList();
    newEntries = new OtpAuthUri[4096];
    for (int i = 0; i < newEntries.length; i++) {
      newEntries[i] = OtpAuthUri.totp(Secret.generate(20)).issuer("New").account("new" + i).build();
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    vault.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static char[] passphrase() {
    return "correct horse battery staple".toCharArray();
  }

  /** Argon2id with the vault's parameters, nothing else: the part of unlocking that is deliberately slow. */
  @Benchmark
  public byte[] unlockKdfAlone() {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(new byte[32])
        .withMemoryAsKB(options.argon2MemoryKib())
        .withIterations(options.argon2Iterations())
        .withParallelism(options.argon2Parallelism())
        .build());
    byte[] out = new byte[32];
    generator.generateBytes("correct horse battery staple".getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  /** Opening the vault: checksum, KDF, unwrap, decrypt and parse every entry. */
  @Benchmark
  public int unlock() {
    try (Vault opened = Vault.open(path, OWNER, passphrase(), options)) {
      return opened.entries().size();
    }
  }

  @Benchmark
  public UUID add() {
    return vault.add(newEntries[next++ & (newEntries.length - 1)], Set.of("client:new"));
  }

  @Benchmark
  public RevealedCode reveal() {
    return vault.code(ids.get((next++ * 7919) % ids.size()));
  }
}
