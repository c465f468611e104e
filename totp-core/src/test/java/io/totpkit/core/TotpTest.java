package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final Secret KEY = Secret.fromBase32("JBSWY3DPEHPK3PXP");

  @Test
  void step_startTimeNotEpoch_countsFromStartTime() {
    Totp totp = Totp.builder(KEY).startTime(Instant.ofEpochSecond(1_000)).period(Duration.ofSeconds(60)).build();
    assertThat(totp.step(Instant.ofEpochSecond(1_000))).isZero();
    assertThat(totp.step(Instant.ofEpochSecond(1_059))).isZero();
    assertThat(totp.step(Instant.ofEpochSecond(1_060))).isEqualTo(1);
  }

  @Test
  void step_beforeStartTime_throws() {
    Totp totp = Totp.builder(KEY).startTime(Instant.ofEpochSecond(1_000)).build();
    assertThatThrownBy(() -> totp.generate(Instant.ofEpochSecond(999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the start time T0");
    assertThatThrownBy(() -> Totp.builder(KEY).build().step(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void step_startTimeBeforeEpoch_acceptsTimesBeforeEpoch() {
    Totp totp = Totp.builder(KEY).startTime(Instant.parse("1960-01-01T00:00:00Z")).build();
    assertThat(totp.step(Instant.parse("1960-01-01T00:01:00Z"))).isEqualTo(2);
    assertThat(totp.generate(Instant.parse("1965-06-01T12:00:00Z"))).hasSize(6);
  }

  @Test
  void step_farPast2038AndAtInstantMax_doesNotOverflow() {
    Totp totp = Totp.builder(KEY).period(Duration.ofSeconds(1)).build();
    assertThat(totp.step(Instant.ofEpochSecond(1L << 32))).isEqualTo(1L << 32);
    assertThat(totp.step(Instant.MAX)).isEqualTo(Instant.MAX.getEpochSecond());
    assertThat(totp.generate(Instant.MAX)).hasSize(6);
    assertThat(totp.remaining(Instant.MAX)).isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void remaining_countsDownToTheNextStep() {
    Totp totp = Totp.builder(KEY).build();
    assertThat(totp.remaining(Instant.ofEpochSecond(60))).isEqualTo(Duration.ofSeconds(30));
    assertThat(totp.remaining(Instant.ofEpochSecond(71))).isEqualTo(Duration.ofSeconds(19));
    assertThat(totp.remaining(Instant.ofEpochSecond(89, 500_000_000))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void now_usesTheInjectedClock() {
    Clock clock = Clock.fixed(Instant.parse("2009-11-10T23:00:00Z"), ZoneOffset.UTC);
    Totp totp = Totp.builder(KEY).clock(clock).build();
    assertThat(totp.now()).isEqualTo("528064");
    assertThat(totp.clock()).isSameAs(clock);
  }

  @Test
  void generate_keepsLeadingZeros() {
    // RFC 4226 key, counter 7: the 31-bit value 0082162583, so 8 digits start with a zero.
    Hotp hotp = Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).digits(8).build();
    assertThat(hotp.generate(7)).isEqualTo("82162583");
    assertThat(Hotp.builder(RfcVectorsTest.ascii("12345678901234567890")).digits(10).build().generate(7))
        .isEqualTo("0082162583");
  }

  @Test
  void generate_hindiLocale_writesAsciiDigits() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(new Locale("hi", "IN"));
    try {
      Totp totp = Totp.builder(KEY).build();
      assertThat(totp.generate(Instant.parse("2009-11-10T23:00:00Z"))).isEqualTo("528064");
      assertThat(totp.toString()).isEqualTo("Totp[SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void build_copiesKeyState_soDestroyingTheSecretLaterChangesNothing() {
    Secret secret = Secret.fromBase32("JBSWY3DPEHPK3PXP");
    Totp totp = Totp.builder(secret).build();
    secret.destroy();
    assertThat(totp.generate(Instant.parse("2009-11-10T23:00:00Z"))).isEqualTo("528064");
    assertThatThrownBy(() -> Totp.builder(secret).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("secret was destroyed");
  }

  @Test
  void builder_invalidValues_throwWithPreciseMessages() {
    Totp.Builder builder = Totp.builder(KEY);
    assertThatThrownBy(() -> builder.digits(5)).hasMessage("digits must be from 6 to 10, was 5");
    assertThatThrownBy(() -> builder.digits(11)).hasMessage("digits must be from 6 to 10, was 11");
    assertThatThrownBy(() -> builder.period(Duration.ZERO))
        .hasMessage("period must be a whole number of seconds, at least 1, was PT0S");
    assertThatThrownBy(() -> builder.period(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.startTime(Instant.ofEpochMilli(1)))
        .hasMessageContaining("start time must be a whole second");
    assertThatThrownBy(() -> builder.algorithm(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Totp.builder(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void builder_digitsAfterSteam_switchesBackToDecimal() {
    Totp totp = Totp.builder(KEY).steam().digits(8).build();
    assertThat(totp.isSteam()).isFalse();
    assertThat(totp.generate(Instant.EPOCH)).hasSize(8).containsOnlyDigits();
  }

  @Test
  void steam_ignoresAlgorithmAndUsesSteamAlphabet() {
    Totp steam = Totp.builder(KEY).algorithm(HmacAlgorithm.SHA512).steam().build();
    assertThat(steam.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    for (long t = 0; t < 3_000; t += 30) {
      assertThat(steam.generate(Instant.ofEpochSecond(t))).hasSize(5)
          .matches("[23456789BCDFGHJKMNPQRTVWXY]{5}");
    }
  }

  @Test
  void accessors_reportTheConfiguration() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    Totp totp = Totp.builder(KEY).algorithm(HmacAlgorithm.SHA256).digits(8).period(Duration.ofSeconds(60))
        .startTime(Instant.ofEpochSecond(30)).clock(clock).build();
    assertThat(totp.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(totp.digits()).isEqualTo(8);
    assertThat(totp.period()).isEqualTo(Duration.ofSeconds(60));
    assertThat(totp.startTime()).isEqualTo(Instant.ofEpochSecond(30));
    assertThat(totp.isSteam()).isFalse();
    assertThat(totp).hasToString("Totp[SHA256, 8 digits, 60 s, T0=1970-01-01T00:00:30Z]");
  }

  @Test
  void hotp_negativeCounter_throws() {
    Hotp hotp = Hotp.builder(KEY).build();
    assertThatThrownBy(() -> hotp.generate(-1)).hasMessage("counter must not be negative, was -1");
    assertThat(hotp.generate(Long.MAX_VALUE)).hasSize(6);
    assertThat(hotp).hasToString("Hotp[SHA1, 6 digits]");
  }
}
