package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
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

  /** The README's quick start is the region between the markers in QuickStart.java, letter for letter. */
  @Test
  void readme_quickStartIsTheCompiledExample() throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/totpkit/examples/QuickStart.java"));
    String region = source.substring(source.indexOf("// quick-start:begin\n") + "// quick-start:begin\n".length(),
        source.indexOf("    // quick-start:end"));
    String snippet = region.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme).contains("```java\n" + snippet + "\n```");
  }
}
