package io.totpkit.bench;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading what users and apps hand over: a Base32 setup key (canonical, and as a user types it: lower case, spaced),
 * an {@code otpauth://} URI, and a Google Authenticator export of ten accounts ({@code otpauth-migration://}).
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar ParseBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class ParseBenchmark {
  private String base32;
  private String base32AsTyped;
  private String uri;
  private String migration;

  @Setup
  public void setUp() {
    Secret secret = Secret.fromBytes(Fixtures.rfcKey(HmacAlgorithm.SHA1));
    base32 = secret.toBase32();
    StringBuilder typed = new StringBuilder();
    for (int i = 0; i < base32.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        typed.append(' ');
      }
      typed.append(Character.toLowerCase(base32.charAt(i)));
    }
    base32AsTyped = typed.toString();
    uri = "otpauth://totp/ACME%20Co:john.doe@example.com?secret=" + base32
        + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30";
    List<OtpAuthUri> accounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      accounts.add(OtpAuthUri.totp(Secret.generate(HmacAlgorithm.SHA1)).issuer("Issuer " + i)
          .account("user" + i + "@example.com").build());
    }
    List<String> texts = MigrationPayload.encode(accounts);
    if (texts.size() != 1) {
      throw new IllegalStateException("ten accounts should fit in one export, got " + texts.size());
    }
    migration = texts.get(0);
    if (!Secret.fromBase32(base32AsTyped).equals(secret) || !OtpAuthUri.parse(uri).secret().equals(secret)
        || MigrationPayload.parse(migration).accounts().size() != 10) {
      throw new IllegalStateException("the inputs do not parse as expected");
    }
  }

  @Benchmark
  public Secret base32Decode() {
    return Secret.fromBase32(base32);
  }

  @Benchmark
  public Secret base32DecodeAsTyped() {
    return Secret.fromBase32(base32AsTyped);
  }

  @Benchmark
  public OtpAuthUri otpAuthUriParse() {
    return OtpAuthUri.parse(uri);
  }

  @Benchmark
  public MigrationPayload migrationPayloadDecode() {
    return MigrationPayload.parse(migration);
  }
}
