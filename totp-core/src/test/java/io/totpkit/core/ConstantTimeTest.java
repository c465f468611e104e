package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Typed codes are compared in constant time, shown by construction: the compiled comparison has no branch on the
 * data (read from the bytecode with {@code javap}), and the window loop computes and compares every candidate, with
 * no exit but the loop bound. No timing is measured, so nothing here is flaky.
 */
class ConstantTimeTest {
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s*\\d+: (\\w+)(.*)$");

  /** The instructions of {@code method} in {@code CodeGenerator}, e.g. {@code "invokevirtual #114 // Method code"}. */
  private static List<String> bytecode(String method) throws URISyntaxException {
    return bytecode(CodeGenerator.class, method);
  }

  /** The instructions of {@code method} in {@code type}. */
  private static List<String> bytecode(Class<?> type, String method) throws URISyntaxException {
    Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    StringWriter out = new StringWriter();
    int status = ToolProvider.findFirst("javap").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
        "-c", "-p", "-cp", classes.toString(), type.getName());
    assertThat(status).as(out.toString()).isZero();
    List<String> instructions = new ArrayList<>();
    boolean inside = false;
    for (String line : out.toString().split("\n")) {
      if (line.matches("^  \\S.*\\b" + method + "\\(.*\\);$")) {
        inside = true;
      } else if (inside && line.isBlank()) {
        break;
      } else if (inside) {
        Matcher m = INSTRUCTION.matcher(line);
        if (m.matches()) {
          instructions.add(m.group(1) + m.group(2).replaceAll("\\s+", " "));
        }
      }
    }
    assertThat(instructions).as("bytecode of %s", method).isNotEmpty();
    return instructions;
  }

  private static boolean isBranch(String instruction) {
    return instruction.startsWith("if") || instruction.startsWith("goto") || instruction.contains("switch");
  }

  private static long count(List<String> instructions, String prefix) {
    return instructions.stream().filter(i -> i.startsWith(prefix)).count();
  }

  @Test
  void equalAndSelect_compiledCode_hasNoBranchAndNoCall() throws Exception {
    for (String method : List.of("equal", "select")) {
      assertThat(bytecode(method)).as(method).noneMatch(ConstantTimeTest::isBranch)
          .noneMatch(i -> i.startsWith("invoke"));
    }
  }

  @Test
  void firstMatch_compiledCode_computesEveryCandidateAndLeavesOnlyAtTheLoopBound() throws Exception {
    for (String method : List.of("firstMatch", "firstPairMatch")) {
      List<String> code = bytecode(method);
      // The loop test (counter against the bound and against overflow) and the back edge: nothing that could
      // skip a candidate or leave early once one matched.
      assertThat(code.stream().filter(ConstantTimeTest::isBranch)).as(method).hasSize(3);
      assertThat(count(code, "goto")).as(method).isEqualTo(1);
      assertThat(count(code, "lreturn")).as(method).isEqualTo(1);
      // Exactly one HMAC per loop iteration, and only branch-free comparisons.
      assertThat(code.stream().filter(i -> i.startsWith("invoke")).map(i -> i.replaceAll(".*Method ", "")))
          .as(method).allMatch(call -> call.startsWith("code:") || call.startsWith("equal:")
              || call.startsWith("select:"));
      int loopStart = code.indexOf(code.stream().filter(i -> i.startsWith("if")).findFirst().orElseThrow());
      assertThat(code.subList(loopStart, code.size()).stream().filter(i -> i.contains("Method code:")))
          .as(method).hasSize(1);
    }
  }

  @Test
  void verifiers_neverCompareCodesAsText() throws Exception {
    for (Class<?> type : List.of(TotpVerifier.class, HotpVerifier.class)) {
      StringWriter out = new StringWriter();
      ToolProvider.findFirst("javap").orElseThrow().run(new PrintWriter(out), new PrintWriter(out), "-c", "-p",
          "-cp", Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
          type.getName());
      // String.equals and friends exit at the first differing character (totp-rs CVE-2022-29185).
      assertThat(out.toString()).as(type.getSimpleName()).contains("firstMatch")
          .doesNotContain("String.equals", "contentEquals", "String.compareTo", "Arrays.equals",
              "String.regionMatches");
    }
  }

  /** The calls a compiled method makes, as {@code "Class.method"} ({@code "firstMatch"} within its own class). */
  private static List<String> calls(List<String> instructions) {
    return instructions.stream().filter(i -> i.startsWith("invoke")).map(i -> i.replaceAll(".*Method ", "")
        .replaceAll(":.*", "").replace("io/totpkit/core/", "").replace("java/lang/", "").replace('/', '.')).toList();
  }

  @Test
  void windowOfTotpAndHotp_compiledCode_hasNoBranchAndReachesOnlyTheConstantTimeLoop() throws Exception {
    // The window's bounds come from the time or the expected counter, never from what was typed: no branch at all,
    // and the only comparison is CodeGenerator's loop, tested above.
    assertThat(bytecode(Totp.class, "firstMatch")).noneMatch(ConstantTimeTest::isBranch);
    assertThat(calls(bytecode(Totp.class, "firstMatch"))).containsExactly("Math.max", "CodeGenerator.firstMatch");
    assertThat(bytecode(Hotp.class, "firstMatch")).noneMatch(ConstantTimeTest::isBranch);
    assertThat(calls(bytecode(Hotp.class, "firstMatch"))).containsExactly("lastCounter", "CodeGenerator.firstMatch");
    assertThat(bytecode(Hotp.class, "firstPairMatch")).noneMatch(ConstantTimeTest::isBranch);
    assertThat(calls(bytecode(Hotp.class, "firstPairMatch")))
        .containsExactly("lastCounter", "CodeGenerator.firstPairMatch");
    assertThat(bytecode(Hotp.class, "lastCounter")).noneMatch(ConstantTimeTest::isBranch);
  }

  @Test
  void checkOfTotpAndHotp_compiledCode_parsesThenComparesOnlyThroughTheWindow() throws Exception {
    for (Class<?> type : List.of(Totp.class, Hotp.class)) {
      List<String> code = bytecode(type, "check");
      List<String> calls = calls(code);
      // String.equals and friends exit at the first differing character (totp-rs CVE-2022-29185).
      assertThat(calls).as(type.getSimpleName()).contains("CodeGenerator.parse", "firstMatch")
          .noneMatch(call -> call.endsWith(".equals") || call.contains("compare") || call.contains("regionMatches")
              || call.contains("contentEquals") || call.startsWith("CodeGenerator.code"));
      // Two branches on data, both taken after the work is done: the input's form, then whether anything matched
      // (inside matchedOrRejected); the window's range checks come first and never look at the input.
      assertThat(calls.indexOf("firstMatch")).as(type.getSimpleName())
          .isGreaterThan(calls.indexOf("CodeGenerator.parse")).isLessThan(calls.indexOf("Verification"
              + ".matchedOrRejected"));
    }
  }

  @Test
  void firstMatch_matchAtEveryPositionOfTheWindow_returnsTheFirstMatchingCounter() {
    CodeGenerator generator = CodeGenerator.of(OtpParameters.hotp().algorithm(HmacAlgorithm.SHA1).digits(6).build(),
        Secret.fromBytes("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    for (long counter = 0; counter <= 20; counter++) {
      assertThat(generator.firstMatch(generator.code(counter), 0, 20)).isEqualTo(counter);
    }
    assertThat(generator.firstMatch(generator.code(21), 0, 20)).isEqualTo(-1);
    // RFC 4226 Appendix D: counters 0 and 1 give 755224 and 287082; the pair is found at 1.
    assertThat(generator.firstPairMatch(755224, 287082, 0, 5)).isEqualTo(1);
    assertThat(generator.firstPairMatch(287082, 755224, 0, 5)).isEqualTo(-1);
  }
}
