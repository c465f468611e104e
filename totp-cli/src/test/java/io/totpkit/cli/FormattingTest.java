package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How codes and countdowns look: pure functions, no vault. */
class FormattingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"492039, 492 039", "04924939, 0492 4939", "1234567, 123 4567", "FR8RV, FR8RV",
      "1234567890, 12345 67890"})
  void group_splitsLongCodesInTwo(String code, String grouped) {
    assertThat(CodeLine.group(code)).isEqualTo(grouped);
  }

  /** Cells round half up, so a code with a second left still shows one. */
  @ParameterizedTest(name = "{0} of {1} s -> {2}")
  @CsvSource({"30, 30, ███████████████", "0, 30, ░░░░░░░░░░░░░░░", "17, 30, █████████░░░░░░",
      "1, 30, █░░░░░░░░░░░░░░", "2, 30, █░░░░░░░░░░░░░░", "45, 60, ███████████░░░░"})
  void bar_fillsInProportionToTheSecondsLeft(long left, long period, String cells) {
    assertThat(CodeLine.bar(left, period)).isEqualTo("[" + cells + "]");
  }
}
