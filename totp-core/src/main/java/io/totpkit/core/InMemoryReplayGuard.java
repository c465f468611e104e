package io.totpkit.core;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ReplayGuard} for one process: a concurrent map from account to the last accepted step.
 *
 * <p>Memory: a record lives until its {@code forgetAfter} time, when the matched step has left every window a
 * verifier could accept it in (one step plus the window behind, for TOTP). Whenever the map has grown to twice its
 * size after the previous sweep (and at least 1024 records), the call that grew it drops the expired records, so the
 * map holds about as many records as accounts that logged in during the last few steps. HOTP records never expire:
 * one per HOTP account.
 *
 * <p>Several servers need a shared store instead; records here are lost when the process ends, and with them replay
 * protection for codes that are still current.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #tryAccept} is atomic per account.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private static final int MIN_SWEEP_SIZE = 1024;

  private final ConcurrentHashMap<String, Accepted> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger sweepAt = new AtomicInteger(MIN_SWEEP_SIZE);

  /** Creates an empty guard. */
  public InMemoryReplayGuard() {}

  @Override
  public boolean tryAccept(String account, long step, Instant now, Instant forgetAfter) {
    String id = AccountId.normalize(account);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    Accepted candidate = new Accepted(step, forgetAfter);
    // compute() runs atomically for the key: comparing and storing are one step.
    Accepted result = accepted.compute(id,
        (key, previous) -> previous == null || previous.step < step ? candidate : previous);
    sweepIfGrown(now);
    return result == candidate;
  }

  /** Returns the number of accounts remembered, for monitoring. */
  public int size() {
    return accepted.size();
  }

  private void sweepIfGrown(Instant now) {
    int threshold = sweepAt.get();
    if (accepted.size() >= threshold && sweepAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
      // removeIf on a ConcurrentHashMap view removes an entry only if it is unchanged, so a concurrent accept wins.
      accepted.values().removeIf(record -> record.forgetAfter.isBefore(now));
      sweepAt.set(Math.max(MIN_SWEEP_SIZE, accepted.size() * 2));
    }
  }

  private static final class Accepted {
    final long step;
    final Instant forgetAfter;

    Accepted(long step, Instant forgetAfter) {
      this.step = step;
      this.forgetAfter = forgetAfter;
    }
  }

  @Override
  public String toString() {
    return "InMemoryReplayGuard[" + accepted.size() + " accounts]";
  }
}
