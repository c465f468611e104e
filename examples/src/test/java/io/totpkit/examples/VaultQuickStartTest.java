package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VaultQuickStartTest {
  @Test
  void main_printsTheCodeAndAVerifiedAuditTrailButNotTheSecret() throws IOException {
    PrintStream previous = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      VaultQuickStart.main(new String[0]);
    } finally {
      System.setOut(previous);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .containsPattern("GitHub \\(acme-ops, tags \\[client:acme]\\): \\d{6}, valid for \\d+ s more")
        .containsPattern("audit trail: \\d+ records, verified")
        .doesNotContain("JBSWY3DP");
  }
}
