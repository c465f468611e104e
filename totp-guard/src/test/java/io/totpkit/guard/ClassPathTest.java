package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * This module's test class path is what a login service that depends on totp-guard alone resolves (plus its test
 * libraries, the driver and the pool): neither BouncyCastle nor zxing nor any other totpkit module is on it. The
 * enforcer rule in this module's pom bans them from every scope; this test shows the result where it counts.
 */
class ClassPathTest {
  @Test
  void classPath_ofAServiceUsingTheGuardsAlone_hasNoBouncyCastle() {
    assertThatThrownBy(() -> Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void classPath_ofAServiceUsingTheGuardsAlone_hasNoZxing() {
    assertThatThrownBy(() -> Class.forName("com.google.zxing.Reader")).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void classPath_ofAServiceUsingTheGuardsAlone_hasNoVaultNorQrModule() {
    assertThatThrownBy(() -> Class.forName("io.totpkit.vault.Vault")).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.totpkit.qr.QrCodes")).isInstanceOf(ClassNotFoundException.class);
  }
}
