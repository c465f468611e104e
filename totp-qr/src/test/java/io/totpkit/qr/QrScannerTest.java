package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QrScannerTest {
  private static QrScanner.Found box(String name, float x, float y, float size) {
    return new QrScanner.Found(name, x, y, x + size, y + size);
  }

  @Test
  void inReadingOrder_rowsTopToBottomEachLeftToRight() {
    // Two codes side by side, the right one a little higher; one below them; one further down on the left.
    List<QrScanner.Found> found = List.of(
        box("below", 300, 700, 200),
        box("right", 600, 90, 200),
        box("last", 50, 1200, 200),
        box("left", 100, 120, 200));

    assertThat(QrScanner.inReadingOrder(found).stream().map(f -> f.text).collect(Collectors.toList()))
        .containsExactly("left", "right", "below", "last");
  }

  @Test
  void inReadingOrder_empty_isEmpty() {
    assertThat(QrScanner.inReadingOrder(List.of())).isEmpty();
  }
}
