package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.PublicApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The starter's API is what its README lists, and no optional library shows in it. */
class PublicApiTest {
  @Test
  void types_public_exactlyTheDocumentedApi() {
    assertThat(PublicApi.types(TotpProperties.class)).map(Class::getName)
        .map(n -> n.substring("io.totpkit.spring.".length()))
        .containsExactlyInAnyOrder(
            // configuration and auto-configuration
            "TotpProperties", "TotpProperties$Window", "TotpProperties$Lockout", "TotpProperties$Store",
            "TotpProperties$Guards", "TotpProperties$Keys", "TotpProperties$Factor", "InvalidTotpPropertyException",
            "TotpAutoConfiguration", "TotpServicesAutoConfiguration", "TotpFactorAutoConfiguration",
            // services and their values
            "TotpAuthenticationService", "TotpVerificationResult", "TotpOutcome", "TotpEnrollment",
            "EnrollmentStart", "RecoveryCodes",
            // storage
            "TotpKeyRepository", "JdbcTotpKeyRepository", "StoredTotpKey", "RecoveryCodeRepository",
            "JdbcRecoveryCodeRepository", "TotpKeyStoreException",
            // the factor
            "TotpFactor", "TotpFactorConfigurer", "TotpAuthenticationSuccessEvent", "TotpAuthenticationFailureEvent",
            "TotpCodeNotAcceptedException");
  }

  @Test
  void mentionsOf_optionalLibraries_none() {
    assertThat(PublicApi.mentionsOf(TotpProperties.class, List.of("io.totpkit.qr", "io.micrometer",
        "com.google.zxing", "boofcv", "org.postgresql", "com.zaxxer", "io.totpkit.guard.jdbc"))).isEmpty();
  }
}
