package io.totpkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TotpPropertiesTest {
  static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

  static TotpProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("totpkit", Bindable.of(TotpProperties.class).withBindMethod(BindMethod.VALUE_OBJECT));
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertFailure(Map<String, String> values) {
    return assertThatThrownBy(() -> bind(values)).isInstanceOf(BindException.class)
        .rootCause().isInstanceOf(InvalidTotpPropertyException.class);
  }

  @Test
  void bind_nothingSet_defaults() {
    TotpProperties p = bind(Map.of());
    assertThat(p.issuer()).isNull();
    assertThat(p.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(p.digits()).isEqualTo(6);
    assertThat(p.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.window()).isEqualTo(new TotpProperties.Window(1, 1));
    assertThat(p.lockout()).isEqualTo(new TotpProperties.Lockout(5, Duration.ofMinutes(1)));
    assertThat(p.guards()).isEqualTo(new TotpProperties.Guards(TotpProperties.Store.AUTO, true));
    assertThat(p.keys().encryptionKeys()).isEmpty();
    assertThat(p.keys().initializeSchema()).isTrue();
    assertThat(p.factor()).isEqualTo(new TotpProperties.Factor("/login/totp", true, true));
  }

  @Test
  void bind_everythingSet_bound() {
    TotpProperties p = bind(Map.ofEntries(Map.entry("totpkit.issuer", "Example Corp"),
        Map.entry("totpkit.algorithm", "sha256"), Map.entry("totpkit.digits", "8"),
        Map.entry("totpkit.period", "60s"), Map.entry("totpkit.window.behind", "2"),
        Map.entry("totpkit.window.ahead", "0"), Map.entry("totpkit.lockout.max-failures", "3"),
        Map.entry("totpkit.lockout.duration", "5m"), Map.entry("totpkit.guards.store", "memory"),
        Map.entry("totpkit.guards.initialize-schema", "false"),
        Map.entry("totpkit.keys.encryption-keys.k1", KEY_A), Map.entry("totpkit.keys.current-key-id", "k1"),
        Map.entry("totpkit.factor.code-page", "/mfa/code"), Map.entry("totpkit.factor.default-page", "false")));
    assertThat(p.issuer()).isEqualTo("Example Corp");
    assertThat(p.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(p.digits()).isEqualTo(8);
    assertThat(p.period()).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.window()).isEqualTo(new TotpProperties.Window(2, 0));
    assertThat(p.lockout()).isEqualTo(new TotpProperties.Lockout(3, Duration.ofMinutes(5)));
    assertThat(p.guards()).isEqualTo(new TotpProperties.Guards(TotpProperties.Store.MEMORY, false));
    assertThat(p.keys().currentKeyId()).isEqualTo("k1");
    assertThat(p.factor()).isEqualTo(new TotpProperties.Factor("/mfa/code", false, true));
  }

  @Test
  void bind_oneKeyNoCurrentId_thatKeyIsCurrent() {
    TotpProperties p = bind(Map.of("totpkit.keys.encryption-keys.k1", KEY_A));
    assertThat(p.keys().currentKeyId()).isEqualTo("k1");
  }

  @Test
  void bind_twoKeysNoCurrentId_refused() {
    assertFailure(Map.of("totpkit.keys.encryption-keys.k1", KEY_A, "totpkit.keys.encryption-keys.k2", KEY_A))
        .hasMessage("totpkit.keys.current-key-id must name one of the ids in totpkit.keys.encryption-keys [k1, k2],"
            + " was not set");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "totpkit.digits             | 5     | totpkit.digits must be 6 to 8, was 5",
      "totpkit.digits             | 9     | totpkit.digits must be 6 to 8, was 9",
      "totpkit.period             | 14s   | totpkit.period must be 15 s to 120 s, was 14 s",
      "totpkit.period             | 121s  | totpkit.period must be 15 s to 120 s, was 121 s",
      "totpkit.period             | 1500ms| totpkit.period must be 15 s to 120 s, was 1 s",
      "totpkit.window.behind      | 4     | totpkit.window.behind must be 0 to 3, was 4",
      "totpkit.window.behind      | -1    | totpkit.window.behind must be 0 to 3, was -1",
      "totpkit.window.ahead       | 4     | totpkit.window.ahead must be 0 to 3, was 4",
      "totpkit.lockout.max-failures | 0   | totpkit.lockout.max-failures must be 1 to 100, was 0",
      "totpkit.lockout.max-failures | 101 | totpkit.lockout.max-failures must be 1 to 100, was 101",
      "totpkit.lockout.duration   | 0s    | totpkit.lockout.duration must be 1 s to 31536000 s, was 0 s",
      "totpkit.issuer             | 'A:B' | totpkit.issuer must be 1 to 100 characters without ':'",
      "totpkit.factor.code-page   | login | totpkit.factor.code-page must be a path starting with '/'",
      "totpkit.factor.code-page   | /a/../b | totpkit.factor.code-page must be a path starting with '/'",
  })
  void bind_outOfRange_namesProperty(String property, String value, String message) {
    assertFailure(Map.of(property, value)).hasMessageStartingWith(message)
        .extracting(e -> ((InvalidTotpPropertyException) e).property()).isEqualTo(property);
  }

  @Test
  void bind_periodWithFraction_refused() {
    assertFailure(Map.of("totpkit.period", "30500ms")).hasMessage("totpkit.period must be whole seconds, was PT30.5S");
  }

  @Test
  void bind_unknownAlgorithm_refusedBySpring() {
    assertThatThrownBy(() -> bind(Map.of("totpkit.algorithm", "MD5"))).isInstanceOf(BindException.class)
        .hasMessageContaining("totpkit.algorithm");
  }

  @Test
  void bind_keyNotBase64_refusedWithoutEchoingIt() {
    assertFailure(Map.of("totpkit.keys.encryption-keys.k1", "not*base64!", "totpkit.keys.current-key-id", "k1"))
        .hasMessage("totpkit.keys.encryption-keys.k1 must be Base64 (openssl rand -base64 32); it is not")
        .message().doesNotContain("not*base64!");
  }

  @Test
  void bind_keyOf16Bytes_refusedWithItsLength() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertFailure(Map.of("totpkit.keys.encryption-keys.k1", shortKey, "totpkit.keys.current-key-id", "k1"))
        .hasMessage("totpkit.keys.encryption-keys.k1 must decode to 32 bytes (openssl rand -base64 32), decodes to 16")
        .message().doesNotContain(shortKey);
  }

  @Test
  void bind_currentKeyIdUnknown_listsTheIds() {
    assertFailure(Map.of("totpkit.keys.encryption-keys.k1", KEY_A, "totpkit.keys.current-key-id", "k2"))
        .hasMessage("totpkit.keys.current-key-id must name one of the ids in totpkit.keys.encryption-keys [k1],"
            + " was \"k2\"");
  }

  @Test
  void bind_keyIdWithSpace_refused() {
    Map<String, String> values = new HashMap<>();
    values.put("totpkit.keys.encryption-keys[k 1]", KEY_A);
    values.put("totpkit.keys.current-key-id", "k 1");
    assertFailure(values).hasMessageStartingWith("totpkit.keys.encryption-keys ids must be 1 to 32 letters");
  }

  @Test
  void toString_keysConfigured_showsIdsOnly() {
    String key = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});
    TotpProperties p = bind(Map.of("totpkit.keys.encryption-keys.k1", key, "totpkit.keys.current-key-id", "k1"));
    assertThat(p.toString()).contains("k1").doesNotContain(key).doesNotContain(key.substring(0, 8));
    assertThat(KeyRing.of(p.keys()).toString()).contains("k1").doesNotContain(key.substring(0, 8));
  }

  @Test
  void keyRing_noKeys_saysHowToMakeOne() {
    assertThatThrownBy(() -> KeyRing.of(bind(Map.of()).keys()))
        .isInstanceOf(InvalidTotpPropertyException.class)
        .hasMessageContaining("openssl rand -base64 32");
  }
}
