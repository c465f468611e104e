package io.totpkit.bench;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.TOTPGenerator;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.Totp;
import io.totpkit.core.TotpVerifier;
import io.totpkit.core.Verification;
import java.security.InvalidKeyException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
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
 * totpkit side by side with the floor, the four-compression limit, a cached JCA {@code Mac} and four peer libraries, in one run: TOTP, HMAC-SHA-1,
 * 6 digits, 30-second steps, the RFC 6238 key.
 *
 * <p>Sibling methods rather than an interface behind an enum {@code @Param}: each call site stays monomorphic, so no
 * library pays for another's dispatch. Each peer is set up as its documentation shows, caching whatever its API lets a
 * caller cache (java-otp's generator and {@code Key}; GoogleAuth's and java-totp's generators and verifiers, which take
 * the Base32 text on every call because that is their API; otp-java's generator). The setup checks that every one of
 * them computes the same codes as totpkit, so all measure the same work.
 *
 * <p>Generation walks {@value Fixtures#TIMES} times one step apart; verification walks the same times with, for each,
 * a code that matches none of the three steps of a ±1 window (a miss: three HMACs for every library). totpkit's
 * verifier runs with the real {@link InMemoryReplayGuard} and an in-memory limiter of 100 failures whose account is
 * reset every 64 calls, so the miss is measured, never the throttled path.
 *
 * <p>Run: {@code java -jar totp-bench/target/benchmarks.jar PeerBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class PeerBenchmark {
  private static final String ACCOUNT = "alice";
  private static final int RESET_EVERY = 64;

  private Instant[] times;
  private long[] steps;
  private long[] millis;
  private int[] wrongCodes;
  private String[] wrongTexts;
  private int next;

  private Floor floor;
  private CachedMac mac;
  private HandHmac hand;
  private Totp totp;
  private TotpVerifier verifier;
  private AttemptLimiter limiter;

  private TimeBasedOneTimePasswordGenerator javaOtp;
  private Key javaOtpKey;
  private Instant[] previousTimes;
  private Instant[] nextTimes;

  private String base32;
  private DefaultCodeGenerator javaTotp;
  private DefaultCodeVerifier javaTotpVerifier;
  private long javaTotpTime;

  private GoogleAuthenticator googleAuth;

  private TOTPGenerator otpJava;
  private MutableClock otpJavaClock;

  @Setup
  public void setUp() throws Exception {
    byte[] key = Fixtures.rfcKey(HmacAlgorithm.SHA1);
    times = Fixtures.times();
    floor = new Floor(HmacAlgorithm.SHA1);
    mac = new CachedMac(HmacAlgorithm.SHA1, key, 6);
    hand = new HandHmac(HmacAlgorithm.SHA1, key);
    totp = Totp.builder(Fixtures.secret(HmacAlgorithm.SHA1)).build();
    limiter = AttemptLimiter.inMemory(100, Duration.ofMinutes(1));
    verifier = TotpVerifier.builder(totp).window(1, 1).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(limiter).build();
    base32 = Fixtures.secret(HmacAlgorithm.SHA1).toBase32();

    javaOtp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6,
        TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    javaOtpKey = new SecretKeySpec(key, javaOtp.getAlgorithm());

    javaTotp = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    javaTotpVerifier = new DefaultCodeVerifier(javaTotp, () -> javaTotpTime);
    javaTotpVerifier.setTimePeriod(30);
    javaTotpVerifier.setAllowedTimePeriodDiscrepancy(1);

    googleAuth = new GoogleAuthenticator(new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder()
        .setCodeDigits(6).setTimeStepSizeInMillis(30_000).setWindowSize(3).build());

    otpJavaClock = new MutableClock();
    otpJava = new TOTPGenerator.Builder(base32.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .withHOTPGenerator(builder -> builder.withPasswordLength(6).withAlgorithm(HMACAlgorithm.SHA1))
        .withPeriod(Duration.ofSeconds(30)).withClock(otpJavaClock).build();

    int n = times.length;
    steps = new long[n];
    millis = new long[n];
    wrongCodes = new int[n];
    wrongTexts = new String[n];
    previousTimes = new Instant[n];
    nextTimes = new Instant[n];
    for (int i = 0; i < n; i++) {
      steps[i] = totp.step(times[i]);
      millis[i] = times[i].toEpochMilli();
      previousTimes[i] = times[i].minusSeconds(30);
      nextTimes[i] = times[i].plusSeconds(30);
      int before = totp.generateInt(previousTimes[i]);
      int now = totp.generateInt(times[i]);
      int after = totp.generateInt(nextTimes[i]);
      int wrong = (now + 1) % 1_000_000;
      while (wrong == before || wrong == now || wrong == after) {
        wrong = (wrong + 1) % 1_000_000;
      }
      wrongCodes[i] = wrong;
      wrongTexts[i] = String.format(java.util.Locale.ROOT, "%06d", wrong);
      checkSameCodes(i, now);
    }
  }

  /** Every library must compute the same code, and reject the wrong one, or the comparison means nothing. */
  private void checkSameCodes(int i, int expected) throws Exception {
    String text = String.format(java.util.Locale.ROOT, "%06d", expected);
    check("cached Mac", mac.code(steps[i]) == expected);
    check("hand HMAC", hand.code(steps[i]) == expected);
    check("java-otp", javaOtp.generateOneTimePassword(javaOtpKey, times[i]) == expected);
    check("java-totp", javaTotp.generate(base32, steps[i]).equals(text));
    check("GoogleAuth", googleAuth.getTotpPassword(base32, millis[i]) == expected);
    check("otp-java", otpJava.at(times[i]).equals(text));
    javaTotpTime = times[i].getEpochSecond();
    otpJavaClock.now = times[i];
    check("java-totp verify", javaTotpVerifier.isValidCode(base32, text)
        && !javaTotpVerifier.isValidCode(base32, wrongTexts[i]));
    check("GoogleAuth verify", googleAuth.authorize(base32, expected, millis[i])
        && !googleAuth.authorize(base32, wrongCodes[i], millis[i]));
    check("otp-java verify", otpJava.verify(text, 1) && !otpJava.verify(wrongTexts[i], 1));
    check("totpkit miss", verifier.verify("check", wrongTexts[i], times[i]).status()
        == Verification.Status.REJECTED);
    limiter.reset("check");
  }

  private static void check(String what, boolean ok) {
    if (!ok) {
      throw new IllegalStateException(what + " disagrees with totpkit: the benchmark would compare different work");
    }
  }

  private int nextIndex() {
    return next = (next + 1) & Fixtures.MASK;
  }

  // ---- generation: one code, SHA-1, 6 digits ----

  /** Two SHA-1 compressions through MessageDigest: no HMAC can do less. */
  @Benchmark
  public int floor() {
    return floor.twoCompressions(steps[nextIndex()]);
  }

  /** A cached, initialised JCA Mac writing into a reused buffer. */
  @Benchmark
  public int cachedMac() {
    return mac.code(steps[nextIndex()]);
  }

  /** The four-compression limit: a bare HMAC by hand over one MessageDigest, nothing around it. */
  @Benchmark
  public int handHmac() {
    return hand.code(steps[nextIndex()]);
  }

  @Benchmark
  public int totpkitGenerateInt() {
    return totp.generateInt(times[nextIndex()]);
  }

  @Benchmark
  public String totpkitGenerate() {
    return totp.generate(times[nextIndex()]);
  }

  @Benchmark
  public int javaOtp() throws InvalidKeyException {
    return javaOtp.generateOneTimePassword(javaOtpKey, times[nextIndex()]);
  }

  @Benchmark
  public String javaTotp() throws CodeGenerationException {
    return javaTotp.generate(base32, steps[nextIndex()]);
  }

  @Benchmark
  public int googleAuth() {
    return googleAuth.getTotpPassword(base32, millis[nextIndex()]);
  }

  @Benchmark
  public String otpJava() {
    return otpJava.at(times[nextIndex()]);
  }

  // ---- verification: a wrong code, window ±1 (three HMACs each) ----

  @Benchmark
  public Verification totpkitVerifyMiss() {
    int i = nextIndex();
    if ((i & (RESET_EVERY - 1)) == 0) {
      limiter.reset(ACCOUNT);   // stay far below the lockout (100): measure the miss, not the throttled path
    }
    return verifier.verify(ACCOUNT, wrongTexts[i], times[i]);
  }

  /** java-otp has no verifier: three generations and a comparison that does not stop early, as a caller would. */
  @Benchmark
  public boolean javaOtpVerifyMiss() throws InvalidKeyException {
    int i = nextIndex();
    int typed = wrongCodes[i];
    boolean match = javaOtp.generateOneTimePassword(javaOtpKey, previousTimes[i]) == typed;
    match |= javaOtp.generateOneTimePassword(javaOtpKey, times[i]) == typed;
    match |= javaOtp.generateOneTimePassword(javaOtpKey, nextTimes[i]) == typed;
    return match;
  }

  @Benchmark
  public boolean javaTotpVerifyMiss() {
    int i = nextIndex();
    javaTotpTime = times[i].getEpochSecond();
    return javaTotpVerifier.isValidCode(base32, wrongTexts[i]);
  }

  @Benchmark
  public boolean googleAuthVerifyMiss() {
    int i = nextIndex();
    return googleAuth.authorize(base32, wrongCodes[i], millis[i]);
  }

  @Benchmark
  public boolean otpJavaVerifyMiss() {
    int i = nextIndex();
    otpJavaClock.now = times[i];
    return otpJava.verify(wrongTexts[i], 1);
  }
}
