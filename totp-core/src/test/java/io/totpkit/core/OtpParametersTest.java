package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OtpParameters}: each range at and just past its limit, the messages, and the types that share it. */
class OtpParametersTest {
  private static final Secret KEY = Secret.fromBase32("JBSWY3DPEHPK3PXP");

  @Test
  void totp_defaults_areRfc6238Defaults() {
    OtpParameters parameters = OtpParameters.totp().build();
    assertThat(parameters.type()).isEqualTo(OtpType.TOTP);
    assertThat(parameters.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(parameters.digits()).isEqualTo(6);
    assertThat(parameters.isSteam()).isFalse();
    assertThat(parameters.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(parameters.startTime()).isEqualTo(Instant.EPOCH);
    assertThat(parameters.counter()).isEmpty();
    assertThat(parameters).hasToString("OtpParameters[TOTP, SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]");
  }

  @Test
  void hotp_defaults_areRfc4226DefaultsWithoutPeriodOrStartTime() {
    OtpParameters parameters = OtpParameters.hotp().build();
    assertThat(parameters.type()).isEqualTo(OtpType.HOTP);
    assertThat(parameters.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(parameters.digits()).isEqualTo(6);
    assertThat(parameters.counter()).hasValue(0);
    assertThat(parameters).hasToString("OtpParameters[HOTP, SHA1, 6 digits, counter 0]");
    assertThatThrownBy(parameters::period).isInstanceOf(IllegalStateException.class)
        .hasMessage("a HOTP key has no period");
    assertThatThrownBy(parameters::startTime).isInstanceOf(IllegalStateException.class)
        .hasMessage("a HOTP key has no start time");
  }

  @ParameterizedTest(name = "digits={0}")
  @ValueSource(ints = {6, 10})
  void digits_atEitherLimit_accepted(int digits) {
    assertThat(OtpParameters.totp().digits(digits).build().digits()).isEqualTo(digits);
    assertThat(OtpParameters.hotp().digits(digits).build().digits()).isEqualTo(digits);
  }

  @ParameterizedTest(name = "digits={0}")
  @ValueSource(ints = {5, 11, 0, -6, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void digits_pastEitherLimit_refusedNamingFieldAndRange(int digits) {
    assertThatThrownBy(() -> OtpParameters.totp().digits(digits)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits must be from 6 to 10, was " + digits);
    assertThatThrownBy(() -> OtpParameters.hotp().digits(digits)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits must be from 6 to 10, was " + digits);
  }

  @ParameterizedTest(name = "period={0}")
  @ValueSource(strings = {"PT1S", "PT30S", "PT8784H", "PT1193046H28M16S"})
  void period_wholeSecondsFromOne_acceptedWithoutUpperLimit(String period) {
    // PT8784H is 366 days, the most an otpauth text may ask for; 2^32 s is the most a vault file holds.
    assertThat(OtpParameters.totp().period(Duration.parse(period)).build().period())
        .isEqualTo(Duration.parse(period));
  }

  @ParameterizedTest(name = "period={0}")
  @ValueSource(strings = {"PT0S", "PT-1S", "PT-30S", "PT0.999S", "PT1.5S", "PT0.000000001S"})
  void period_belowOneSecondOrFractional_refusedNamingFieldAndRange(String period) {
    assertThatThrownBy(() -> OtpParameters.totp().period(Duration.parse(period)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be a whole number of seconds, at least 1, was " + Duration.parse(period));
  }

  @ParameterizedTest(name = "T0={0}")
  @ValueSource(strings = {"1970-01-01T00:00:00Z", "1960-01-01T00:00:00Z", "2026-11-23T10:00:00Z"})
  void startTime_wholeSecond_accepted(String startTime) {
    assertThat(OtpParameters.totp().startTime(Instant.parse(startTime)).build().startTime())
        .isEqualTo(Instant.parse(startTime));
  }

  @ParameterizedTest(name = "T0={0}")
  @ValueSource(strings = {"1970-01-01T00:00:00.001Z", "1969-12-31T23:59:59.999999999Z", "2026-11-23T10:00:00.5Z"})
  void startTime_fractionOfASecond_refusedNamingField(String startTime) {
    assertThatThrownBy(() -> OtpParameters.totp().startTime(Instant.parse(startTime)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start time must be a whole second, was " + Instant.parse(startTime));
  }

  @ParameterizedTest(name = "counter={0}")
  @ValueSource(longs = {0, 1, Long.MAX_VALUE})
  void counter_zeroOrMore_accepted(long counter) {
    assertThat(OtpParameters.hotp().counter(counter).build().counter()).hasValue(counter);
  }

  @ParameterizedTest(name = "counter={0}")
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void counter_negative_refusedNamingField(long counter) {
    assertThatThrownBy(() -> OtpParameters.hotp().counter(counter)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("counter must not be negative, was " + counter);
  }

  @Test
  void setters_nullArguments_throwNamingTheArgument() {
    assertThatThrownBy(() -> OtpParameters.totp().algorithm(null)).hasMessage("algorithm");
    assertThatThrownBy(() -> OtpParameters.totp().period(null)).hasMessage("period");
    assertThatThrownBy(() -> OtpParameters.totp().startTime(null)).hasMessage("startTime");
  }

  @Test
  void setters_forTheOtherType_throwIllegalStateException() {
    assertThatThrownBy(() -> OtpParameters.hotp().period(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class).hasMessage("a HOTP key has no period");
    assertThatThrownBy(() -> OtpParameters.hotp().startTime(Instant.EPOCH))
        .isInstanceOf(IllegalStateException.class).hasMessage("a HOTP key has no start time");
    assertThatThrownBy(() -> OtpParameters.hotp().steam())
        .isInstanceOf(IllegalStateException.class).hasMessage("Steam Guard keys are time-based");
    assertThatThrownBy(() -> OtpParameters.totp().counter(0))
        .isInstanceOf(IllegalStateException.class).hasMessage("a TOTP key has no counter");
  }

  @Test
  void steam_forcesSha1AndFiveCharacters() {
    OtpParameters steam = OtpParameters.totp().algorithm(HmacAlgorithm.SHA512).digits(8).steam().build();
    assertThat(steam.isSteam()).isTrue();
    assertThat(steam.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(steam.digits()).isEqualTo(OtpParameters.STEAM_DIGITS).isEqualTo(5);
    assertThat(steam).hasToString("OtpParameters[TOTP, Steam, 30 s, T0=1970-01-01T00:00:00Z]");
    assertThat(OtpParameters.totp().steam().algorithm(HmacAlgorithm.SHA256).build()).isEqualTo(steam);
  }

  @Test
  void digits_afterSteam_endsSteam() {
    OtpParameters decimal = OtpParameters.totp().steam().digits(8).build();
    assertThat(decimal.isSteam()).isFalse();
    assertThat(decimal.digits()).isEqualTo(8);
  }

  @Test
  void withCounter_returnsChangedCopyAndLeavesTheOriginal() {
    OtpParameters original = OtpParameters.hotp().algorithm(HmacAlgorithm.SHA256).digits(8).counter(41).build();
    OtpParameters next = original.withCounter(42);
    assertThat(next.counter()).hasValue(42);
    assertThat(next.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(next.digits()).isEqualTo(8);
    assertThat(original.counter()).hasValue(41);
    assertThatThrownBy(() -> original.withCounter(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OtpParameters.totp().build().withCounter(1)).isInstanceOf(IllegalStateException.class);
  }

  static Stream<OtpParameters> samples() {
    return Stream.of(
        OtpParameters.totp().build(),
        OtpParameters.totp().algorithm(HmacAlgorithm.SHA512).digits(10).period(Duration.ofSeconds(60))
            .startTime(Instant.ofEpochSecond(1_000)).build(),
        OtpParameters.totp().steam().period(Duration.ofSeconds(45)).build(),
        OtpParameters.hotp().build(),
        OtpParameters.hotp().algorithm(HmacAlgorithm.SHA256).digits(7).counter(Long.MAX_VALUE).build());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void toBuilder_unchanged_buildsEqualCopy(OtpParameters parameters) {
    OtpParameters copy = parameters.toBuilder().build();
    assertThat(copy).isEqualTo(parameters).hasSameHashCodeAs(parameters).hasToString(parameters.toString());
  }

  @Test
  void equals_eachFieldDiffering_notEqual() {
    List<OtpParameters> all = samples().toList();
    OtpParameters base = OtpParameters.totp().build();
    List<OtpParameters> variants = List.of(
        base.toBuilder().algorithm(HmacAlgorithm.SHA256).build(),
        base.toBuilder().digits(7).build(),
        base.toBuilder().steam().build(),
        base.toBuilder().period(Duration.ofSeconds(31)).build(),
        base.toBuilder().startTime(Instant.ofEpochSecond(1)).build(),
        OtpParameters.hotp().build(),
        OtpParameters.hotp().counter(1).build());
    for (OtpParameters variant : variants) {
      assertThat(variant).as("%s", variant).isNotEqualTo(base);
    }
    for (int i = 0; i < all.size(); i++) {
      for (int j = 0; j < all.size(); j++) {
        assertThat(all.get(i).equals(all.get(j))).as("%d %d", i, j).isEqualTo(i == j);
      }
    }
    assertThat(base).isNotEqualTo(null).isNotEqualTo("OtpParameters[TOTP, SHA1, 6 digits, 30 s]");
    assertThat(all.stream().mapToInt(OtpParameters::hashCode).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void toString_hindiLocale_writesAsciiDigits() {
    Locale previous = Locale.getDefault();
    Locale.setDefault(new Locale("hi", "IN"));
    try {
      assertThat(OtpParameters.hotp().digits(8).counter(1234).build())
          .hasToString("OtpParameters[HOTP, SHA1, 8 digits, counter 1234]");
    } finally {
      Locale.setDefault(previous);
    }
  }

  // --------------------------------------------------------------------------------- the types that share it

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "otpauth://totp/ACME:me?secret=JBSWY3DPEHPK3PXP&issuer=ACME",
      "OTPAUTH://TOTP/ACME:me?secret=JBSWY3DPEHPK3PXP&algorithm=sha256&digits=8&period=60",
      "otpauth://hotp/ACME:me?secret=JBSWY3DPEHPK3PXP&counter=42&digits=7&algorithm=SHA-512",
      "otpauth://steam/Steam:gamer?secret=JBSWY3DPEHPK3PXP&period=30",
      "otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&encoder=steam&digits=8",
      "steam://63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
      "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=31622400"})
  void otpAuthUriParameters_roundTripThroughToUriString(String text) {
    OtpAuthUri uri = OtpAuthUri.parse(text);
    OtpParameters parameters = uri.parameters();
    assertThat(OtpAuthUri.parse(uri.toUriString()).parameters()).isEqualTo(parameters);
    assertThat(parameters.type()).isEqualTo(uri.type());
    assertThat(parameters.algorithm()).isEqualTo(uri.algorithm());
    assertThat(parameters.digits()).isEqualTo(uri.digits());
    assertThat(parameters.isSteam()).isEqualTo(uri.isSteam());
    assertThat(parameters.counter()).isEqualTo(uri.counter());
    if (uri.type() == OtpType.TOTP) {
      assertThat(parameters.period()).isEqualTo(uri.period());
      assertThat(parameters.startTime()).isEqualTo(Instant.EPOCH);
    }
    OtpAuthUri.Builder builder = OtpAuthUri.builder(uri.secret(), parameters)
        .labelIssuer(uri.labelIssuer().orElse(null)).issuerParameter(uri.issuerParameter().orElse(null))
        .account(uri.account());
    uri.otherParameters().forEach(builder::parameter);
    OtpAuthUri rebuilt = builder.build();
    assertThat(rebuilt).isEqualTo(uri);
    assertThat(rebuilt.toUriString()).isEqualTo(uri.toUriString());
  }

  @Test
  void otpAuthUriBuilder_startTimeOtherThanEpoch_refused() {
    OtpParameters shifted = OtpParameters.totp().startTime(Instant.ofEpochSecond(30)).build();
    assertThatThrownBy(() -> OtpAuthUri.builder(KEY, shifted)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an otpauth URI has no start time T0, so its parameters must start at the Unix epoch, was"
            + " 1970-01-01T00:00:30Z");
  }

  @Test
  void otpAuthUriBuilderDigits_afterSteam_keepsSteam() {
    OtpAuthUri uri = OtpAuthUri.totp(KEY).steam().digits(8).build();
    assertThat(uri.isSteam()).isTrue();
    assertThat(uri.digits()).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void generatorBuilders_parameters_sameCodesAsTheSetters(OtpParameters parameters) {
    Instant at = Instant.parse("2026-11-23T10:00:10Z");
    if (parameters.type() == OtpType.TOTP) {
      Totp.Builder bySetters = Totp.builder(KEY).period(parameters.period()).startTime(parameters.startTime());
      Totp bySetter = parameters.isSteam() ? bySetters.steam().build()
          : bySetters.algorithm(parameters.algorithm()).digits(parameters.digits()).build();
      Totp whole = Totp.builder(KEY).digits(9).parameters(parameters).build();
      assertThat(whole.parameters()).isEqualTo(parameters).isEqualTo(bySetter.parameters());
      assertThat(whole.generate(at)).isEqualTo(bySetter.generate(at));
      assertThat(whole).hasToString(bySetter.toString());
    } else {
      Hotp bySetter = Hotp.builder(KEY).algorithm(parameters.algorithm()).digits(parameters.digits()).build();
      Hotp whole = Hotp.builder(KEY).digits(9).parameters(parameters).build();
      assertThat(whole.generate(7)).isEqualTo(bySetter.generate(7));
      assertThat(whole).hasToString(bySetter.toString());
    }
  }

  @Test
  void generatorBuilders_parametersOfTheOtherType_refused() {
    assertThatThrownBy(() -> Totp.builder(KEY).parameters(OtpParameters.hotp().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Totp needs TOTP parameters, was OtpParameters[HOTP, SHA1, 6 digits, counter 0]: build a Hotp"
            + " for them");
    assertThatThrownBy(() -> Hotp.builder(KEY).parameters(OtpParameters.totp().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a Hotp needs HOTP parameters, was OtpParameters[TOTP");
    assertThatThrownBy(() -> Totp.builder(KEY).parameters(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void totpBuilderSetters_afterParameters_changeOnlyTheirField() {
    OtpParameters parameters = OtpParameters.totp().algorithm(HmacAlgorithm.SHA256).digits(8).build();
    Totp totp = Totp.builder(KEY).parameters(parameters).period(Duration.ofSeconds(60)).build();
    assertThat(totp.parameters()).isEqualTo(parameters.toBuilder().period(Duration.ofSeconds(60)).build());
  }
}
