package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.AttemptLimiter;
import io.totpkit.core.InMemoryReplayGuard;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.guard.testing.FreshDatabaseTest;
import io.totpkit.qr.QrCodes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TotpEnrollmentTest extends FreshDatabaseTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T05:00:10Z"));
  JdbcTotpKeyRepository repository;
  TotpAuthenticationService service;
  TotpEnrollment enrollment;

  @BeforeEach
  void setUp() {
    StarterSchema.create(db);
    repository = JdbcTotpKeyRepository.of(db);
    EncryptedKeys keys = new EncryptedKeys(repository, new TotpKeyCipher(Keys.ring("k1"), new SecureRandom()));
    service = new TotpAuthenticationService(keys, new InMemoryReplayGuard(),
        AttemptLimiter.inMemory(5, Duration.ofMinutes(1)), new TotpProperties.Window(1, 1), clock, List.of());
    enrollment = new TotpEnrollment(keys, service, properties("Example Corp"), new SecureRandom(), clock, true);
  }

  static TotpProperties properties(String issuer) {
    Map<String, String> values = issuer == null ? Map.of() : Map.of("totpkit.issuer", issuer);
    return TotpPropertiesTest.bind(values);
  }

  String currentCode(EnrollmentStart start) {
    return OtpAuthUri.parse(start.otpauthUri()).toTotp().generate(clock.instant());
  }

  @Test
  void begin_newUser_pendingKeyAndImagesThatScanToTheUri() {
    EnrollmentStart start = enrollment.begin("alice", "alice@example.com");
    OtpAuthUri uri = OtpAuthUri.parse(start.otpauthUri());
    assertThat(uri.issuer()).isEqualTo("Example Corp");
    assertThat(uri.account()).isEqualTo("alice@example.com");
    assertThat(uri.secret().length()).isEqualTo(20);
    assertThat(start.manualKey().replace(" ", "")).isEqualTo(uri.secret().toBase32());
    assertThat(start.manualKey()).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
    assertThat(repository.findPending("alice")).isPresent();
    assertThat(repository.findActive("alice")).isEmpty();
    String png = start.qrPngDataUri().orElseThrow();
    assertThat(png).startsWith("data:image/png;base64,");
    byte[] image = Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1));
    assertThat(QrCodes.read(image)).containsExactly(uri);
    assertThat(start.qrSvgDataUri().orElseThrow()).startsWith("data:image/svg+xml;base64,");
    assertThat(start.toString()).doesNotContain(uri.secret().toBase32()).doesNotContain("otpauth");
  }

  @Test
  void begin_withoutTotpQr_textAndKeyOnly() {
    TotpEnrollment textOnly = new TotpEnrollment(
        new EncryptedKeys(repository, new TotpKeyCipher(Keys.ring("k1"), new SecureRandom())), service,
        properties("Example Corp"), new SecureRandom(), clock, false);
    EnrollmentStart start = textOnly.begin("bob", "bob");
    assertThat(start.otpauthUri()).startsWith("otpauth://totp/Example%20Corp:bob?");
    assertThat(start.qrPngDataUri()).isEmpty();
    assertThat(start.qrSvgDataUri()).isEmpty();
  }

  @Test
  void qrOnClassPath_inTheseTests_true() {
    assertThat(TotpEnrollment.QR_ON_CLASS_PATH).isTrue();
  }

  @Test
  void confirm_rightCode_activates() {
    EnrollmentStart start = enrollment.begin("alice", "alice");
    assertThat(enrollment.confirm("alice", currentCode(start)).outcome()).isEqualTo(TotpOutcome.ACCEPTED);
    assertThat(repository.findActive("alice")).isPresent();
    assertThat(repository.findPending("alice")).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    assertThat(service.verify("alice", currentCode(start)).outcome()).isEqualTo(TotpOutcome.ACCEPTED);
  }

  @Test
  void confirm_wrongCode_staysPendingAndOldKeyStaysActive() {
    EnrollmentStart first = enrollment.begin("alice", "alice");
    enrollment.confirm("alice", currentCode(first));
    EnrollmentStart second = enrollment.begin("alice", "alice");
    String wrong = currentCode(second).equals("000000") ? "111111" : "000000";
    assertThat(enrollment.confirm("alice", wrong).outcome()).isEqualTo(TotpOutcome.REJECTED);
    assertThat(repository.findPending("alice")).isPresent();
    clock.advance(Duration.ofSeconds(30));
    assertThat(service.verify("alice", currentCode(first)).isAccepted()).isTrue();
  }

  @Test
  void confirm_afterFifteenMinutes_notEnrolled() {
    EnrollmentStart start = enrollment.begin("alice", "alice");
    clock.advance(TotpEnrollment.PENDING_LIFETIME.plusSeconds(1));
    assertThat(enrollment.confirm("alice", currentCode(start)).outcome()).isEqualTo(TotpOutcome.NOT_ENROLLED);
    assertThat(repository.findActive("alice")).isEmpty();
  }

  @Test
  void beginOrResume_freshPending_sameKeyShownAgain() {
    EnrollmentStart first = enrollment.beginOrResume("alice", "alice");
    EnrollmentStart again = enrollment.beginOrResume("alice", "alice");
    assertThat(again.otpauthUri()).isEqualTo(first.otpauthUri());
    assertThat(enrollment.confirm("alice", currentCode(first)).isAccepted()).isTrue();
  }

  @Test
  void beginOrResume_expiredPending_newKey() {
    EnrollmentStart first = enrollment.beginOrResume("alice", "alice");
    clock.advance(TotpEnrollment.PENDING_LIFETIME.plusSeconds(1));
    assertThat(enrollment.beginOrResume("alice", "alice").otpauthUri()).isNotEqualTo(first.otpauthUri());
  }

  @Test
  void confirm_nothingPending_notEnrolled() {
    assertThat(enrollment.confirm("bob", "123456").outcome()).isEqualTo(TotpOutcome.NOT_ENROLLED);
  }

  @Test
  void create_noIssuer_namesProperty() {
    assertThatThrownBy(() -> new TotpEnrollment(null, null, properties(null), new SecureRandom(), clock, true))
        .isInstanceOf(InvalidTotpPropertyException.class).hasMessageStartingWith("totpkit.issuer must be set");
  }
}
