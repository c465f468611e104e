package io.totpkit.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link AttemptLimiter#inMemory} implementation: one small mutable record per account, changed under the record's
 * own lock. A failing attempt on a known account allocates nothing, so a guessing attack costs the server no garbage.
 */
final class InMemoryAttemptLimiter implements AttemptLimiter {
  static final Duration LOCKED_UNTIL_RESET = Duration.ofSeconds(Long.MAX_VALUE);
  private static final long FORGET_UNLOCKED_AFTER_MILLIS = Duration.ofHours(24).toMillis();
  private static final int MIN_SWEEP_SIZE = 1024;

  private final int maxFailures;
  private final Duration lockout;
  private final long lockoutMillis;
  private final long maxLockoutMillis;
  private final ConcurrentHashMap<String, Record> records = new ConcurrentHashMap<>();
  private final AtomicInteger sweepAt = new AtomicInteger(MIN_SWEEP_SIZE);

  InMemoryAttemptLimiter(LockoutPolicy policy) {
    this.maxFailures = policy.maxFailures();
    this.lockout = policy.lockout();
    this.lockoutMillis = policy.lockoutMillis();
    this.maxLockoutMillis = policy.longestLockoutMillis();
  }

  @Override
  public Duration tryAcquire(String account, Instant now) {
    String id = AccountId.normalize(account);
    long nowMillis = millis(Objects.requireNonNull(now, "now"));
    while (true) {
      Record record = records.computeIfAbsent(id, key -> new Record());
      long wait;
      // The record's lock makes deciding and counting one step; a record swept meanwhile is retried afresh.
      synchronized (record) {
        if (record.removed) {
          continue;
        }
        wait = record.acquire(nowMillis, maxFailures, lockoutMillis, maxLockoutMillis);
      }
      sweepIfGrown(nowMillis);
      return wait == 0 ? Duration.ZERO : wait == Long.MAX_VALUE ? LOCKED_UNTIL_RESET : Duration.ofMillis(wait);
    }
  }

  @Override
  public void recordSuccess(String account) {
    reset(account);
  }

  @Override
  public void reset(String account) {
    Record record = records.get(AccountId.normalize(account));
    if (record != null) {
      synchronized (record) {
        record.clear();
      }
    }
  }

  /** One account's consecutive failures, lockouts so far, the end of the current lockout, and its last attempt. */
  private static final class Record {
    int failures;
    int lockouts;
    long lockedUntilMillis = Long.MIN_VALUE;
    long lastAttemptMillis = Long.MIN_VALUE;
    boolean removed;

    /** Returns 0 and counts a failure if the attempt may go ahead, else the wait in milliseconds. */
    long acquire(long nowMillis, int maxFailures, long lockoutMillis, long maxLockoutMillis) {
      if (failures >= MAX_CONSECUTIVE_FAILURES) {
        return Long.MAX_VALUE;
      }
      if (nowMillis < lockedUntilMillis) {
        return lockedUntilMillis - nowMillis;
      }
      failures++;
      lastAttemptMillis = nowMillis;
      if (failures % maxFailures == 0) {
        lockedUntilMillis = saturatedAdd(nowMillis, lockoutLength(lockouts, lockoutMillis, maxLockoutMillis));
        lockouts++;
      }
      return 0;
    }

    void clear() {
      failures = 0;
      lockouts = 0;
      lockedUntilMillis = Long.MIN_VALUE;
    }

    boolean forgettable(long cutoffMillis) {
      return lockouts == 0 && lastAttemptMillis < cutoffMillis;
    }
  }

  /** The lockout after {@code previousLockouts} earlier ones: doubling, capped. */
  private static long lockoutLength(int previousLockouts, long lockoutMillis, long maxLockoutMillis) {
    long length = lockoutMillis;
    for (int i = 0; i < previousLockouts && length < maxLockoutMillis; i++) {
      length *= 2;
    }
    return Math.min(length, maxLockoutMillis);
  }

  private void sweepIfGrown(long nowMillis) {
    int threshold = sweepAt.get();
    if (records.size() >= threshold && sweepAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
      long cutoff = nowMillis - FORGET_UNLOCKED_AFTER_MILLIS;
      records.forEach((account, record) -> {
        synchronized (record) {
          if (record.forgettable(cutoff)) {
            record.removed = true;
            records.remove(account, record);
          }
        }
      });
      sweepAt.set(Math.max(MIN_SWEEP_SIZE, records.size() * 2));
    }
  }

  /** Milliseconds since the epoch, saturating instead of overflowing at the ends of {@link Instant}'s range. */
  private static long millis(Instant time) {
    long seconds = time.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1000) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1000) {
      return Long.MIN_VALUE + 1;
    }
    return seconds * 1000 + time.getNano() / 1_000_000;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public String toString() {
    return "AttemptLimiter.inMemory[" + maxFailures + " failures, " + lockout + " lockout, " + records.size()
        + " accounts]";
  }
}
