package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QrOptionsTest {
  @Test
  void defaults_areEightPixelModulesFourModuleMarginLevelM() {
    QrOptions defaults = QrOptions.defaults();

    assertThat(defaults.moduleSize()).isEqualTo(8);
    assertThat(defaults.size()).isEmpty();
    assertThat(defaults.margin()).isEqualTo(4);
    assertThat(defaults.errorCorrection()).isEqualTo(QrOptions.ErrorCorrection.M);
    assertThat(defaults.ansiColors()).isFalse();
    assertThat(defaults).isEqualTo(QrOptions.builder().build()).hasSameHashCodeAs(QrOptions.builder().build());
  }

  @Test
  void moduleSize_outOfRange_throwsNamingFieldAndRange() {
    assertThatThrownBy(() -> QrOptions.builder().moduleSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moduleSize must be between 1 and 64 pixels, was 0");
    assertThatThrownBy(() -> QrOptions.builder().moduleSize(65))
        .hasMessage("moduleSize must be between 1 and 64 pixels, was 65");
  }

  @Test
  void size_outOfRange_throwsNamingFieldAndRange() {
    assertThatThrownBy(() -> QrOptions.builder().size(20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 21 and 8192 pixels, was 20");
    assertThatThrownBy(() -> QrOptions.builder().size(8193))
        .hasMessage("size must be between 21 and 8192 pixels, was 8193");
  }

  @Test
  void margin_outOfRange_throwsNamingFieldAndRange() {
    assertThatThrownBy(() -> QrOptions.builder().margin(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("margin must be between 0 and 40 modules, was -1");
  }

  @Test
  void errorCorrection_null_throwsNullPointerException() {
    assertThatThrownBy(() -> QrOptions.builder().errorCorrection(null))
        .isInstanceOf(NullPointerException.class).hasMessage("errorCorrection");
  }

  @Test
  void moduleSize_afterSize_clearsTheSize() {
    QrOptions options = QrOptions.builder().size(300).moduleSize(5).build();

    assertThat(options.size()).isEmpty();
    assertThat(options.moduleSize()).isEqualTo(5);
    assertThat(QrOptions.builder().size(300).build().size()).hasValue(300);
  }

  @Test
  void toString_namesEveryValue() {
    assertThat(QrOptions.builder().size(300).margin(2).build())
        .hasToString("QrOptions[size=300, margin=2, errorCorrection=M, ansiColors=false]");
  }
}
