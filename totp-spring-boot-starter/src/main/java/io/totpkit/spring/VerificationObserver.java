package io.totpkit.spring;

/**
 * Told of every verification's result (not the code, not the user's key): the metrics hook.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
interface VerificationObserver {
  void verified(TotpVerificationResult result);
}
