package io.totpkit.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Vault}: the Argon2id cost of new key slots, the clock behind codes and audit times, how long to
 * wait for another process's lock, and whether a code reveal's audit record is forced to disk before the code is
 * returned.
 *
 * <pre>{@code
 * VaultOptions options = VaultOptions.builder()
 *     .argon2(VaultOptions.DEFAULT_ARGON2_MEMORY_KIB, 3, 4)   // RFC 9106 §4, second recommendation
 *     .lockTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Argon2id costs apply when a slot is sealed ({@link Vault#create}, {@link Vault#addMember},
 * {@link Vault#changePassphrase}); each slot stores its own, so opening reads them from the file. The floors
 * ({@value #MIN_ARGON2_MEMORY_KIB} KiB, {@value #MIN_ARGON2_ITERATIONS} passes: OWASP's minimum for Argon2id) are
 * enforced here and when a file is read.
 *
 * <p>Thread-safety: immutable.
 */
public final class VaultOptions {
  /** Default Argon2id memory: 64 MiB, RFC 9106 §4's second recommendation. */
  public static final int DEFAULT_ARGON2_MEMORY_KIB = 64 * 1024;
  /** Default Argon2id passes: 3, RFC 9106 §4's second recommendation. */
  public static final int DEFAULT_ARGON2_ITERATIONS = 3;
  /** Default Argon2id lanes: 4, RFC 9106 §4's second recommendation. */
  public static final int DEFAULT_ARGON2_PARALLELISM = 4;
  /** The least Argon2id memory accepted: 19 MiB, OWASP's floor. */
  public static final int MIN_ARGON2_MEMORY_KIB = 19 * 1024;
  /** The fewest Argon2id passes accepted with the least memory: 2, OWASP's floor. */
  public static final int MIN_ARGON2_ITERATIONS = 2;

  private static final VaultOptions DEFAULTS = builder().build();

  private final KdfParams kdf;
  private final Clock clock;
  private final Duration lockTimeout;
  private final boolean syncRevealAudit;
  private final SecureRandom random;

  private VaultOptions(Builder builder) {
    this.kdf = new KdfParams(builder.memoryKib, builder.iterations, builder.parallelism);
    this.clock = builder.clock;
    this.lockTimeout = builder.lockTimeout;
    this.syncRevealAudit = builder.syncRevealAudit;
    this.random = builder.random;
  }

  /**
   * Returns the defaults: Argon2id 64 MiB, 3 passes, 4 lanes; the system clock in UTC; a 10-second lock timeout;
   * reveal audits forced to disk.
   *
   * @return the default options
   */
  public static VaultOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.memoryKib = kdf.memoryKib();
    builder.iterations = kdf.iterations();
    builder.parallelism = kdf.parallelism();
    builder.clock = clock;
    builder.lockTimeout = lockTimeout;
    builder.syncRevealAudit = syncRevealAudit;
    builder.random = random;
    return builder;
  }

  /** Returns the Argon2id memory for new slots, in KiB. */
  public int argon2MemoryKib() {
    return kdf.memoryKib();
  }

  /** Returns the Argon2id passes for new slots. */
  public int argon2Iterations() {
    return kdf.iterations();
  }

  /** Returns the Argon2id lanes for new slots. */
  public int argon2Parallelism() {
    return kdf.parallelism();
  }

  /** Returns the clock behind codes and audit record times. */
  public Clock clock() {
    return clock;
  }

  /** Returns how long a change waits for another process's lock before {@link VaultLockedException}. */
  public Duration lockTimeout() {
    return lockTimeout;
  }

  /**
   * Returns whether a code reveal forces its audit record to disk (fsync) before returning the code. When
   * {@code false} the record is still written to the operating system before the code is returned, so it survives the
   * process being killed, but not a power cut.
   */
  public boolean syncRevealAudit() {
    return syncRevealAudit;
  }

  KdfParams kdf() {
    return kdf;
  }

  SecureRandom random() {
    return random;
  }

  @Override
  public String toString() {
    return "VaultOptions[" + kdf + ", lockTimeout=" + lockTimeout + ", syncRevealAudit=" + syncRevealAudit + "]";
  }

  /**
   * Builds {@link VaultOptions}; each setter checks its argument.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private int memoryKib = DEFAULT_ARGON2_MEMORY_KIB;
    private int iterations = DEFAULT_ARGON2_ITERATIONS;
    private int parallelism = DEFAULT_ARGON2_PARALLELISM;
    private Clock clock = Clock.systemUTC();
    private Duration lockTimeout = Duration.ofSeconds(10);
    private boolean syncRevealAudit = true;
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /**
     * Sets the Argon2id cost of new key slots.
     *
     * @param memoryKib memory in KiB, from {@value VaultOptions#MIN_ARGON2_MEMORY_KIB} to 1048576 (1 GiB)
     * @param iterations passes, from {@value VaultOptions#MIN_ARGON2_ITERATIONS} to 64
     * @param parallelism lanes, from 1 to 16
     * @return this builder
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder argon2(int memoryKib, int iterations, int parallelism) {
      String problem = KdfParams.problem(memoryKib, iterations, parallelism);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      this.memoryKib = memoryKib;
      this.iterations = iterations;
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Sets the least Argon2id cost accepted ({@value VaultOptions#MIN_ARGON2_MEMORY_KIB} KiB, 2 passes, 1 lane): for
     * tests and for machines that cannot spare 64 MiB.
     *
     * @return this builder
     */
    public Builder minimumArgon2() {
      return argon2(MIN_ARGON2_MEMORY_KIB, MIN_ARGON2_ITERATIONS, 1);
    }

    /**
     * Sets the clock behind codes and audit record times; the default is {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a change waits for another process's lock; the default is 10 seconds.
     *
     * @param timeout from zero (try once) to one hour
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder lockTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("lock timeout must be from 0 to 1 hour, was " + timeout);
      }
      this.lockTimeout = timeout;
      return this;
    }

    /**
     * Sets whether a code reveal forces its audit record to disk before the code is returned; the default is
     * {@code true}. See {@link VaultOptions#syncRevealAudit()}.
     *
     * @param sync whether to fsync reveal records
     * @return this builder
     */
    public Builder syncRevealAudit(boolean sync) {
      this.syncRevealAudit = sync;
      return this;
    }

    /** Sets the randomness source; tests pass a seeded one to write the golden file. */
    Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public VaultOptions build() {
      return new VaultOptions(this);
    }
  }
}
