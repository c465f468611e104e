package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"alice", "Alice", "ALICE", "alice ", " alice", "\u00a0alice\u3000", "ａｌｉｃｅ",
      "\uff21\uff4c\uff49\uff43\uff45"})
  void normalize_spellingsOfOneAccount_sameKey(String spelling) {
    assertThat(AccountId.normalize(spelling)).isEqualTo("alice");
  }

  @Test
  void normalize_caseFoldsBeyondLowerCasing() {
    assertThat(AccountId.normalize("Straße")).isEqualTo(AccountId.normalize("STRASSE")).isEqualTo("strasse");
    assertThat(AccountId.normalize("\u212a")).isEqualTo("k");          // Kelvin sign
    assertThat(AccountId.normalize("ﬃ")).isEqualTo("ffi");            // a ligature
  }

  @Test
  void normalize_normalAscii_returnsTheSameInstance() {
    String id = "user-42@example.com";
    assertThat(AccountId.normalize(id)).isSameAs(id);
  }

  @Test
  void normalize_isAFixedPoint() {
    for (String id : new String[] {"Straße", "ǅ", "ΣΑΣ", "İstanbul", "ﬃ", "Ⅻ", "½", "a b"}) {
      String once = AccountId.normalize(id);
      assertThat(AccountId.normalize(once)).as(id).isEqualTo(once);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ali\u0000ce", "alice\u001b[2J", "\u202eecila", "al\u200bice", "a\tb", "a\u007fb",
      "\ud800alice", "alice\udc00", "a\u0085b", "\ufeffalice"})
  void normalize_controlOrInvisibleCharacter_refusedNamingItsPosition(String id) {
    assertThatThrownBy(() -> AccountId.normalize(id)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account holds a control").hasMessageContaining("at index");
  }

  @Test
  void normalize_emptyBlankOrTooLong_refused() {
    assertThatThrownBy(() -> AccountId.normalize("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> AccountId.normalize(" \u3000 ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThat(AccountId.normalize("a".repeat(AccountId.MAX_LENGTH))).hasSize(AccountId.MAX_LENGTH);
    assertThatThrownBy(() -> AccountId.normalize("a".repeat(AccountId.MAX_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 256");
    assertThatThrownBy(() -> AccountId.normalize(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void normalize_emojiAndOtherScripts_kept() {
    assertThat(AccountId.normalize("Пользователь")).isEqualTo("пользователь");
    assertThat(AccountId.normalize("😀user")).isEqualTo("😀user");
    assertThat(AccountId.normalize("用户")).isEqualTo("用户");
  }

  @Test
  void verify_fiveSpellingsOfOneAccount_shareOneLimitAndOneReplayRecord() {
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
    java.time.Instant now = java.time.Instant.parse("2026-11-23T10:15:30Z");
    TotpVerifier verifier = TotpVerifier.builder(totp).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(AttemptLimiter.inMemory(5, java.time.Duration.ofMinutes(1))).build();
    String wrong = totp.generate(now.plusSeconds(3600));
    for (String spelling : new String[] {"alice", "Alice", "ALICE", "alice ", "ａｌｉｃｅ"}) {
      assertThat(verifier.verify(spelling, wrong, now).status()).as(spelling)
          .isEqualTo(Verification.Status.REJECTED);
    }
    assertThat(verifier.verify("aLiCe", totp.generate(now), now).status())
        .isEqualTo(Verification.Status.THROTTLED);

    TotpVerifier fresh = TotpVerifier.builder(totp).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(AttemptLimiter.inMemory(5, java.time.Duration.ofMinutes(1))).build();
    assertThat(fresh.verify("alice", totp.generate(now), now).status()).isEqualTo(Verification.Status.ACCEPTED);
    assertThat(fresh.verify("Alice ", totp.generate(now), now).status()).isEqualTo(Verification.Status.REPLAYED);
  }

  @Test
  void verify_idWithNul_illegalArgument() {
    Totp totp = Totp.builder(Secret.fromBase32("JBSWY3DPEHPK3PXP")).build();
    TotpVerifier verifier = TotpVerifier.builder(totp).replayGuard(new InMemoryReplayGuard())
        .attemptLimiter(AttemptLimiter.inMemory(5, java.time.Duration.ofMinutes(1))).build();
    assertThatThrownBy(() -> verifier.verify("ali\u0000ce", "123456")).isInstanceOf(IllegalArgumentException.class);
  }
}
