package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PrintCodeTest {
  private static final Clock WIKI_TIME = Clock.fixed(Instant.parse("2009-11-10T23:00:10.5Z"), ZoneOffset.UTC);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return PrintCode.run(args, WIKI_TIME, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_noArguments_printsTheSampleKeysCodeAndSecondsLeft() {
    assertThat(run()).isZero();
    // Google's Key Uri Format example: 528064 at 2009-11-10T23:00Z; 19.5 s left, shown rounded up.
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Google's sample key: 528064  (20 s left)\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("JBSW");
  }

  @Test
  void run_typedKey_printsItsCode() {
    assertThat(run("jbsw y3dp ehpk 3pxp")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("your key: 528064");
  }

  @Test
  void run_otpauthUri_namesTheAccount() {
    assertThat(run("otpauth://totp/ACME:me@x.org?secret=JBSWY3DPEHPK3PXP&issuer=ACME")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("ACME (me@x.org): 528064");
  }

  @Test
  void run_badKey_oneLineErrorWithoutTheKeyAndStatusTwo() {
    assertThat(run("JBSWY3DPEHPK3PX1")).isEqualTo(2);
    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(error).startsWith("totp: Base32 secret has a digit").contains("position 16").doesNotContain("JBSW");
    assertThat(error.lines()).hasSize(1);
    assertThat(out.size()).isZero();
  }

  @Test
  void run_hotpUri_explainsInsteadOfCrashing() {
    assertThat(run("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("totp: this URI describes a HOTP key: use toHotp()\n");
  }

  @Test
  void run_tooManyArguments_printsUsage() {
    assertThat(run("a", "b")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: totp");
  }
}
