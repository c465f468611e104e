package io.totpkit.bench;

import io.totpkit.core.ReplayGuard;
import java.time.Instant;

/**
 * A replay guard that accepts everything, so a benchmark can show what the verifier costs without the in-memory
 * guard. Never use one outside a benchmark: it gives up RFC 6238 §5.2's replay protection.
 */
final class AcceptAllReplayGuard implements ReplayGuard {
  @Override
  public boolean tryAccept(String account, long step, Instant now, Instant forgetAfter) {
    return true;
  }
}
