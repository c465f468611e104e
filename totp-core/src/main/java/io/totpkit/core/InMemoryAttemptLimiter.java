package io.totpkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link AttemptLimiter#inMemory} implementation: immutable per-account records swapped atomically. */
final class InMemoryAttemptLimiter implements AttemptLimiter {
  static final Duration LOCKED_UNTIL_RESET = Duration.ofSeconds(Long.MAX_VALUE);
  private static final Duration GROWTH_CAP = Duration.ofHours(24);
  private static final Duration LONGEST_LOCKOUT = Duration.ofDays(365);
  private static final Duration FORGET_UNLOCKED_AFTER = Duration.ofHours(24);
  private static final int MIN_SWEEP_SIZE = 1024;

  private final int maxFailures;
  private final Duration lockout;
  private final Duration maxLockout;
  private final ConcurrentHashMap<String, Record> records = new ConcurrentHashMap<>();
  private final AtomicInteger sweepAt = new AtomicInteger(MIN_SWEEP_SIZE);

  InMemoryAttemptLimiter(int maxFailures, Duration lockout) {
    Objects.requireNonNull(lockout, "lockout");
    if (maxFailures < 1 || maxFailures > MAX_CONSECUTIVE_FAILURES) {
      throw new IllegalArgumentException("maxFailures must be from 1 to " + MAX_CONSECUTIVE_FAILURES + ", was "
          + maxFailures);
    }
    if (lockout.isNegative() || lockout.isZero() || lockout.compareTo(LONGEST_LOCKOUT) > 0) {
      throw new IllegalArgumentException("lockout must be positive and at most 365 days, was " + lockout);
    }
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.maxLockout = lockout.compareTo(GROWTH_CAP) > 0 ? lockout : GROWTH_CAP;
  }

  @Override
  public Duration tryAcquire(String account, Instant now) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(now, "now");
    Duration[] wait = {Duration.ZERO};
    // compute() is atomic per key: deciding and counting the attempt are one step.
    records.compute(account, (key, previous) -> {
      Record record = previous == null ? Record.NONE : previous;
      if (record.failures >= MAX_CONSECUTIVE_FAILURES) {
        wait[0] = LOCKED_UNTIL_RESET;
        return record;
      }
      if (now.isBefore(record.lockedUntil)) {
        wait[0] = Duration.between(now, record.lockedUntil);
        return record;
      }
      int failures = record.failures + 1;
      if (failures % maxFailures != 0) {
        return new Record(failures, record.lockouts, record.lockedUntil, now);
      }
      Duration length = lockoutLength(record.lockouts);
      return new Record(failures, record.lockouts + 1, now.plus(length), now);
    });
    sweepIfGrown(now);
    return wait[0];
  }

  @Override
  public void recordSuccess(String account) {
    records.remove(Objects.requireNonNull(account, "account"));
  }

  @Override
  public void reset(String account) {
    records.remove(Objects.requireNonNull(account, "account"));
  }

  /** The lockout after {@code previousLockouts} earlier ones: doubling, capped. */
  private Duration lockoutLength(int previousLockouts) {
    Duration length = lockout;
    for (int i = 0; i < previousLockouts && length.compareTo(maxLockout) < 0; i++) {
      length = length.multipliedBy(2);
    }
    return length.compareTo(maxLockout) > 0 ? maxLockout : length;
  }

  private void sweepIfGrown(Instant now) {
    int threshold = sweepAt.get();
    if (records.size() >= threshold && sweepAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
      Instant cutoff = now.minus(FORGET_UNLOCKED_AFTER);
      records.values().removeIf(record -> record.lockouts == 0 && record.lastAttempt.isBefore(cutoff));
      sweepAt.set(Math.max(MIN_SWEEP_SIZE, records.size() * 2));
    }
  }

  /** One account's consecutive failures, lockouts so far, and the end of the current lockout. */
  private static final class Record {
    static final Record NONE = new Record(0, 0, Instant.MIN, Instant.MIN);

    final int failures;
    final int lockouts;
    final Instant lockedUntil;
    final Instant lastAttempt;

    Record(int failures, int lockouts, Instant lockedUntil, Instant lastAttempt) {
      this.failures = failures;
      this.lockouts = lockouts;
      this.lockedUntil = lockedUntil;
      this.lastAttempt = lastAttempt;
    }
  }

  @Override
  public String toString() {
    return "AttemptLimiter.inMemory[" + maxFailures + " failures, " + lockout + " lockout, " + records.size()
        + " accounts]";
  }
}
