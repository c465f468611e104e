package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QrReadOptionsTest {
  @Test
  void defaults_are50MegapixelsAnd64Mebibytes() {
    assertThat(QrReadOptions.defaults().maxPixels()).isEqualTo(50_000_000L);
    assertThat(QrReadOptions.defaults().maxBytes()).isEqualTo(64L << 20);
    assertThat(QrReadOptions.builder().build()).isEqualTo(QrReadOptions.defaults());
  }

  @Test
  void maxPixels_outOfRange_throwsNamingFieldAndRange() {
    assertThatThrownBy(() -> QrReadOptions.builder().maxPixels(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPixels must be between 1 and 2147483639, was 0");
  }

  @Test
  void maxBytes_outOfRange_throwsNamingFieldAndRange() {
    assertThatThrownBy(() -> QrReadOptions.builder().maxBytes(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes must be between 1 and 2147483639, was 2147483647");
  }

  @Test
  void toString_namesBothLimits() {
    assertThat(QrReadOptions.defaults()).hasToString("QrReadOptions[maxPixels=50000000, maxBytes=67108864]");
  }
}
