package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void main_acceptsTheCodeOnceThenRefusesTheReplay() {
    PrintStream previous = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(previous);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("first try: Verification[ACCEPTED, offset 0]")
        .contains("second try: Verification[REPLAYED, offset 0]")
        .containsPattern("code \\d{6}, \\d+ s left")
        .contains("issuer=Example, account=alice@example.com")
        .contains("secret=Secret[20 bytes]");
  }
}
