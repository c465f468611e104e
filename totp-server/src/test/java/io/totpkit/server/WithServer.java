package io.totpkit.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose every test starts with a {@link ServerFixture} serving on a loopback port, closed after it. */
abstract class WithServer {
  @TempDir Path dir;
  ServerFixture fx;

  @BeforeEach
  void startServer() {
    fx = new ServerFixture(dir).start();
  }

  @AfterEach
  void stopServer() {
    fx.close();
  }
}
