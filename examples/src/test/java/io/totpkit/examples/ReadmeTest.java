package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every code block of README.md that shows Java is a region of a compiled, tested example, letter for letter. */
class ReadmeTest {
  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource({
    "QuickStart.java, quick-start",
    "ReadScreenshot.java, read-screenshot",
    "VaultQuickStart.java, vault-quick-start",
    "AgencyOnboarding.java, agency-onboarding",
    "SeveralServers.java, several-servers",
  })
  void readme_codeBlockIsTheExampleRegion(String file, String region) throws IOException {
    String source = Files.readString(Path.of("src/main/java/io/totpkit/examples", file));
    String begin = "// " + region + ":begin\n";
    int start = source.indexOf(begin);
    int end = source.indexOf("// " + region + ":end");
    assertThat(start).as("begin marker").isNotNegative();
    assertThat(end).as("end marker").isGreaterThan(start);
    String snippet = source.substring(start + begin.length(), source.lastIndexOf('\n', end) + 1).lines()
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));
    assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + snippet + "\n```");
  }
}
