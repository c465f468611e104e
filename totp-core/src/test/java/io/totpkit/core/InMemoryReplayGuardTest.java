package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void tryAccept_laterStepsOnly() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard();
    assertThat(guard.tryAccept("a", 10, T, Instant.MAX)).isTrue();
    assertThat(guard.tryAccept("a", 10, T, Instant.MAX)).isFalse();
    assertThat(guard.tryAccept("a", 9, T, Instant.MAX)).isFalse();
    assertThat(guard.tryAccept("a", 11, T, Instant.MAX)).isTrue();
    assertThat(guard.tryAccept("b", 10, T, Instant.MAX)).isTrue();
  }

  @Test
  void tryAccept_manyAccounts_expiredRecordsAreSwept() {
    InMemoryReplayGuard guard = new InMemoryReplayGuard();
    for (int i = 0; i < 10_000; i++) {
      guard.tryAccept("old-" + i, 1, T, T.plusSeconds(60));
    }
    for (int i = 0; i < 100; i++) {
      guard.tryAccept("kept-" + i, 1, T, Instant.MAX);
    }
    Instant later = T.plusSeconds(3600);
    // The map sweeps when it has doubled since the last sweep (here at 16 384 records): then only live ones remain.
    for (int i = 0; i < 7_000; i++) {
      guard.tryAccept("new-" + i, 1, later, later.plusSeconds(60));
    }
    assertThat(guard.size()).isEqualTo(7_100);
    // Records that were swept were expired; those kept still refuse replays.
    assertThat(guard.tryAccept("kept-7", 1, later, Instant.MAX)).isFalse();
    assertThat(guard.tryAccept("new-7", 1, later, later.plusSeconds(60))).isFalse();
  }
}
