package io.totpkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every code block of the README's "Spring Boot" section that shows the sample is a marked region of its sources,
 * letter for letter (less the region's common indentation), so the README shows what the end-to-end tests run.
 */
class ReadmeTest {
  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource({
    "java/io/totpkit/examples/spring/SampleApplication.java, application, java, //",
    "java/io/totpkit/examples/spring/SecurityConfiguration.java, chain, java, //",
    "java/io/totpkit/examples/spring/AccountController.java, account, java, //",
    "java/io/totpkit/examples/spring/SignInAudit.java, audit, java, //",
    "resources/application.properties, two-lines, properties, #",
  })
  void readme_codeBlockIsTheSampleRegion(String file, String region, String language, String comment)
      throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/main", file));
    int begin = lines.indexOf(lines.stream().filter(l -> l.strip().equals(comment + " " + region + ":begin"))
        .findFirst().orElseThrow(() -> new AssertionError("no begin marker for " + region)));
    int end = lines.indexOf(lines.stream().filter(l -> l.strip().equals(comment + " " + region + ":end"))
        .findFirst().orElseThrow(() -> new AssertionError("no end marker for " + region)));
    assertThat(end).as("end marker").isGreaterThan(begin);
    List<String> body = lines.subList(begin + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    String snippet = body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(readme.substring(readme.indexOf("## Spring Boot\n")))
        .contains("```" + language + "\n" + snippet + "\n```");
  }
}
