package io.totpkit.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The only class that touches Micrometer (optional): meters for {@link TotpAuthenticationService#verify}.
 * <ul>
 *   <li>{@code totpkit.verifications}, counter, tag {@code outcome} (accepted, rejected, replayed, throttled,
 *       malformed, not_enrolled);
 *   <li>{@code totpkit.lockouts}, counter: codes refused because the account was locked out;
 *   <li>{@code totpkit.drift.steps}, distribution summary of accepted codes' offsets (matched step minus current
 *       step): a mean drifting away from 0 says a clock (the server's, or many phones') is going wrong.
 * </ul>
 *
 * <p>Thread-safety: safe for concurrent use (Micrometer's meters are).
 */
final class MicrometerVerificationObserver implements VerificationObserver {
  private final Map<TotpOutcome, Counter> verifications = new EnumMap<>(TotpOutcome.class);
  private final Counter lockouts;
  private final DistributionSummary drift;

  MicrometerVerificationObserver(MeterRegistry registry) {
    for (TotpOutcome outcome : TotpOutcome.values()) {
      verifications.put(outcome, Counter.builder("totpkit.verifications")
          .description("TOTP codes checked, by outcome")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    lockouts = Counter.builder("totpkit.lockouts").description("TOTP codes refused because the account is locked out")
        .register(registry);
    drift = DistributionSummary.builder("totpkit.drift.steps")
        .description("Offset of accepted TOTP codes in time steps (matched minus current)").baseUnit("steps")
        .register(registry);
  }

  @Override
  public void verified(TotpVerificationResult result) {
    verifications.get(result.outcome()).increment();
    if (result.outcome() == TotpOutcome.THROTTLED) {
      lockouts.increment();
    }
    if (result.isAccepted()) {
      result.offset().ifPresent(drift::record);
    }
  }
}
