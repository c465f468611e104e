package io.totpkit.guard;

import java.time.Instant;

/**
 * Epoch milliseconds for the database's bigint columns, saturating at the ends ({@link Instant#MAX} for a record
 * kept forever).
 *
 * <p>Thread-safety: stateless.
 */
final class Instants {
  private Instants() {}

  static long millis(Instant instant) {
    if (instant.getEpochSecond() >= Long.MAX_VALUE / 1000) {
      return Long.MAX_VALUE;
    }
    if (instant.getEpochSecond() <= Long.MIN_VALUE / 1000) {
      return Long.MIN_VALUE;
    }
    return instant.toEpochMilli();
  }
}
