package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose every test starts with a fresh vault, made by {@code totp init}, at the wiki example's time. */
abstract class WithVault {
  @TempDir Path dir;
  Cli cli;

  @BeforeEach
  void initVault() {
    cli = new Cli(dir, TotpCommandTest.WIKI_TIME);
    assertThat(cli.run("init").status).isZero();
  }
}
