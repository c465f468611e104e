package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * RFC 4226 R6 asks for keys of at least 128 bits; a shorter one is usually a setup key cut off when it was copied.
 * Below 80 bits the vault refuses it (exit 2); from 80 to 127 bits the tool adds it and warns.
 */

class WeakKeyTest extends WithVault {
  @Test
  void addKey_8Bits_status2AskingWhetherItWasCutOff() {
    Cli.Result result = cli.run("add", "--key", "AA", "--issuer", "Acme", "--account", "ops");
    assertThat(result.status).as(result.toString()).isEqualTo(2);
    assertThat(result.err).isEqualTo("totp: the key is only 8 bits; the vault stores keys of at least 80 bits "
        + "(RFC 4226 asks for 128): was the key cut off when it was copied?\n");
    assertThat(cli.run("list").err).contains("the vault has no accounts");
  }

  @Test
  void addUri_72BitKey_status2() {
    Cli.Result result = cli.run("add", "--uri", "otpauth://totp/Acme:ops?secret=JBSWY3DPEHPK3PX");
    assertThat(result.status).isEqualTo(2);
    assertThat(result.err).contains("the key is only 72 bits").contains("cut off");
  }

  @Test
  void addKey_80Bits_addedWithAWarning() {
    Cli.Result result = cli.run("add", "--key", "JBSW Y3DP EHPK 3PXP", "--issuer", "Acme", "--account", "ops");
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.out).contains("Added ");
    assertThat(result.err).isEqualTo("totp: warning: the key of Acme (ops) is only 80 bits; RFC 4226 asks for at "
        + "least 128 — check that it was copied whole\n");
  }

  @Test
  void addKey_160Bits_noWarning() {
    Cli.Result result = cli.run("add", "--key", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "--account", "ops");
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.err).isEmpty();
  }

  @Test
  void import_listWithA40BitKey_skipsItAndImportsTheRest() throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"), "otpauth://totp/Short:x?secret=JBSWY3DP&issuer=Short\n"
        + TotpCommandTest.SLACK + "\n");
    Cli.Result result = cli.run("import", list.toString());
    assertThat(result.status).as(result.toString()).isZero();
    assertThat(result.out).contains("list.txt (otpauth list): 1 imported, 1 skipped")
        .contains("skipped line 1 (Short): the key is only 40 bits");
  }
}
